/**
 * The validation table: each bad input rejects with a BatchValidationError whose issues name the
 * field and the rule, and nothing reaches the network.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { BatchValidationError, isBatchValidationError } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient, validCertificate } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const base = validCertificate();
const THUMB = '0123456789abcdef0123456789abcdef01234567';
type Issue = { path: string; rule: string; message: string };

const b64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');
/** The service's limit is 10 KB of certificate, read as 10240 decoded bytes. */
const MAX_BYTES_WORDS = 'must be at most 10240 bytes once decoded from base64';
const HEX_WORDS =
  'must be 1 to 40 hex digits (white space, colons and invisible marks are removed first)';
const { password: _, ...withoutPassword } = base;

const addCases: [string, unknown, unknown, Issue[]][] = [
  [
    'missing required fields',
    {},
    undefined,
    [
      { path: 'certificate.thumbprint', rule: 'required', message: 'is required' },
      { path: 'certificate.thumbprintAlgorithm', rule: 'required', message: 'is required' },
      { path: 'certificate.data', rule: 'required', message: 'is required' },
    ],
  ],
  [
    'no body at all',
    undefined,
    undefined,
    [{ path: 'certificate', rule: 'required', message: 'is required' }],
  ],
  [
    'wrong type',
    { ...base, thumbprint: 42 },
    undefined,
    [{ path: 'certificate.thumbprint', rule: 'type', message: 'must be a string' }],
  ],
  [
    'unknown property',
    { ...base, pasword: 'x' },
    undefined,
    [
      {
        path: 'certificate.pasword',
        rule: 'additionalProperties',
        message: 'is not a known property',
      },
    ],
  ],
  [
    'non-hex thumbprint',
    { ...base, thumbprint: 'xyz0123' },
    undefined,
    [
      {
        path: 'certificate.thumbprint',
        rule: 'pattern',
        message: HEX_WORDS,
      },
    ],
  ],
  [
    'thumbprint of 41 hex digits',
    { ...base, thumbprint: `${THUMB}8` },
    undefined,
    [
      {
        path: 'certificate.thumbprint',
        rule: 'pattern',
        message: HEX_WORDS,
      },
    ],
  ],
  [
    'thumbprintAlgorithm other than sha1',
    { ...base, thumbprintAlgorithm: 'sha256' },
    undefined,
    [{ path: 'certificate.thumbprintAlgorithm', rule: 'enum', message: 'must be "sha1"' }],
  ],
  [
    'data that is not base64',
    { ...base, data: 'not base64!' },
    undefined,
    [
      {
        path: 'certificate.data',
        rule: 'base64',
        message: 'must be base64 (A-Z, a-z, 0-9, +, /; padded with = to a multiple of 4)',
      },
    ],
  ],
  [
    'data of 10241 bytes (13656 base64 characters, like 10240 bytes)',
    { ...base, data: b64(10241) },
    undefined,
    [{ path: 'certificate.data', rule: 'maxBytes', message: MAX_BYTES_WORDS }],
  ],
  [
    'data of 10242 bytes (13656 base64 characters, one = of padding)',
    { ...base, data: b64(10242) },
    undefined,
    [{ path: 'certificate.data', rule: 'maxBytes', message: MAX_BYTES_WORDS }],
  ],
  [
    'data of 10243 bytes',
    { ...base, data: b64(10243) },
    undefined,
    [{ path: 'certificate.data', rule: 'maxBytes', message: MAX_BYTES_WORDS }],
  ],
  [
    'empty data',
    { ...base, data: '' },
    undefined,
    [{ path: 'certificate.data', rule: 'minLength', message: 'must not be empty' }],
  ],
  [
    'thumbprint of separators only',
    { ...base, thumbprint: ' : \u200e ' },
    undefined,
    [{ path: 'certificate.thumbprint', rule: 'pattern', message: HEX_WORDS }],
  ],
  [
    'unknown certificateFormat',
    { ...base, certificateFormat: 'p12' },
    undefined,
    [
      {
        path: 'certificate.certificateFormat',
        rule: 'enum',
        message: 'must be one of "pfx", "cer"',
      },
    ],
  ],
  [
    'password given with cer',
    { ...base, certificateFormat: 'cer' },
    undefined,
    [
      {
        path: 'certificate.password',
        rule: 'not',
        message: 'must be omitted when certificateFormat is "cer"',
      },
    ],
  ],
  [
    'clientRequestId not a UUID',
    base,
    { clientRequestId: 'not-a-guid' },
    [
      {
        path: 'options.clientRequestId',
        rule: 'pattern',
        message:
          'must be a UUID: 32 hex digits in groups of 8-4-4-4-12 separated by hyphens, without braces',
      },
    ],
  ],
  [
    'timeout not positive',
    base,
    { timeout: 0 },
    [{ path: 'options.timeout', rule: 'minimum', message: 'must be at least 1' }],
  ],
  [
    'timeout not an integer',
    base,
    { timeout: 1.5 },
    [{ path: 'options.timeout', rule: 'type', message: 'must be an integer' }],
  ],
  [
    'timeout over int32',
    base,
    { timeout: 2 ** 31 },
    [{ path: 'options.timeout', rule: 'maximum', message: 'must be at most 2147483647' }],
  ],
  [
    'ocpDate not a Date',
    base,
    { ocpDate: 'yesterday' },
    [{ path: 'options.ocpDate', rule: 'instanceofDate', message: 'must be a valid Date' }],
  ],
  [
    'a wrong-typed option',
    base,
    { returnClientRequestId: 'yes' },
    [{ path: 'options.returnClientRequestId', rule: 'type', message: 'must be true or false' }],
  ],
  [
    'an unknown option (a typo is never silently ignored)',
    base,
    { timout: 5, maxResults: 10 },
    [
      {
        path: 'options.timout',
        rule: 'unknownOption',
        message:
          'is not an option of certificate.add (its options: timeout, clientRequestId, returnClientRequestId, ocpDate, abortSignal, retry, timeoutInMs, onResponse)',
      },
      {
        path: 'options.maxResults',
        rule: 'unknownOption',
        message:
          'is not an option of certificate.add (its options: timeout, clientRequestId, returnClientRequestId, ocpDate, abortSignal, retry, timeoutInMs, onResponse)',
      },
    ],
  ],
];

