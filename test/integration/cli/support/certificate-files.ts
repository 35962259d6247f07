/**
 * Certificate files for the CLI tests: a DER `.cer` and a password-protected `.pfx` of two
 * different certificates, copied from the committed fixtures (test/fixtures/certificates/, made
 * with openssl) into the test's own folder, as a user's files would be. Expected thumbprints come
 * from node:crypto, never from the code under test.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath, fixtureThumbprint, PASSWORD } from '../../../support/certificate-fixtures.js';

/** The password of the `.pfx` fixture (a test value, passed to the CLI through the environment). */
export const PFX_PASSWORD = PASSWORD;

export interface CertificateFiles {
  readonly cer: string;
  readonly cerThumbprint: string;
  /** Base64 of the `.cer` bytes, for JSON bodies. */
  readonly cerBase64: string;
  readonly pfx: string;
  readonly pfxThumbprint: string;
}

/** Copies the fixtures into `dir` as `cli.cer` (RSA, DER) and `cli.pfx` (EC, AES-256). */
export function makeCertificateFiles(dir: string): CertificateFiles {
  const cer = join(dir, 'cli.cer');
  const pfx = join(dir, 'cli.pfx');
  copyFileSync(fixturePath('rsa.der'), cer);
  copyFileSync(fixturePath('ec-modern.pfx'), pfx);
  return {
    cer,
    cerThumbprint: fixtureThumbprint('rsa.der'),
    cerBase64: readFileSync(cer).toString('base64'),
    pfx,
    pfxThumbprint: fixtureThumbprint('ec.pem'),
  };
}
