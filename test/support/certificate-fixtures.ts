/**
 * The committed certificate fixtures of `test/fixtures/certificates/` (made once with the openssl
 * CLI by its `make.sh`; its README says what each file is for). Tests read them; none writes
 * there. Thumbprints come from node:crypto's `X509Certificate` (OpenSSL inside Node), and the
 * fingerprints openssl printed when the files were made are in `fingerprints.txt` — never from
 * the code under test.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CERTIFICATE_FIXTURES = join(import.meta.dirname, '../fixtures/certificates');

/** The password of every password-protected fixture PFX except the `unicode-*` ones (test data). */
export const PASSWORD = 'test-pfx-password-7Qz';
/** The password of `unicode-modern.pfx` and `unicode-legacy.pfx`. */
export const UNICODE_PASSWORD = 'pässwörd-€';

/** The absolute path of a fixture file. */
export const fixturePath = (name: string): string => join(CERTIFICATE_FIXTURES, name);

/** A fixture file's bytes (a fresh copy each call). */
export const fixtureBytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fixturePath(name)));

/** The SHA-1 thumbprint of a PEM or DER certificate file by node:crypto: 40 lowercase hex digits. */
export function fixtureThumbprint(name: string): string {
  return new X509Certificate(readFileSync(fixturePath(name))).fingerprint
    .replaceAll(':', '')
    .toLowerCase();
}

/** `fingerprints.txt`: file name → the fingerprint openssl printed (`AB:CD:…`). */
export function opensslFingerprints(): Map<string, string> {
  const lines = readFileSync(fixturePath('fingerprints.txt'), 'utf8').split('\n');
  const entries = lines
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\S+): sha1 Fingerprint=([0-9A-F:]{59})$/i.exec(line);
      if (!match) throw new Error(`fingerprints.txt: unreadable line ${line}`);
      return [match[1] as string, match[2] as string] as const;
    });
  return new Map(entries);
}

/** The fingerprint openssl printed for a PEM certificate when it was made (`AB:CD:…`). */
export function opensslFingerprint(pemName: string): string {
  const fingerprint = opensslFingerprints().get(pemName);
  if (!fingerprint) throw new Error(`fingerprints.txt has no line for ${pemName}`);
  return fingerprint;
}

/** 600 bytes that are neither X.509 nor PKCS#12 (the same on every run). */
export const GARBAGE = Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256);
