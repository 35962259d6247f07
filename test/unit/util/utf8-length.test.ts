/**
 * Both ways of counting UTF-8 bytes — Node's `Buffer.byteLength` (used where it exists) and the
 * JavaScript count browsers use — agree with TextEncoder on every kind of string, lone surrogates
 * included.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { countUtf8Bytes, utf8Length } from '../../../src/util/utf8-length.js';

describe.each([
  ['utf8Length (Node: Buffer.byteLength)', utf8Length],
  ['countUtf8Bytes (browsers)', countUtf8Bytes],
])('%s', (_label, count) => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
    ['a\udc00b', 5],
    ['{"data":"QUJD"}', 15],
  ])('%j → %d bytes', (text, bytes) => {
    expect(count(text)).toBe(bytes);
  });

  it('matches TextEncoder on random strings (any code units, ASCII-only ones too)', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' })),
        (text) => {
          expect(count(text)).toBe(encoder.encode(text).byteLength);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
