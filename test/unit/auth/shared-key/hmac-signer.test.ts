/** Both HMAC paths (node:crypto in Node, WebCrypto elsewhere) give the RFC 4231 results. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHmacSigner, platformNodeCrypto } from '../../../../src/auth/shared-key/hmac.js';

// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
const KEY = new TextEncoder().encode('Jefe');
const DATA = 'what do ya want for nothing?';
const EXPECTED = Buffer.from(
  '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  'hex',
).toString('base64');

describe('createHmacSigner', () => {
  it('Node offers node:crypto through process.getBuiltinModule', () => {
    expect(platformNodeCrypto()).toBeDefined();
  });

  it.each([
    ['node:crypto', platformNodeCrypto()],
    ['WebCrypto', undefined],
  ])('%s matches RFC 4231 test case 2', async (_name, nodeCrypto) => {
    expect(await createHmacSigner(KEY, nodeCrypto)(DATA)).toBe(EXPECTED);
  });

  it('the two paths agree on random keys and unicode messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.string({ unit: 'grapheme' }),
        async (key, message) => {
          const viaNode = await createHmacSigner(key, platformNodeCrypto())(message);
          const viaWeb = await createHmacSigner(key, undefined)(message);
          expect(viaNode).toBe(viaWeb);
          expect(viaNode).toBe(createHmac('sha256', key).update(message, 'utf8').digest('base64'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps its own copy of the key (the caller may reuse its buffer)', async () => {
    const key = new Uint8Array(KEY);
    const sign = createHmacSigner(key, platformNodeCrypto());
    key.fill(0);
    expect(await sign(DATA)).toBe(EXPECTED);
  });
});
