import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import forge from 'node-forge/lib/forge.js';
import 'node-forge/lib/pbe.js';
import { pkcs12Kdf } from '../../../src/certificate-file/forge-crypto.js';

// Oracle: node-forge's own PKCS#12 key derivation (lib/pbe.js), which src/ does not load.
type Kdf = (
  password: string | null,
  salt: unknown,
  id: number,
  iterations: number,
  length: number,
  md: unknown,
) => { getBytes(): string };
const oracle = forge as unknown as {
  pbe: { generatePkcs12Key: Kdf };
  md: Record<string, { create(): unknown }>;
  util: { createBuffer(bytes: string): unknown };
};

describe('pkcs12Kdf (RFC 7292 B.2)', () => {
  it('matches node-forge generatePkcs12Key', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 40, unit: 'binary' }), { nil: null }),
        fc.uint8Array({ maxLength: 24 }),
        fc.constantFrom(1 as const, 2 as const, 3 as const),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom('sha1' as const, 'sha256' as const, 'sha512' as const),
        (password, salt, id, iterations, length, digest) => {
          const ours = pkcs12Kdf({ password, salt, id, iterations, length, digest });
          const theirs = oracle.pbe.generatePkcs12Key(
            password,
            oracle.util.createBuffer(String.fromCharCode(...salt)),
            id,
            iterations,
            length,
            oracle.md[digest]?.create(),
          );
          expect(Buffer.from(ours).toString('latin1')).toBe(theirs.getBytes());
        },
      ),
      { numRuns: 200 },
    );
  });
});
