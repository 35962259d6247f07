/**
 * Fuzz: 1,000+ valid random Certificate Add bodies (thumbprints with separators — spaces, tabs,
 * colons, the invisible mark Windows copies — and either case; random data up to exactly the
 * 10240-byte limit; every format/password combination the spec allows; any unicode password).
 * Each is sent exactly once, and the JSON that reaches the service is the body with the
 * thumbprint's separators removed (x-batch-normalize) — nothing dropped, added or re-encoded.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { HttpResponse, http } from 'msw';
import { BatchClient, BatchSharedKeyCredential } from '../../src/index.js';
import {
  FUZZ_ACCOUNT,
  FUZZ_ACCOUNT_URL,
  FUZZ_KEY,
  useCountingServer,
} from './support/fuzz-server.js';

const { server, requestsReached } = useCountingServer();
const client = new BatchClient(
  FUZZ_ACCOUNT_URL,
  new BatchSharedKeyCredential(FUZZ_ACCOUNT, FUZZ_KEY),
  { deprecationWarnings: 'off', sleep: async () => {} },
);

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const spaces = fc.string({ unit: fc.constantFrom(' ', '\t', ':', '\u200e'), maxLength: 2 });
const thumbprint = fc
  .array(fc.tuple(hexDigit, spaces), { minLength: 1, maxLength: 40 })
  .chain((digits) =>
    spaces.map((lead) => lead + digits.map(([digit, gap]) => digit + gap).join('')),
  );
const data = fc
  .oneof(
    fc.uint8Array({ minLength: 1, maxLength: 2048 }),
    // At and just under the limit (10240 decoded bytes), each padding case.
    fc
      .integer({ min: 10_230, max: 10_240 })
      .map((n) => new Uint8Array(n).fill(n % 256)),
  )
  .map((bytes) => Buffer.from(bytes).toString('base64'));
const password = fc.string({ unit: 'binary', maxLength: 40 });
const body = fc.oneof(
  fc.record(
    {
      thumbprint,
      thumbprintAlgorithm: fc.constant('sha1' as const),
      data,
      certificateFormat: fc.constant('pfx' as const),
      password,
    },
    { requiredKeys: ['thumbprint', 'thumbprintAlgorithm', 'data'] },
  ),
  fc.record(
    {
      thumbprint,
      thumbprintAlgorithm: fc.constant('sha1' as const),
      data,
      certificateFormat: fc.constant('cer' as const),
    },
    { requiredKeys: ['thumbprint', 'thumbprintAlgorithm', 'data', 'certificateFormat'] },
  ),
);

describe('valid bodies', () => {
  it('1,000 valid bodies: each sent exactly once with the expected JSON', async () => {
    const received: unknown[] = [];
    server.use(
      http.post(`${FUZZ_ACCOUNT_URL}/certificates`, async ({ request }) => {
        received.push(JSON.parse(await request.text()));
        return new HttpResponse(null, { status: 201 });
      }),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(body, async (certificate) => {
        const before = structuredClone(certificate);
        const reachedBefore = requestsReached();
        received.length = 0;
        await expect(client.certificate.add(certificate)).resolves.toEqual({});
        expect(requestsReached() - reachedBefore).toBe(1);
        expect(received).toEqual([
          { ...certificate, thumbprint: certificate.thumbprint.replace(/[ \t:\u200e]/g, '') },
        ]);
        expect(certificate).toEqual(before); // the caller's object is untouched
        runs++;
      }),
      { numRuns: 1_000 },
    );
    expect(runs).toBe(1_000);
  });
});
