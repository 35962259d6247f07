import { describe, expect, it } from '@jest/globals';
import { normalizeThumbprint } from '../../../src/certificate-file/thumbprint.js';
import { removeSeparators } from '../../../src/util/remove-separators.js';

const HEX = '1bb368a1c6b7d0e8f9a0b1c2d3e4f5a6b7c8d9e0';

describe('removeSeparators', () => {
  it.each([
    ['spaces, as Windows shows it', '1B B3 68 A1 C6 B7 D0 E8 F9 A0 B1 C2 D3 E4 F5 A6 B7 C8 D9 E0'],
    ['colons, as openssl prints it', '1B:B3:68:A1:C6:B7:D0:E8:F9:A0:B1:C2:D3:E4:F5:A6:B7:C8:D9:E0'],
    [
      'a left-to-right mark copied from the Windows dialog',
      '\u200e1bb368a1c6b7d0e8f9a0b1c2d3e4f5a6b7c8d9e0',
    ],
    ['tabs, newlines and a no-break space', '1bb368a1\tc6b7d0e8\nf9a0b1c2\u00a0d3e4f5a6b7c8d9e0'],
    [
      'a byte-order mark and right-to-left mark',
      '\ufeff1bb368a1c6b7d0e8f9a0b1c2d3e4f5a6b7c8d9e0\u200f',
    ],
  ])('removes %s', (_label, input) => {
    expect(removeSeparators(input).toLowerCase()).toBe(HEX);
  });

  it('keeps case and every other character', () => {
    expect(removeSeparators('AB-cd_Ef')).toBe('AB-cd_Ef');
  });

  it('returns non-strings unchanged', () => {
    expect(removeSeparators(42)).toBe(42);
    expect(removeSeparators(undefined)).toBeUndefined();
  });

  it('is the rule the certificate-file helpers use', () => {
    expect(
      normalizeThumbprint('\u200e1B B3:68 A1 C6 B7 D0 E8 F9 A0 B1 C2 D3 E4 F5 A6 B7 C8 D9 E0'),
    ).toBe(HEX);
  });
});
