/**
 * Deprecation warnings: exact text and code per operation, and the count in each mode. Uses both
 * the injected `onWarning` and Node's own channel (`process.emitWarning` → 'warning' event).
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { resetDeprecationWarnings } from '../../../src/deprecation/deprecation-warnings.js';
import { isBatchDeprecationError, operations } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient, validCertificate } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const THUMB = '0123456789abcdef0123456789abcdef01234567';
const GUIDE = 'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide';

function expectedMessage(method: string): string {
  return (
    `certificate.${method}() is deprecated. Azure Batch certificates were retired on 29 February 2024 ` +
    `and the live service rejects this call (400 CertificateRetired). Use the Azure Key Vault VM extension instead: ${GUIDE}`
  );
}

beforeEach(() => {
  resetDeprecationWarnings();
  server.use(
    http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    http.get(/\/certificates\(/, () => HttpResponse.json({ thumbprint: THUMB })),
    http.get(`${ACCOUNT_URL}/certificates`, () => HttpResponse.json({ value: [] })),
    http.delete(/\/certificates\(/, () => new HttpResponse(null, { status: 202 })),
    http.post(/\/canceldelete$/, () => new HttpResponse(null, { status: 204 })),
  );
});

async function callAll(client: ReturnType<typeof testClient>) {
  await client.certificate.add(validCertificate());
  for await (const _ of client.certificate.list()) {
    // drain
  }
  await client.certificate.get('sha1', THUMB);
  await client.certificate.delete('sha1', THUMB);
  await client.certificate.cancelDeletion('sha1', THUMB);
}

/** The error message for the service's CertificateRetired answer, word for word (wording is API). */
const retirementMessage = (method: string) =>
  `Certificate operation 'certificate.${method}' failed: Azure Batch certificates were retired on 29 February 2024, ` +
  'so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and install ' +
  'them on pool nodes with the Azure Key Vault VM extension (migration guide: ' +
  "https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). For tests, use the emulator from 'batch-rest-client/testing'.";

describe('deprecation warnings', () => {
  it('the table carries a stable code, the message and the retirement for every certificate operation', () => {
    const entries = Object.values(operations).map((o) => [o.operationId, o.deprecation]);
    const entry = (code: string, method: string) => ({
      code,
      message: expectedMessage(method),
      retirement: { errorCode: 'CertificateRetired', message: retirementMessage(method) },
    });
    expect(Object.fromEntries(entries)).toEqual({
      Certificate_Add: entry('BATCH_DEP_CERTIFICATE_ADD', 'add'),
      Certificate_CancelDeletion: entry('BATCH_DEP_CERTIFICATE_CANCEL_DELETION', 'cancelDeletion'),
      Certificate_Delete: entry('BATCH_DEP_CERTIFICATE_DELETE', 'delete'),
      Certificate_Get: entry('BATCH_DEP_CERTIFICATE_GET', 'get'),
      Certificate_List: entry('BATCH_DEP_CERTIFICATE_LIST', 'list'),
    });
  });

  it("'once' (default): one warning per operation per process, shared by clients", async () => {
    const seen: [string, string][] = [];
    const onWarning = (message: string, code: string) => seen.push([code, message]);
    await callAll(testClient({ onWarning }));
    await callAll(testClient({ onWarning }));
    expect(seen).toEqual([
      ['BATCH_DEP_CERTIFICATE_ADD', expectedMessage('add')],
      ['BATCH_DEP_CERTIFICATE_LIST', expectedMessage('list')],
      ['BATCH_DEP_CERTIFICATE_GET', expectedMessage('get')],
      ['BATCH_DEP_CERTIFICATE_DELETE', expectedMessage('delete')],
      ['BATCH_DEP_CERTIFICATE_CANCEL_DELETION', expectedMessage('cancelDeletion')],
    ]);
  });

  it("'always': a warning on every call", async () => {
    const codes: string[] = [];
    const client = testClient({
      deprecationWarnings: 'always',
      onWarning: (_m, code) => codes.push(code),
    });
    await client.certificate.get('sha1', THUMB);
    await client.certificate.get('sha1', THUMB);
    await client.certificate.get('sha1', THUMB);
    expect(codes).toEqual(Array(3).fill('BATCH_DEP_CERTIFICATE_GET'));
  });

  it("'always': a paged list is one call, so one warning however many pages", async () => {
    const link = `${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0&$skiptoken=p2`;
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? HttpResponse.json({ value: [{ thumbprint: 'b' }] })
          : HttpResponse.json({ value: [{ thumbprint: 'a' }], 'odata.nextLink': link }),
      ),
    );
    const codes: string[] = [];
    const client = testClient({
      deprecationWarnings: 'always',
      onWarning: (_m, code) => codes.push(code),
    });
    for await (const _ of client.certificate.list()) {
      // drain both pages
    }
    expect(requests).toHaveLength(2);
    expect(codes).toEqual(['BATCH_DEP_CERTIFICATE_LIST']);
  });

  it("'off': no warning", async () => {
    const codes: string[] = [];
    await callAll(
      testClient({ deprecationWarnings: 'off', onWarning: (_m, code) => codes.push(code) }),
    );
    expect(codes).toEqual([]);
    expect(requests).toHaveLength(5);
  });

  it("'error': rejects before anything is sent", async () => {
    const client = testClient({ deprecationWarnings: 'error' });
    const error = await client.certificate.add(validCertificate()).catch((e: unknown) => e);
    expect(isBatchDeprecationError(error)).toBe(true);
    expect((error as Error).message).toBe(expectedMessage('add'));
    expect((error as { code: string }).code).toBe('BATCH_DEP_CERTIFICATE_ADD');
    expect(requests).toHaveLength(0);
  });

  it('goes through process.emitWarning as a DeprecationWarning with the code, once', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const client = testClient({ onWarning: undefined });
      await client.certificate.get('sha1', THUMB);
      await client.certificate.get('sha1', THUMB);
      expect(emitWarning.mock.calls).toEqual([
        [expectedMessage('get'), { type: 'DeprecationWarning', code: 'BATCH_DEP_CERTIFICATE_GET' }],
      ]);
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('outside Node (no process.emitWarning) falls back to console.warn, once', async () => {
    const original = process.emitWarning;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    (process as { emitWarning?: unknown }).emitWarning = undefined;
    try {
      const client = testClient({ onWarning: undefined });
      await client.certificate.delete('sha1', THUMB);
      await client.certificate.delete('sha1', THUMB);
      expect(warn.mock.calls).toEqual([
        [`DeprecationWarning [BATCH_DEP_CERTIFICATE_DELETE]: ${expectedMessage('delete')}`],
      ]);
    } finally {
      process.emitWarning = original;
      warn.mockRestore();
    }
  });
});
