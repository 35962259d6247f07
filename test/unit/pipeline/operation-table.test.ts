/** The generated operation table entry for Certificate_Add, field by field. */
import { describe, expect, it } from '@jest/globals';
import { operationDocs } from '../../../generated/operation-docs.js';
import { operations } from '../../../generated/operations.js';
import type { OperationTable } from '../../../src/table/operation-table.js';

const table: OperationTable = operations;
const GUIDE = 'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide';
const COMMON = {
  timeout: {
    wireName: 'timeout',
    clientName: 'timeout',
    location: 'query',
    type: 'integer',
    format: 'int32',
    required: false,
    default: 30,
    group: 'CertificateAddOptions',
  },
  clientRequestId: {
    wireName: 'client-request-id',
    clientName: 'clientRequestId',
    location: 'header',
    type: 'string',
    format: 'uuid',
    required: false,
    isClientRequestId: true,
    group: 'CertificateAddOptions',
  },
  returnClientRequestId: {
    wireName: 'return-client-request-id',
    clientName: 'returnClientRequestId',
    location: 'header',
    type: 'boolean',
    required: false,
    default: false,
    group: 'CertificateAddOptions',
  },
  ocpDate: {
    wireName: 'ocp-date',
    clientName: 'ocpDate',
    location: 'header',
    type: 'string',
    format: 'date-time-rfc1123',
    required: false,
    group: 'CertificateAddOptions',
  },
};

describe('operation table', () => {
  it('Certificate_Add, field by field', () => {
    const add = table.Certificate_Add!;
    expect(add.operationId).toBe('Certificate_Add');
    expect(add.group).toBe('certificate');
    expect(add.method).toBe('add');
    expect(add.httpMethod).toBe('POST');
    expect(add.path).toBe('/certificates');
    expect(add.apiVersion).toBe('2024-07-01.20.0');
    expect(add.deprecated).toBe(true);
    expect(add.deprecation).toEqual({
      code: 'BATCH_DEP_CERTIFICATE_ADD',
      message: `certificate.add() is deprecated. Azure Batch certificates were retired on 29 February 2024 and the live service rejects this call (400 CertificateRetired). Use the Azure Key Vault VM extension instead: ${GUIDE}`,
      retirement: {
        errorCode: 'CertificateRetired',
        message: `Certificate operation 'certificate.add' failed: Azure Batch certificates were retired on 29 February 2024, so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and install them on pool nodes with the Azure Key Vault VM extension (migration guide: ${GUIDE}). For tests, use the emulator from 'batch-rest-client/testing'.`,
      },
    });
    expect(add.parameters).toEqual([
      COMMON.timeout,
      COMMON.clientRequestId,
      COMMON.returnClientRequestId,
      COMMON.ocpDate,
    ]);
    // prose lives in operation-docs.ts (the CLI help reads it; the client bundle does not carry it)
    expect(add.summary).toBeUndefined();
    expect(Object.keys(operationDocs.Certificate_Add.parameters)).toEqual([
      'clientRequestId',
      'ocpDate',
      'returnClientRequestId',
      'timeout',
    ]);
    expect(operationDocs.Certificate_Add.summary).toBe(
      'Adds a Certificate to the specified Account.',
    );
    expect(add.body).toEqual({
      clientName: 'certificate',
      required: true,
      schema: 'CertificateAddParameter',
      contentType: 'application/json; odata=minimalmetadata',
      normalizations: [{ property: 'thumbprint', rule: 'remove-separators' }],
    });
    expect(add.successStatuses).toEqual([201]);
    expect(add.responseHeaders).toEqual([
      { wireName: 'DataServiceId', clientName: 'dataServiceId', type: 'string' },
      { wireName: 'ETag', clientName: 'eTag', type: 'string' },
      {
        wireName: 'Last-Modified',
        clientName: 'lastModified',
        type: 'string',
        format: 'date-time-rfc1123',
      },
      {
        wireName: 'client-request-id',
        clientName: 'clientRequestId',
        type: 'string',
        format: 'uuid',
      },
      { wireName: 'request-id', clientName: 'requestId', type: 'string', format: 'uuid' },
    ]);
    expect(add.responseBody).toBe('none');
    expect(add.pageable).toBeUndefined();
    expect(add.isExistenceCheck).toBe(false);
    expect(add.secrets).toEqual(['certificate.data', 'certificate.password']);
    expect(add.retryRecovery).toEqual({ read: 'Certificate_Get', expect: 'created' });
    expect(add.validators).toEqual({
      parameters: 'Certificate_Add_parameters',
      body: 'Certificate_Add_body',
    });
  });

  it('derives group and method mechanically, and the other operations have their shapes', () => {
    expect(
      Object.values(table).map(
        (o) =>
          `${o.operationId} → ${o.group}.${o.method} ${o.httpMethod} ${o.successStatuses.join(',')}`,
      ),
    ).toEqual([
      'Certificate_Add → certificate.add POST 201',
      'Certificate_CancelDeletion → certificate.cancelDeletion POST 204',
      'Certificate_Delete → certificate.delete DELETE 202',
      'Certificate_Get → certificate.get GET 200',
      'Certificate_List → certificate.list GET 200',
    ]);
    expect(table.Certificate_List!.pageable).toEqual({
      nextLinkName: 'odata.nextLink',
      itemName: 'value',
    });
    expect(
      table.Certificate_List!.parameters.map((p) => `${p.wireName}→${p.clientName}`).slice(0, 3),
    ).toEqual(['$filter→filter', '$select→select', 'maxresults→maxResults']);
    expect(table.Certificate_Get!.path).toBe(
      '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})',
    );
    expect(
      table
        .Certificate_Get!.parameters.filter((p) => p.location === 'path')
        .map((p) => p.clientName),
    ).toEqual(['thumbprintAlgorithm', 'thumbprint']);
    expect(table.Certificate_Get!.responseSchema).toBe('Certificate');
    expect(table.Certificate_CancelDeletion!.path).toBe(
      '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})/canceldelete',
    );
  });
});

describe('generated client surface', () => {
  it('marks every deprecated operation @deprecated in its JSDoc, with the warning text', async () => {
    const { readFile } = await import('node:fs/promises');
    const api = await readFile('generated/client-api.ts', 'utf8');
    for (const op of Object.values(table)) {
      const doc = new RegExp(
        `@deprecated ${escapeRegExp(op.deprecation!.message)}\\n\\s+\\*/\\n\\s+${op.method}\\(`,
      );
      expect(api).toMatch(doc);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
