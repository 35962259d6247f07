/** The overlay's documented constraints are present in the compiled validators (no runtime compilation). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { Certificate_Add_body, Certificate_Get_parameters } from '../../../generated/validators.js';

const valid = {
  thumbprint: '0123456789abcdef0123456789abcdef01234567',
  thumbprintAlgorithm: 'sha1',
  data: 'QUJD',
  certificateFormat: 'pfx',
  password: 'p',
};
const b64 = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');

const bodies: [string, unknown, boolean][] = [
  ['valid pfx with password', valid, true],
  ['valid cer without password', { ...valid, certificateFormat: 'cer', password: undefined }, true],
  ['format omitted, password given', { ...valid, certificateFormat: undefined }, true],
  [
    // The validator sees the value after x-batch-normalize (the client and the emulator remove
    // separators first), so it holds hex digits only.
    'thumbprint with spaces left in',
    { ...valid, thumbprint: '01 23 45 67 89 AB CD EF 01 23 45 67 89 ab cd ef 01 23 45 67' },
    false,
  ],
  ['thumbprint of 1 digit', { ...valid, thumbprint: 'a' }, true],
  ['thumbprint of 41 digits', { ...valid, thumbprint: `${valid.thumbprint}0` }, false],
  ['thumbprint with a non-hex digit', { ...valid, thumbprint: 'g123' }, false],
  ['thumbprint of spaces only', { ...valid, thumbprint: '   ' }, false],
  ['algorithm sha256', { ...valid, thumbprintAlgorithm: 'sha256' }, false],
  ['algorithm SHA1 (case matters)', { ...valid, thumbprintAlgorithm: 'SHA1' }, false],
  ['data of exactly 10 KiB', { ...valid, data: b64(10240) }, true],
  [
    'data of 10 KiB + 1 byte (as many base64 characters as 10 KiB)',
    { ...valid, data: b64(10241) },
    false,
  ],
  [
    'data of 10 KiB + 2 bytes (as many base64 characters as 10 KiB)',
    { ...valid, data: b64(10242) },
    false,
  ],
  ['data of 10 KiB + 3 bytes', { ...valid, data: b64(10243) }, false],
  ['data of 10 KiB - 1 byte', { ...valid, data: b64(10239) }, true],
  ['data of 10 KiB - 2 bytes', { ...valid, data: b64(10238) }, true],
  ['data not base64', { ...valid, data: 'ab$=' }, false],
  ['data with bad padding', { ...valid, data: 'QUJ' }, false],
  ['data with url-safe alphabet', { ...valid, data: 'ab-_' }, false],
  ['empty data', { ...valid, data: '' }, false],
  ['cer with a password', { ...valid, certificateFormat: 'cer' }, false],
  ['unknown format', { ...valid, certificateFormat: 'der' }, false],
  ['unknown property', { ...valid, extra: 1 }, false],
  ['missing data', { ...valid, data: undefined }, false],
];

describe('compiled validators', () => {
  it.each(bodies)('Certificate_Add_body: %s → %s', (_name, body, expected) => {
    const clean = JSON.parse(JSON.stringify(body)); // drops undefined members
    expect(Certificate_Add_body(clean)).toBe(expected);
  });

  it.each([
    ['abcdef0123', true],
    ['ABCDEF', true],
    ['ab cd', false],
    ['x1', false],
    ['0'.repeat(41), false],
  ])('Certificate_Get_parameters thumbprint %s → %s', (thumbprint, expected) => {
    expect(Certificate_Get_parameters({ thumbprintAlgorithm: 'sha1', thumbprint })).toBe(expected);
  });

  it('the module is plain ESM with no require() and no ajv import', async () => {
    const source = await readFile('generated/validators.js', 'utf8');
    expect(source).not.toMatch(/\brequire\(/);
    expect(source).not.toMatch(/from ["']ajv/);
  });
});
