import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import {
  BatchAbortError,
  BatchNetworkError,
  type BatchServiceError,
  BatchTimeoutError,
  BatchValidationError,
  parseBatchError,
} from '../../../src/errors/index.js';
import {
  batchErrorBody,
  FAKE_ACCOUNT_KEY,
  FAKE_BEARER_TOKEN,
  FAKE_CERT_DATA,
  FAKE_PASSWORD,
  SECRETS,
} from './fixtures.js';

const secretUrl =
  `https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0` +
  `&sig=${encodeURIComponent(FAKE_ACCOUNT_KEY)}` +
  `&$filter=${encodeURIComponent(`password eq '${FAKE_PASSWORD}'`)}` +
  `&access_token=${FAKE_BEARER_TOKEN}&data=${encodeURIComponent(FAKE_CERT_DATA)}`;
const request = { method: 'POST', url: secretUrl };
const secretHeaders = {
  authorization: `Bearer ${FAKE_BEARER_TOKEN}`,
  'x-ms-account-key': FAKE_ACCOUNT_KEY,
  'request-id': FAKE_PASSWORD,
  'client-request-id': `Bearer ${FAKE_BEARER_TOKEN}`,
  'content-type': 'application/json',
};
const leakyCause = new TypeError(`Failed to parse URL from ${secretUrl}`, {
  cause: Object.assign(new Error(`connect ECONNREFUSED password=${FAKE_PASSWORD}`), {
    code: 'ECONNREFUSED',
    body: { data: FAKE_CERT_DATA, password: FAKE_PASSWORD },
  }),
});

const leakyServiceBody = batchErrorBody(
  'InvalidHeaderValue',
  `Bad header 'Authorization: Bearer ${FAKE_BEARER_TOKEN}' with SharedKey acct:${FAKE_ACCOUNT_KEY}; password=${FAKE_PASSWORD}; data ${FAKE_CERT_DATA}`,
  {
    values: [
      { key: 'HeaderName', value: 'Authorization' },
      { key: 'HeaderValue', value: `SharedKey acct:${FAKE_ACCOUNT_KEY}` },
      { key: 'PropertyName', value: 'password' },
      { key: 'PropertyValue', value: FAKE_PASSWORD },
      { key: 'PropertyName2', value: 'data' },
      { key: 'Detail', value: `Bearer ${FAKE_BEARER_TOKEN} / ${FAKE_CERT_DATA}` },
    ],
    data: FAKE_CERT_DATA,
    password: FAKE_PASSWORD,
  },
);

/** Every error class, each built from inputs full of fake secrets. */
const cases: Array<[string, () => Error]> = [
  [
    'BatchServiceError from Batch JSON echoing secrets',
    () =>
      parseBatchError({
        status: 400,
        statusText: 'Bad Request',
        headers: secretHeaders,
        bodyText: leakyServiceBody,
        operation: 'addCertificate',
        request,
      }),
  ],
  [
    'BatchServiceError from an HTML page full of secrets',
    () =>
      parseBatchError({
        status: 502,
        statusText: 'Bad Gateway',
        headers: new Headers({ ...secretHeaders, 'content-type': 'text/html' }),
        bodyText: `<html>${SECRETS.join(' ')}</html>`,
        request,
      }),
  ],
  [
    'BatchServiceError from truncated JSON carrying the request body',
    () =>
      parseBatchError({
        status: 500,
        headers: secretHeaders,
        bodyText: `{"code":"InternalError","message":{"value":"Oops."},"data":"${FAKE_CERT_DATA}","password":"${FAKE_PASSWORD}","token":"${FAKE_BEARER_TOKEN}","key":"${FAKE_ACCOUNT_KEY}`,
        request,
      }),
  ],
  [
    'retired BatchServiceError',
    () =>
      parseBatchError({
        status: 400,
        headers: secretHeaders,
        bodyText: batchErrorBody('CertificateRetired', `Retired. Bearer ${FAKE_BEARER_TOKEN}`),
        operation: 'addCertificate',
        request,
      }),
  ],
  [
    'BatchValidationError given issues carrying values',
    () =>
      new BatchValidationError([
        {
          path: 'certificate.password',
          rule: 'forbidden',
          message: 'must be omitted for cer',
          value: FAKE_PASSWORD,
        },
        { path: 'certificate.data', rule: 'maxLength', message: 'too long', data: FAKE_CERT_DATA },
        { path: 'credential.key', rule: 'type', message: 'must be base64', key: FAKE_ACCOUNT_KEY },
        { path: 'options.token', rule: 'type', message: 'bad', token: FAKE_BEARER_TOKEN },
      ] as never),
  ],
  [
    'BatchTimeoutError',
    () =>
      new BatchTimeoutError({
        timeoutInMs: 30000,
        attempts: 3,
        operation: 'listCertificates',
        request,
        cause: leakyCause,
      }),
  ],
  [
    'BatchAbortError',
    () =>
      new BatchAbortError({
        operation: 'getCertificate',
        request,
        cause: `aborted with Bearer ${FAKE_BEARER_TOKEN} ${FAKE_PASSWORD} ${FAKE_ACCOUNT_KEY} ${FAKE_CERT_DATA}`,
      }),
  ],
  [
    'BatchNetworkError',
    () =>
      new BatchNetworkError({
        attempts: 4,
        operation: 'addCertificate',
        request,
        cause: leakyCause,
      }),
  ],
];

function printed(err: Error): Record<string, string> {
  return {
    inspect: inspect(err),
    inspectDeep: inspect(err, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspectNested: inspect({ wrapped: [err] }, { depth: 10 }),
    json: JSON.stringify(err),
    jsonOfOwnEnumerable: JSON.stringify({ ...err }),
    string: String(err),
    stack: err.stack ?? '',
    template: `${err}`,
  };
}

describe('no error prints a secret', () => {
  for (const [label, build] of cases) {
    it(label, () => {
      const err = build();
      const outputs = printed(err);
      for (const [how, text] of Object.entries(outputs)) {
        for (const secret of SECRETS) {
          if (text.includes(secret)) throw new Error(`${how} of ${label} contains ${secret}`);
        }
        expect(text.length).toBeGreaterThan(0);
      }
      // The check above is meaningful: the printed forms do describe the error.
      expect(outputs.inspect).toContain(err.name);
      expect(outputs.json).toContain(JSON.stringify(err.message));
    });
  }

  it('still keeps the caller-visible cause for programs', () => {
    const err = new BatchNetworkError({ cause: leakyCause });
    expect(err.cause).toBe(leakyCause);
    expect(inspect(err)).toContain("cause: 'TypeError (ECONNREFUSED)'");
  });

  it('keeps the redacted forms visible so users see something was there', () => {
    const err = cases[0]![1]() as BatchServiceError;
    expect(err.request?.url).toBe(
      'https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0&sig=REDACTED&$filter=REDACTED&access_token=REDACTED&data=REDACTED',
    );
    expect(err.requestId).toBeUndefined();
    expect(err.clientRequestId).toBeUndefined();
    expect(err.values.find((v) => v.key === 'HeaderValue')?.value).toBe('REDACTED');
  });
});
