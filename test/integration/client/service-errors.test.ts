/** Every non-2xx shape the service (or a proxy) sends becomes a BatchServiceError with the right fields. */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { BatchServiceError, isBatchServiceError } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient, validCertificate } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const METADATA = `${ACCOUNT_URL}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`;
const REQUEST_ID = '5a4c3b2a-0000-4000-8000-0000000000aa';
const noRetry = { retry: { maxRetries: 0 } };

async function addFails(
  status: number,
  body: BodyInit | null,
  headers: Record<string, string> = {},
) {
  server.use(
    http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(body, { status, headers })),
  );
  const error = await testClient(noRetry)
    .certificate.add(validCertificate())
    .then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e,
    );
  expect(isBatchServiceError(error)).toBe(true);
  return error as BatchServiceError;
}

describe('service errors', () => {
  it('409 CertificateExists: odata.metadata, no values', async () => {
    const error = await addFails(
      409,
      JSON.stringify({
        'odata.metadata': METADATA,
        code: 'CertificateExists',
        message: {
          lang: 'en-US',
          value: `The specified certificate already exists.\nRequestId:${REQUEST_ID}\nTime:2024-07-01T00:00:00.0000000Z`,
        },
      }),
      {
        'content-type': 'application/json;odata=minimalmetadata',
        'request-id': REQUEST_ID,
        'client-request-id': '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0',
      },
    );
    expect(error).toBeInstanceOf(BatchServiceError);
    expect(error.name).toBe('BatchServiceError');
    expect(error.statusCode).toBe(409);
    expect(error.code).toBe('CertificateExists');
    expect(error.message).toBe('The specified certificate already exists.');
    expect(error.lang).toBe('en-US');
    expect(error.values).toEqual([]);
    expect(error.requestId).toBe(REQUEST_ID);
    expect(error.clientRequestId).toBe('9c4d50ee-2d56-4cd3-8152-34347dc9f2b0');
    expect(error.retired).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('403 AuthenticationFailed with an AuthenticationErrorDetail value', async () => {
    const error = await addFails(
      403,
      JSON.stringify({
        'odata.metadata': METADATA,
        code: 'AuthenticationFailed',
        message: {
          lang: 'en-US',
          value: `Server failed to authenticate the request.\nRequestId:${REQUEST_ID}\nTime:2024-07-01T00:00:00Z`,
        },
        values: [
          {
            key: 'AuthenticationErrorDetail',
            value:
              'The MAC signature found in the HTTP request is not the same as any computed signature.',
          },
        ],
      }),
      { 'content-type': 'application/json' },
    );
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('AuthenticationFailed');
    expect(error.values).toEqual([
      {
        key: 'AuthenticationErrorDetail',
        value:
          'The MAC signature found in the HTTP request is not the same as any computed signature.',
      },
    ]);
  });

  it('an HTML 502 from a proxy', async () => {
    const error = await addFails(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
      'content-type': 'text/html',
    });
    expect(error.statusCode).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('502 Bad Gateway (non-JSON response body, text/html)');
    expect(error.message).not.toContain('<html>');
  });

  it('an empty 500', async () => {
    const error = await addFails(500, null);
    expect(error.statusCode).toBe(500);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('500 Internal Server Error (empty response body)');
  });

  it('400 CertificateRetired: the message says what happened and where to go', async () => {
    const error = await addFails(
      400,
      JSON.stringify({
        'odata.metadata': METADATA,
        code: 'CertificateRetired',
        message: {
          lang: 'en-US',
          value: `The 'Azure Batch Certificates' feature was retired on 02/29/2024.\nRequestId:${REQUEST_ID}\nTime:2026-11-27T00:00:00Z`,
        },
        values: [
          { key: 'Reason', value: 'The Azure Batch Certificates feature has been retired.' },
        ],
      }),
      { 'content-type': 'application/json' },
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('CertificateRetired');
    expect(error.retired).toBe(true);
    expect(error.message).toBe(
      "Certificate operation 'certificate.add' failed: Azure Batch certificates were retired on 29 February 2024, " +
        'so this call cannot succeed against the live Batch service. Store certificates in Azure Key Vault and ' +
        'install them on pool nodes with the Azure Key Vault VM extension (migration guide: ' +
        "https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). For tests, use the emulator from 'batch-rest-client/testing'.",
    );
    expect(error.serviceMessage).toContain(
      "The 'Azure Batch Certificates' feature was retired on 02/29/2024.",
    );
    expect(error.values).toEqual([
      { key: 'Reason', value: 'The Azure Batch Certificates feature has been retired.' },
    ]);
  });

  it('a get of a missing certificate is a 404 with its code', async () => {
    server.use(
      http.get(/\/certificates\(/, () =>
        HttpResponse.json(
          {
            code: 'CertificateNotFound',
            message: { lang: 'en-US', value: 'The specified certificate does not exist.' },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await testClient()
      .certificate.get('sha1', 'ab')
      .then(
        () => undefined,
        (e: unknown) => e as BatchServiceError,
      );
    expect(error?.statusCode).toBe(404);
    expect(error?.code).toBe('CertificateNotFound');
  });
});
