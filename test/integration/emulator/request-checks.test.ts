import { describe, expect, it } from '@jest/globals';
import { addRequest, errorBody, testEmulator } from './support/emulator-fixture.js';
import { API_VERSION, detail, signedRequest } from './support/signed-request.js';

const b64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
const HEX_REASON =
  'thumbprint must be 1 to 40 hex digits (white space, colons and invisible marks are removed first).';
/** The same words as the client and the certificate-file helpers (one limit, one wording). */
const MAX_BYTES_REASON = 'data must be at most 10240 bytes once decoded from base64.';
const VALID = {
  thumbprint: 'ab',
  thumbprintAlgorithm: 'sha1',
  data: 'AAAA',
  certificateFormat: 'cer',
};

describe('api-version', () => {
  it.each(['2024-07-01.20.0', '2022-10-01.16.0'])('accepts %s', async (version) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${version}` }),
    );
    expect(response.status).toBe(200);
  });

  it('answers 400 MissingRequiredQueryParameter without api-version', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: '/certificates' }));
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('MissingRequiredQueryParameter');
    expect(detail(body, 'QueryParameterName')).toBe('api-version');
  });

  it.each([
    '2025-01-01.21.0',
    '2018-08-01.7.0',
    'latest',
  ])('answers 400 InvalidQueryParameterValue for %s, before authentication', async (version) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${version}`, unsigned: true }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidQueryParameterValue');
    expect(body.values).toEqual([
      { key: 'QueryParameterName', value: 'api-version' },
      { key: 'QueryParameterValue', value: version },
      { key: 'Reason', value: 'The specified api version string is not supported.' },
    ]);
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/pools'],
    ['POST', '/jobs'],
    ['GET', '/nowhere'],
  ])('answers %s %s, outside the emulated certificate operations, with 400 UnsupportedByEmulator', async (method, path) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ method, path: `${path}?api-version=${API_VERSION}` }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('UnsupportedByEmulator');
    expect(body.message.value.split('\n')[0]).toBe(
      `The Batch emulator does not support ${method} ${path}: it emulates only the certificate ` +
        'operations (Certificate_Add, Certificate_CancelDeletion, Certificate_Delete, ' +
        'Certificate_Get, Certificate_List).',
    );
    expect(body.values).toBeUndefined();
  });

  it.each([
    '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/frobnicate',
    '/certificates/ab',
  ])('answers a certificates path no operation has (%s) with the service code InvalidUri', async (path) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ path: `${path}?api-version=${API_VERSION}` }),
    );
    expect(response.status).toBe(400);
    expect((await errorBody(response)).code).toBe('InvalidUri');
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ method: 'PUT', path: `/certificates?api-version=${API_VERSION}` }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST, GET');
    expect((await errorBody(response)).code).toBe('UnsupportedHttpVerb');
  });

  it('serves an account URL with its path prefix and links under that prefix', async () => {
    const { emulator } = testEmulator({ pathPrefix: '/accounts/emulator' });
    const base = 'http://localhost:9999/accounts/emulator';
    const add = signedRequest({
      method: 'POST',
      baseUrl: base,
      path: `/certificates?api-version=${API_VERSION}`,
      body: VALID,
    });
    const response = await emulator.handle(add);
    expect(response.status).toBe(201);
    expect(response.headers.get('Location')).toBe(
      `${base}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=ab)`,
    );
  });
});

