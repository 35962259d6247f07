import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeBase64, encodeBase64, isBase64 } from '../../../src/util/base64.js';

describe('base64', () => {
  it('agrees with Buffer on random bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const expected = Buffer.from(bytes).toString('base64');
        expect(encodeBase64(bytes)).toBe(expected);
        if (bytes.length > 0)
          expect(Buffer.from(decodeBase64(expected)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('encodes RFC 4648 §10 vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64(new TextEncoder().encode(plain))).toBe(encoded);
      if (plain) expect(new TextDecoder().decode(decodeBase64(encoded))).toBe(plain);
    }
  });

  it.each([
    '',
    'Zg',
    'Zg=',
    'Z===',
    'Zm9v YmFy',
    'Zm9v\n',
    'Zm9-',
    'Zm9_',
    '====',
    'Zg==Zg==',
  ])('rejects %j', (text) => {
    expect(isBase64(text)).toBe(false);
    expect(() => decodeBase64(text)).toThrow(
      new TypeError('Expected a non-empty, padded base64 string.'),
    );
  });
});
