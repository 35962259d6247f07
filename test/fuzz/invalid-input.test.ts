/**
 * Fuzz: 10,000+ generated invalid calls (bodies, operation options, path parameters and per-call
 * options) across every certificate operation. Each must reject with a BatchValidationError that
 * does not quote the certificate password, and not one request may reach the (msw) network.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BatchClient, BatchSharedKeyCredential, isBatchValidationError } from '../../src/index.js';
import {
  FUZZ_ACCOUNT,
  FUZZ_ACCOUNT_URL,
  FUZZ_KEY,
  FUZZ_PASSWORD,
  useCountingServer,
} from './support/fuzz-server.js';

const { requestsReached } = useCountingServer();
/** What ajv's own messages look like (`must match pattern "^…$"`, `must be >= 1`, `must NOT have`). */
const NOT_WORDS =
  /pattern "|\^|\$"|[<>]=|NOT have|must be (string|integer|number|boolean|object)\b/;
let fetchCalls = 0;
const client = new BatchClient(
  FUZZ_ACCOUNT_URL,
  new BatchSharedKeyCredential(FUZZ_ACCOUNT, FUZZ_KEY),
  {
    deprecationWarnings: 'off',
    sleep: async () => {},
    fetch: (input, init) => {
      fetchCalls++;
      return globalThis.fetch(input, init);
    },
  },
);

const HEX = '0123456789abcdefABCDEF';
const hexString = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: min, maxLength: max });
const base64Data = fc
  .uint8Array({ minLength: 1, maxLength: 300 })
  .map((b) => Buffer.from(b).toString('base64'));
const validBody = fc.record(
  {
    thumbprint: hexString(1, 40),
    thumbprintAlgorithm: fc.constant('sha1'),
    data: base64Data,
    certificateFormat: fc.constant('pfx'),
    password: fc.constant(FUZZ_PASSWORD),
  },
  { requiredKeys: ['thumbprint', 'thumbprintAlgorithm', 'data'] },
);
const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const notHexThumbprint = fc.oneof(
  fc.constant(''),
  hexString(41, 60),
  fc
    .tuple(
      hexString(0, 20),
      // Something that stays after separators (white space, colons, invisible marks) are removed.
      fc
        .string({ minLength: 1, maxLength: 3 })
        .filter((s) => /[^0-9a-fA-F\s:\u200e\u200f\u202a-\u202e\ufeff]/.test(s)),
      hexString(0, 19),
    )
    .map((p) => p.join('')),
);
const notBase64 = fc.oneof(
  fc.constant(''),
  base64Data.map((d) => `${d}A`.replace(/=/g, '')).filter((d) => d.length % 4 !== 0),
  fc
    .tuple(base64Data, fc.constantFrom('!', '-', '_', ' ', '\u00e9', '.'))
    .map(([d, c]) => c + d.slice(1)),
  // Over the limit in decoded bytes, including 10241 and 10242 bytes, whose base64 is as long as
  // that of 10240 bytes.
  fc
    .integer({ min: 10_241, max: 10_400 })
    .map((n) => Buffer.alloc(n, 7).toString('base64')),
);
const ALLOWED = ['thumbprint', 'thumbprintAlgorithm', 'data', 'certificateFormat', 'password'];

/** A valid body with exactly one kind of defect. */
const invalidBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.array(validBody, { maxLength: 2 }),
  ),
  fc
    .tuple(validBody, fc.constantFrom('thumbprint', 'thumbprintAlgorithm', 'data'))
    .map(([b, k]) => {
      const copy: Record<string, unknown> = { ...b };
      delete copy[k];
      return copy;
    }),
  fc
    .tuple(validBody, fc.constantFrom(...ALLOWED), notAString)
    .map(([b, k, v]) => ({ ...b, [k]: v })),
  fc.tuple(validBody, notHexThumbprint).map(([b, t]) => ({ ...b, thumbprint: t })),
  fc
    .tuple(
      validBody,
      fc.string().filter((s) => s !== 'sha1'),
    )
    .map(([b, a]) => ({ ...b, thumbprintAlgorithm: a })),
  fc.tuple(validBody, notBase64).map(([b, d]) => ({ ...b, data: d })),
  fc
    .tuple(
      validBody,
      fc.string().filter((s) => s !== 'pfx' && s !== 'cer'),
    )
    .map(([b, f]) => ({ ...b, certificateFormat: f })),
  validBody.map((b) => ({ ...b, certificateFormat: 'cer', password: FUZZ_PASSWORD })),
  fc
    .tuple(
      validBody,
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((k) => !ALLOWED.includes(k) && k !== '__proto__'),
      fc.anything(),
    )
    .map(([b, k, v]) => ({ ...b, [k]: v })),
);

