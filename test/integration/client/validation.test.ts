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

/** 10 KiB of data is 13656 base64 characters; one more group of 4 is over the limit. */
const TOO_LONG = 'A'.repeat(13656 + 4);
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
    [{ path: 'certificate.thumbprint', rule: 'type', message: 'must be string' }],
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
        message: 'must match pattern "^ *(?:[0-9A-Fa-f] *){1,40}$"',
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
        message: 'must match pattern "^ *(?:[0-9A-Fa-f] *){1,40}$"',
      },
    ],
  ],
  [
    'thumbprintAlgorithm other than sha1',
    { ...base, thumbprintAlgorithm: 'sha256' },
    undefined,
    [{ path: 'certificate.thumbprintAlgorithm', rule: 'enum', message: 'must be one of "sha1"' }],
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
    'data over 10 KB',
    { ...base, data: TOO_LONG },
    undefined,
    [
      {
        path: 'certificate.data',
        rule: 'maxLength',
        message: 'must NOT have more than 13656 characters',
      },
    ],
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
        message: expect.stringContaining('must match pattern') as unknown as string,
      },
    ],
  ],
  [
    'timeout not positive',
    base,
    { timeout: 0 },
    [{ path: 'options.timeout', rule: 'minimum', message: 'must be >= 1' }],
  ],
  [
    'timeout not an integer',
    base,
    { timeout: 1.5 },
    [{ path: 'options.timeout', rule: 'type', message: 'must be integer' }],
  ],
  [
    'timeout over int32',
    base,
    { timeout: 2 ** 31 },
    [{ path: 'options.timeout', rule: 'maximum', message: 'must be <= 2147483647' }],
  ],
  [
    'ocpDate not a Date',
    base,
    { ocpDate: 'yesterday' },
    [{ path: 'options.ocpDate', rule: 'instanceofDate', message: 'must be a valid Date' }],
  ],
  [
    'unknown option is ignored, but a wrong-typed known one is not',
    base,
    { returnClientRequestId: 'yes' },
    [{ path: 'options.returnClientRequestId', rule: 'type', message: 'must be boolean' }],
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
      { path: 'thumbprint', rule: 'pattern', message: 'must match pattern "^[0-9A-Fa-f]{1,40}$"' },
    ],
    [
      'thumbprintAlgorithm path argument',
      'md5',
      THUMB,
      { path: 'thumbprintAlgorithm', rule: 'enum', message: 'must be one of "sha1"' },
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
      { path: 'options.maxResults', rule: 'maximum', message: 'must be <= 1000' },
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
    expect(error.message).toContain('- certificate.thumbprint: must match pattern');
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
