/** utf8Length agrees with Node's encoder on every kind of string, lone surrogates included. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { utf8Length } from '../../../src/util/utf8-length.js';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
    ['a\udc00b', 5],
  ])('%j → %d bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it('matches TextEncoder on random strings (any code units)', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(encoder.encode(text).byteLength);
      }),
      { numRuns: 2000 },
    );
  });
});