describe('validation before anything is sent', () => {
  it.each(addCases)('certificate.add: %s', async (_name, body, options, issues) => {
    const error = await testClient()
      .certificate.add(body as never, options as never)
      .catch((e: unknown) => e);
    expect(isBatchValidationError(error)).toBe(true);
    expect(error).toBeInstanceOf(BatchValidationError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as BatchValidationError).issues).toEqual(issues);
    expect(requests).toHaveLength(0);
  });

  it.each([
    [
      'non-hex thumbprint path argument',
      'sha1',
      'zz-not-hex',
      { path: 'thumbprint', rule: 'pattern', message: HEX_WORDS },
    ],
    [
      'thumbprintAlgorithm path argument',
      'md5',
      THUMB,
      { path: 'thumbprintAlgorithm', rule: 'enum', message: 'must be "sha1"' },
    ],
  ])('certificate.get: %s', async (_name, algorithm, thumbprint, issue) => {
    const error = await testClient()
      .certificate.get(algorithm, thumbprint)
      .catch((e: unknown) => e);
    expect((error as BatchValidationError).issues).toEqual([issue]);
    expect(requests).toHaveLength(0);
  });

  it('a bad per-call retry option is a validation error, before sending', async () => {
    const error = await testClient()
      .certificate.add(base, { retry: { maxRetries: -1 } })
      .catch((e: unknown) => e);
    expect((error as BatchValidationError).issues).toEqual([
      {
        path: 'options.retry',
        rule: 'retryOptions',
        message: "retry option 'maxRetries' must be a non-negative integer, got -1",
      },
    ]);
    expect(requests).toHaveLength(0);
  });

  it('list validates on first iteration and sends nothing', async () => {
    const iterate = async () => {
      for await (const _ of testClient().certificate.list({ maxResults: 5000 })) {
        // drain
      }
    };
    const error = await iterate().catch((e: unknown) => e);
    expect((error as BatchValidationError).issues).toEqual([
      { path: 'options.maxResults', rule: 'maximum', message: 'must be at most 1000' },
    ]);
    expect(requests).toHaveLength(0);
  });

  it('lists every issue in the message, and never a value', async () => {
    const error = (await testClient()
      .certificate.add({
        ...base,
        thumbprint: 'secret-looking-thumb',
        password: 'hunter2',
        certificateFormat: 'cer',
        data: '%%%',
      })
      .catch((e: unknown) => e)) as BatchValidationError;
    expect(error.message).toMatch(/^Invalid arguments \(3 issues\):\n/);
    expect(error.message).toContain(`- certificate.thumbprint: ${HEX_WORDS} [pattern]`);
    expect(error.message).toContain(
      '- certificate.password: must be omitted when certificateFormat is "cer" [not]',
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('secret-looking-thumb');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('a 4 KB certificate with a thumbprint written with spaces is valid', async () => {
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    );
    const data = Buffer.alloc(4096, 7).toString('base64');
    await testClient().certificate.add({
      ...base,
      data,
      thumbprint: '01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67',
    });
    expect(requests).toHaveLength(1);
  });

  it('a cer without a password is valid', async () => {
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    );
    await testClient().certificate.add({ ...withoutPassword, certificateFormat: 'cer' });
    expect(requests).toHaveLength(1);
  });

  it('validation: false sends what the caller gave (the service judges)', async () => {
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    );
    await testClient({ validation: false }).certificate.add({
      ...base,
      thumbprintAlgorithm: 'sha256' as never,
    });
    expect(requests).toHaveLength(1);
    expect(JSON.parse(await requests[0]!.text()).thumbprintAlgorithm).toBe('sha256');
  });
});

