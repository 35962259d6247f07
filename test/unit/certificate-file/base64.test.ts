import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { base64ToBytes, bytesToBase64 } from '../../../src/certificate-file/base64.js';
import {
  MAX_CERTIFICATE_BASE64_LENGTH,
  MAX_CERTIFICATE_BYTES,
} from '../../../src/certificate-file/index.js';

describe('base64 helpers (Node Buffer as oracle)', () => {
  it('encode like Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('decode what Buffer encodes, also when wrapped at 64 columns like PEM', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        const wrapped = text.replace(/(.{64})/g, '$1\r\n');
        expect(base64ToBytes(text)).toEqual(new Uint8Array(bytes));
        expect(base64ToBytes(wrapped)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('refuse characters outside the alphabet and impossible lengths', () => {
    expect(base64ToBytes('ab*d')).toBeUndefined();
    expect(base64ToBytes('abcde')).toBeUndefined();
    expect(base64ToBytes('ab-_')).toBeUndefined();
  });

  it('the base64 limit is the encoded length of the byte limit', () => {
    expect(MAX_CERTIFICATE_BYTES).toBe(10240);
    expect(Buffer.alloc(MAX_CERTIFICATE_BYTES).toString('base64')).toHaveLength(
      MAX_CERTIFICATE_BASE64_LENGTH,
    );
  });
});