const notGuid = fc.oneof(
  fc.string().filter((s) => !/^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$/.test(s)),
  fc.uuid().map((u) => `{${u}}`),
  fc.integer(),
);
/** One invalid entry of an options bag; `list` adds maxResults. */
const invalidOption = (operation: string) =>
  fc.oneof(
    fc
      .oneof(
        fc.integer({ max: 0 }),
        fc.double({ min: 2 ** 31, max: 2 ** 40, noNaN: true }).map(Math.floor),
        fc.double({ noInteger: true }),
        fc.string(),
        fc.constant(Number.NaN),
      )
      .map((v) => ({ timeout: v })),
    notGuid.map((v) => ({ clientRequestId: v })),
    fc
      .oneof(fc.string(), fc.integer(), fc.constant(null))
      .map((v) => ({ returnClientRequestId: v })),
    fc.oneof(fc.string(), fc.integer(), fc.constant({})).map((v) => ({ ocpDate: v })),
    fc
      .oneof(
        fc.integer({ max: 0 }),
        fc.integer({ min: -1e9, max: 1e9 }).filter((n) => n <= 0),
        fc.double({ noNaN: true }).filter((n) => !(n > 0)),
      )
      .map((v) => ({ timeoutInMs: v })),
    fc
      .oneof(fc.string(), fc.integer(), fc.constant({ aborted: false }), fc.constant(null))
      .map((v) => ({ abortSignal: v })),
    // An option the method does not have (typos included) is reported, never ignored.
    fc
      .constantFrom('timout', 'maxresults', 'clientRequestID', 'filter', 'ocp-date', 'signal')
      .filter((k) => !(operation === 'list' && k === 'filter'))
      .map((k) => ({ [k]: 1 })),
    ...(operation === 'list'
      ? [
          fc
            .oneof(
              fc.integer({ max: 0 }),
              fc.integer({ min: 1001 }),
              fc.double({ noInteger: true }),
            )
            .map((v) => ({ maxResults: v })),
        ]
      : operation !== 'get'
        ? []
        : [fc.oneof(fc.integer(), fc.constant(null)).map((v) => ({ select: v }))]),
  );

/** One call: the method and its arguments (printed by fast-check when a run fails). */
type Call = {
  method: 'add' | 'list' | 'get' | 'delete' | 'cancelDeletion';
  label: string;
  args: unknown[];
};

const validPath = fc.tuple(fc.constant('sha1'), hexString(1, 40));
const invalidPath = fc.oneof(
  fc.tuple(
    fc.string().filter((s) => s !== 'sha1'),
    hexString(1, 40),
  ),
  fc.tuple(fc.constant('sha1'), notHexThumbprint),
);
const byPath = (method: 'get' | 'delete' | 'cancelDeletion') =>
  fc
    .oneof(fc.tuple(invalidPath, fc.constant({})), fc.tuple(validPath, invalidOption(method)))
    .map(
      ([[alg, thumb], options]): Call => ({ method, label: method, args: [alg, thumb, options] }),
    );

const invalidCall: fc.Arbitrary<Call> = fc.oneof(
  {
    weight: 4,
    arbitrary: invalidBody.map(
      (body): Call => ({ method: 'add', label: 'add(body)', args: [body] }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(validBody, invalidOption('add'))
      .map(([body, o]): Call => ({ method: 'add', label: 'add(options)', args: [body, o] })),
  },
  {
    weight: 1,
    arbitrary: invalidOption('list').map(
      (o): Call => ({ method: 'list', label: 'list', args: [o] }),
    ),
  },
  { weight: 1, arbitrary: byPath('get') },
  { weight: 1, arbitrary: byPath('delete') },
  { weight: 1, arbitrary: byPath('cancelDeletion') },
);

const methods = client.certificate as unknown as Record<string, (...a: unknown[]) => unknown>;
async function run(call: Call): Promise<unknown> {
  const result = methods[call.method]!(...call.args);
  if (call.method === 'list')
    return (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
  return result;
}

describe('invalid input never reaches the network', () => {
  it('10,000 invalid calls: each a BatchValidationError without the password, zero requests', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(invalidCall, async (call) => {
        seen.set(call.label, (seen.get(call.label) ?? 0) + 1);
        let error: unknown;
        try {
          await run(call);
        } catch (e) {
          error = e;
        }
        expect(isBatchValidationError(error)).toBe(true);
        const issues = (error as { issues: { message: string }[] }).issues;
        expect(issues.length).toBeGreaterThan(0);
        // Rules in words: no regular expression, no schema keyword talk.
        for (const { message } of issues) expect(message).not.toMatch(NOT_WORDS);
        expect(JSON.stringify(error)).not.toContain(FUZZ_PASSWORD);
        expect((error as Error).message).not.toContain(FUZZ_PASSWORD);
      }),
      { numRuns: 10_000 },
    );
    expect(fetchCalls).toBe(0);
    expect(requestsReached()).toBe(0);
    // Every kind of call was exercised often.
    for (const operation of [
      'add(body)',
      'add(options)',
      'list',
      'get',
      'delete',
      'cancelDeletion',
    ]) {
      expect(seen.get(operation)).toBeGreaterThan(500);
    }
  });
});