describe('a thumbprint is normalised the same way wherever the client takes one', () => {
  const WINDOWS = '01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67';
  const forms: [string, string][] = [
    ['the spaced form Windows shows', WINDOWS],
    ['copied from the Windows dialog with its invisible left-to-right mark', `\u200e${WINDOWS}`],
    ['the colon form openssl prints', WINDOWS.replaceAll(' ', ':')],
    ['plain hex', WINDOWS.replaceAll(' ', '')],
  ];
  const expected = WINDOWS.replaceAll(' ', '');
  const ITEM = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${expected})`;

  it.each(forms)('certificate.add body: %s', async (_name, thumbprint) => {
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    );
    const certificate = { ...base, thumbprint };
    await testClient().certificate.add(certificate);
    expect(JSON.parse(await requests[0]!.text()).thumbprint).toBe(expected);
    expect(certificate.thumbprint).toBe(thumbprint); // the caller's object is not changed
  });

  it.each(
    forms,
  )('certificate.get, delete and cancelDeletion paths: %s', async (_name, thumbprint) => {
    server.use(
      http.get(ITEM, () => HttpResponse.json({ thumbprint: expected, state: 'active' })),
      http.delete(ITEM, () => new HttpResponse(null, { status: 202 })),
      http.post(`${ITEM}/canceldelete`, () => new HttpResponse(null, { status: 204 })),
    );
    const client = testClient();
    await client.certificate.get('sha1', thumbprint);
    await client.certificate.delete('sha1', thumbprint);
    await client.certificate.cancelDeletion('sha1', thumbprint);
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      `GET ${ITEM}`,
      `DELETE ${ITEM}`,
      `POST ${ITEM}/canceldelete`,
    ]);
  });
});
