/**
 * Cross-check against the official SDK (@azure/batch 10, test oracle only): for the same error
 * response, our parser must read the same code, message, language, details and request id as
 * the SDK's own deserializer.
 */

import batch from '@azure/batch';
import { describe, expect, it } from '@jest/globals';
import { parseBatchError } from '../../../src/errors/index.js';
import {
  batchErrorBody,
  CERTIFICATE_BEING_DELETED,
  CERTIFICATE_EXISTS,
  CERTIFICATE_RETIRED,
  CLIENT_REQUEST_ID,
  REQUEST_ID,
  TRAILER,
} from './fixtures.js';

interface SdkError {
  statusCode: number;
  code: string;
  body: {
    code?: string;
    message?: { lang?: string; value?: string };
    values?: Array<{ key: string; value: string }>;
  };
  response: { headers: { get(name: string): string | undefined } };
}

function fakeHeaders(record: Record<string, string>) {
  const map = new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  const headers = {
    get: (name: string) => map.get(name.toLowerCase()),
    contains: (name: string) => map.has(name.toLowerCase()),
    rawHeaders: () => Object.fromEntries(map),
    toJson: () => Object.fromEntries(map),
    headersArray: () => [...map].map(([name, value]) => ({ name, value })),
    headerNames: () => [...map.keys()],
    headerValues: () => [...map.values()],
    clone: () => fakeHeaders(Object.fromEntries(map)),
  };
  return headers;
}

async function sdkError(status: number, headers: Record<string, string>, bodyText: string) {
  const httpClient = {
    sendRequest: async (request: unknown) => ({
      request,
      status,
      headers: fakeHeaders(headers),
      bodyAsText: bodyText,
    }),
  };
  const credentials = new batch.BatchSharedKeyCredentials('acct', 'a2V5');
  const client = new batch.BatchServiceClient(credentials, 'https://acct.region.batch.azure.com', {
    httpClient,
  } as never);
  try {
    await client.certificate.get('sha1', '0123456789abcdef0123456789abcdef01234567');
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('the SDK did not reject');
}

const headers = {
  'content-type': 'application/json;odata=minimalmetadata',
  'request-id': REQUEST_ID,
  'client-request-id': CLIENT_REQUEST_ID,
};

const bodies: Array<[string, number, string]> = [
  ['CertificateExists', 409, CERTIFICATE_EXISTS],
  ['CertificateBeingDeleted', 409, CERTIFICATE_BEING_DELETED],
  ['CertificateRetired', 400, CERTIFICATE_RETIRED],
  [
    'AuthenticationFailed',
    403,
    batchErrorBody('AuthenticationFailed', `Server failed to authenticate the request.${TRAILER}`, {
      values: [{ key: 'AuthenticationErrorDetail', value: 'The date header is too old.' }],
    }),
  ],
  [
    'unknown extra fields',
    404,
    batchErrorBody('CertificateNotFound', `Not found.${TRAILER}`, {
      values: [{ key: 'Thumbprint', value: 'abc' }],
      'odata.extra': { a: 1 },
    }),
  ],
];

describe('parseBatchError agrees with the official SDK', () => {
  for (const [label, status, bodyText] of bodies) {
    it(label, async () => {
      const sdk = await sdkError(status, headers, bodyText);
      const ours = parseBatchError({ status, headers, bodyText });
      expect(ours.statusCode).toBe(sdk.statusCode);
      expect(ours.code).toBe(sdk.code);
      expect(ours.code).toBe(sdk.body.code);
      expect(ours.serviceMessage).toBe(sdk.body.message?.value);
      expect(ours.lang).toBe(sdk.body.message?.lang);
      expect(ours.values).toEqual(sdk.body.values ?? []);
      expect(ours.requestId).toBe(sdk.response.headers.get('request-id'));
      expect(ours.clientRequestId).toBe(sdk.response.headers.get('client-request-id'));
    });
  }
});
