/**
 * A success answer whose body cannot be the promised result rejects with a BatchResponseError
 * (status, request ids, operation; never the body), is never retried, and applies to single
 * results and to every page of a list. What a newer service may add or omit is still accepted.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  BatchResponseError,
  type BatchResponseIssue,
  isBatchResponseError,
} from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const THUMB = '0123456789abcdef0123456789abcdef01234567';
const ITEM = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMB})`;
const LIST = `${ACCOUNT_URL}/certificates`;
const REQUEST_ID = '5a4c3b2a-0000-4000-8000-00000000abcd';
/** A value that must never be copied from a body into an error. */
const MARKER = 'body-value-never-printed';
const DATE_TIME_WORDS =
  'must be an RFC 3339 date-time with a time zone offset (Z or ±hh:mm), such as 2024-07-01T00:00:00Z';

function answer(body: string | null, headers: Record<string, string> = {}) {
  return new HttpResponse(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'request-id': REQUEST_ID, ...headers },
  });
}

async function rejection(promise: Promise<unknown>): Promise<BatchResponseError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(isBatchResponseError(error)).toBe(true);
  expect(error).toBeInstanceOf(BatchResponseError);
  return error as BatchResponseError;
}

async function drain(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('certificate.get: a 200 that cannot be a Certificate', () => {
  it.each([
    ['an empty body', null, 'emptyBody', []],
    ['an empty body with Content-Length: 0', '', 'emptyBody', []],
    ['white space only', ' \r\n ', 'emptyBody', []],
    ['truncated JSON', `{"thumbprint":"${MARKER}`, 'invalidJson', []],
    ['an HTML page from a proxy', `<html>${MARKER}</html>`, 'invalidJson', []],
    [
      'a JSON array',
      `["${MARKER}"]`,
      'unexpectedShape',
      [{ path: '', message: 'must be an object' }],
    ],
    [
      'a JSON string',
      `"${MARKER}"`,
      'unexpectedShape',
      [{ path: '', message: 'must be an object' }],
    ],
    ['JSON null', 'null', 'unexpectedShape', [{ path: '', message: 'must be an object' }]],
    ['a JSON number', '42', 'unexpectedShape', [{ path: '', message: 'must be an object' }]],
    [
      'a property of the wrong type',
      `{"thumbprint":"${MARKER}","state":5}`,
      'unexpectedShape',
      [{ path: 'state', message: 'must be a string' }],
    ],
    [
      'a nested property of the wrong type',
      `{"deleteCertificateError":{"values":[{"name":"${MARKER}","value":7}]}}`,
      'unexpectedShape',
      [{ path: 'deleteCertificateError.values[0].value', message: 'must be a string' }],
    ],
    [
      'a date-time that gives no Date (the result would hold Invalid Date)',
      `{"thumbprint":"ab","stateTransitionTime":"${MARKER}"}`,
      'unexpectedShape',
      [
        {
          path: 'stateTransitionTime',
          message: DATE_TIME_WORDS,
        },
      ],
    ],
    [
      'a date-time without an offset (the Date would depend on the host time zone)',
      '{"thumbprint":"ab","stateTransitionTime":"2024-02-01T09:15:00"}',
      'unexpectedShape',
      [{ path: 'stateTransitionTime', message: DATE_TIME_WORDS }],
    ],
    [
      'a date-time of a day the month does not have',
      '{"thumbprint":"ab","previousStateTransitionTime":"2024-02-30T09:15:00Z"}',
      'unexpectedShape',
      [{ path: 'previousStateTransitionTime', message: DATE_TIME_WORDS }],
    ],
  ] as [
    string,
    string | null,
    string,
    BatchResponseIssue[],
  ][])('%s: BatchResponseError, one request, no body value in the error', async (_label, body, problem, issues) => {
    server.use(http.get(ITEM, () => answer(body)));
    const error = await rejection(testClient().certificate.get('sha1', THUMB));
    expect(error).toMatchObject({
      problem,
      issues,
      statusCode: 200,
      expected: 'Certificate',
      requestId: REQUEST_ID,
      operation: 'certificate.get',
      request: { method: 'GET' },
    });
    expect(error.message).toContain(
      "Operation 'certificate.get' got a 200 answer that cannot be a Certificate",
    );
    expect(error.message).toContain(`Request id: ${REQUEST_ID}.`);
    expect(requests).toHaveLength(1); // never retried
    expect(JSON.stringify(error)).not.toContain(MARKER);
    expect(error.message).not.toContain(MARKER);
  });

  it('accepts what a newer service may add or omit, and the recorded \\r\\n pretty-printing', async () => {
    const body =
      '{\r\n  "thumbprint": "ab",\r\n  "state": "frozen",\r\n  "newProperty": {"x": 1}\r\n}';
    server.use(http.get(ITEM, () => answer(body)));
    await expect(testClient().certificate.get('sha1', THUMB)).resolves.toEqual({
      thumbprint: 'ab',
      state: 'frozen',
      newProperty: { x: 1 },
    });
  });
});

describe('certificate.list: every page must be a CertificateListResult', () => {
  it.each([
    ['an empty first page', null, 'emptyBody', []],
    [
      'a first page that is an array',
      '[]',
      'unexpectedShape',
      [{ path: '', message: 'must be an object' }],
    ],
    [
      'value that is not an array',
      '{"value":{}}',
      'unexpectedShape',
      [{ path: 'value', message: 'must be an array' }],
    ],
    [
      'an item that is not an object',
      `{"value":["${MARKER}"]}`,
      'unexpectedShape',
      [{ path: 'value[0]', message: 'must be an object' }],
    ],
    [
      'a next link that is not a string',
      '{"value":[],"odata.nextLink":5}',
      'unexpectedShape',
      [{ path: 'odata.nextLink', message: 'must be a string' }],
    ],
    [
      'an item whose date-time gives no Date',
      '{"value":[{"thumbprint":"ab","previousStateTransitionTime":"soon"}]}',
      'unexpectedShape',
      [
        {
          path: 'value[0].previousStateTransitionTime',
          message: DATE_TIME_WORDS,
        },
      ],
    ],
  ] as [
    string,
    string | null,
    string,
    BatchResponseIssue[],
  ][])('%s', async (_label, body, problem, issues) => {
    server.use(http.get(LIST, () => answer(body)));
    const error = await rejection(drain(testClient().certificate.list()));
    expect(error).toMatchObject({
      problem,
      issues,
      statusCode: 200,
      expected: 'CertificateListResult',
      operation: 'certificate.list',
    });
    expect(requests).toHaveLength(1);
  });

  it('a later page that is empty rejects after the earlier items, without retrying', async () => {
    server.use(
      http.get(LIST, ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? answer('')
          : answer(
              JSON.stringify({
                value: [{ thumbprint: 'a1' }],
                'odata.nextLink': `${LIST}?api-version=2024-07-01.20.0&$skiptoken=a1`,
              }),
            ),
      ),
    );
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const item of testClient().certificate.list()) seen.push(item);
      })(),
    );
    expect(seen).toEqual([{ thumbprint: 'a1' }]);
    expect(error.problem).toBe('emptyBody');
    expect(requests).toHaveLength(2);
  });

  it.each([
    ['no value at all', '{"odata.metadata":"x"}'],
    ['value null', '{"value":null}'],
    ['value an object', '{"value":{"thumbprint":"a1"}}'],
    ['value a string', '{"value":"a1"}'],
  ])('a page with %s is a BatchResponseError, never an empty list (an empty page is {"value": []})', async (_case, body) => {
    server.use(http.get(LIST, () => answer(body)));
    const error = await rejection(drain(testClient().certificate.list()));
    expect(error.problem).toBe('unexpectedShape');
    expect(error.issues?.[0]?.path).toBe('value');
    expect(requests).toHaveLength(1);
  });

  it('a later page without value fails the iteration after the items already given', async () => {
    let page = 0;
    server.use(
      http.get(LIST, () =>
        answer(
          page++ === 0
            ? `{"value":[{"thumbprint":"a1"}],"odata.nextLink":"${LIST}?page=2"}`
            : '{"odata.metadata":"x"}',
        ),
      ),
    );
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const p of testClient().certificate.list().byPage()) seen.push(p.length);
      })(),
    );
    expect(seen).toEqual([1]);
    expect(error.problem).toBe('unexpectedShape');
  });

  it('an empty page is an empty list', async () => {
    server.use(http.get(LIST, () => answer('{"value":[]}')));
    await expect(drain(testClient().certificate.list())).resolves.toEqual([]);
  });
});