describe('parameters', () => {
  it.each([
    ['maxresults=0', 'maxresults', '0', 'The value must be at least 1.'],
    ['maxresults=1001', 'maxresults', '1001', 'The value must be at most 1000.'],
    ['maxresults=ten', 'maxresults', 'ten', 'The value must be an integer.'],
    ['timeout=0', 'timeout', '0', 'The value must be at least 1.'],
  ])('rejects %s with InvalidQueryParameterValue', async (query, name, value, reason) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}&${query}` }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidQueryParameterValue');
    expect(body.values).toEqual([
      { key: 'QueryParameterName', value: name },
      { key: 'QueryParameterValue', value },
      { key: 'Reason', value: reason },
    ]);
  });

  it('rejects a client-request-id that is not a GUID with InvalidHeaderValue', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({
        path: `/certificates?api-version=${API_VERSION}`,
        headers: { 'client-request-id': '{not-a-guid}' },
      }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidHeaderValue');
    expect(detail(body, 'HeaderName')).toBe('client-request-id');
    expect(detail(body, 'HeaderValue')).toBe('{not-a-guid}');
  });

  it('rejects a thumbprint algorithm other than sha1 in the path with InvalidUri', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({
        path: `/certificates(thumbprintAlgorithm=md5,thumbprint=ab)?api-version=${API_VERSION}`,
      }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidUri');
    expect(detail(body, 'Reason')).toBe(
      'Path parameter \'thumbprintAlgorithm\': The value must be "sha1".',
    );
  });
});

describe('request body of Add', () => {
  it.each([
    'application/json; odata=minimalmetadata',
    'application/json; odata=minimalmetadata; charset=utf-8',
    'application/json',
    'Application/JSON;charset=UTF-8',
  ])('accepts Content-Type %s', async (contentType) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      addRequest(VALID, { headers: { 'Content-Type': contentType } }),
    );
    expect(response.status).toBe(201);
  });

  it.each([
    'text/plain',
    'application/xml',
    'application/json; charset=latin1',
  ])('rejects Content-Type %s with InvalidHeaderValue', async (contentType) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      addRequest(VALID, { headers: { 'Content-Type': contentType } }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidHeaderValue');
    expect(detail(body, 'HeaderName')).toBe('Content-Type');
  });

  it('rejects malformed JSON with InvalidRequestBody, without echoing the body', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({
        method: 'POST',
        path: `/certificates?api-version=${API_VERSION}`,
        body: '{"data": "c2VjcmV0", ',
      }),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).code).toBe('InvalidRequestBody');
    expect(text).not.toContain('c2VjcmV0');
  });

  it.each([
    [{ thumbprintAlgorithm: 'sha1', data: 'AAAA' }, 'thumbprint'],
    [{ thumbprint: 'ab', data: 'AAAA' }, 'thumbprintAlgorithm'],
    [{ thumbprint: 'ab', thumbprintAlgorithm: 'sha1' }, 'data'],
  ])('answers MissingRequiredProperty for %j', async (body, property) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(addRequest(body));
    expect(response.status).toBe(400);
    const parsed = await errorBody(response);
    expect(parsed.code).toBe('MissingRequiredProperty');
    expect(parsed.values).toEqual([{ key: 'PropertyName', value: property }]);
  });

  it.each([
    [{ ...VALID, thumbprint: 'xyz' }, 'thumbprint', HEX_REASON],
    [{ ...VALID, thumbprint: 'a'.repeat(41) }, 'thumbprint', HEX_REASON],
    [
      { ...VALID, thumbprintAlgorithm: 'sha256' },
      'thumbprintAlgorithm',
      'thumbprintAlgorithm must be "sha1".',
    ],
    [
      { ...VALID, data: 'not base64!' },
      'data',
      'data must be base64 (A-Z, a-z, 0-9, +, /; padded with = to a multiple of 4).',
    ],
    // 10241 bytes are 13656 base64 characters, as many as 10240 bytes: the limit is on bytes.
    [{ ...VALID, data: b64(10241) }, 'data', MAX_BYTES_REASON],
    [{ ...VALID, data: b64(10243) }, 'data', MAX_BYTES_REASON],
    [{ ...VALID, data: '' }, 'data', 'data must not be empty.'],
    [
      { ...VALID, certificateFormat: 'pem' },
      'certificateFormat',
      'certificateFormat must be one of "pfx", "cer".',
    ],
    [
      { ...VALID, password: 'pw' },
      'password',
      'password must be omitted when certificateFormat is "cer".',
    ],
    [{ ...VALID, data: 42 }, 'data', 'data must be a string.'],
  ])('answers InvalidPropertyValue for %j', async (body, property, reason) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(addRequest(body));
    expect(response.status).toBe(400);
    const parsed = await errorBody(response);
    expect(parsed.code).toBe('InvalidPropertyValue');
    expect(parsed.values).toEqual([
      { key: 'PropertyName', value: property },
      { key: 'Reason', value: reason },
    ]);
    expect(JSON.stringify(parsed)).not.toContain('"pw"');
  });

  it('accepts 10240 bytes of data, and a thumbprint with spaces (the service removes them)', async () => {
    const { emulator } = testEmulator();
    const thumbprint = 'AB CD '.repeat(10).trim();
    const response = await emulator.handle(addRequest({ ...VALID, thumbprint, data: b64(10240) }));
    expect(response.status).toBe(201);
    expect(emulator.certificates().map((c) => c.thumbprint)).toEqual(['abcd'.repeat(10)]);
  });

  it('answers InvalidRequestBody for an unknown property or a non-object body', async () => {
    const { emulator } = testEmulator();
    const unknown = await errorBody(await emulator.handle(addRequest({ ...VALID, colour: 'red' })));
    expect(unknown.code).toBe('InvalidRequestBody');
    expect(detail(unknown, 'Reason')).toBe(
      "The property 'colour' does not exist on type 'CertificateAddParameter'.",
    );
    const array = await emulator.handle(
      signedRequest({
        method: 'POST',
        path: `/certificates?api-version=${API_VERSION}`,
        body: '[1]',
      }),
    );
    expect((await errorBody(array)).code).toBe('InvalidRequestBody');
  });

  it('answers 413 RequestBodyTooLarge above the configured limit', async () => {
    const { emulator } = testEmulator({ maxRequestBodyBytes: 100 });
    const response = await emulator.handle(addRequest({ ...VALID, data: 'A'.repeat(200) }));
    expect(response.status).toBe(413);
    const body = await errorBody(response);
    expect(body.code).toBe('RequestBodyTooLarge');
    expect(detail(body, 'MaxLimit')).toBe('100');
  });

  it('stores nothing when the body is rejected', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest({ ...VALID, thumbprint: 'xyz' }));
    expect(emulator.certificates()).toEqual([]);
  });
});
