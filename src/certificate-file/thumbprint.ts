import { canonicalThumbprint } from '../util/canonical-thumbprint.js';
import { CertificateFileError } from './certificate-file-error.js';

/**
 * The SHA-1 thumbprint of a DER certificate as 40 lowercase hex digits, computed with WebCrypto.
 * Lowercase because the service's own examples and answers use it, so a thumbprint built here
 * reads the same as the one `get` and `list` return; comparisons ignore case anyway.
 */
export async function sha1Thumbprint(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', der.slice()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Brings a caller's thumbprint to the canonical form: separators removed as everywhere in this
 * package (white space, colons, invisible direction marks; see `src/util/remove-separators.ts`),
 * lowercase.
 * Throws `INVALID_THUMBPRINT` unless 40 hex digits remain.
 *
 * @param thumbprint - for example `'AB CD …'`, `'AB:CD:…'` or `'abcd…'`
 * @returns 40 lowercase hex digits
 */
export function normalizeThumbprint(thumbprint: string): string {
  const canonical = typeof thumbprint === 'string' ? canonicalThumbprint(thumbprint) : '';
  if (!/^[0-9a-f]{40}$/.test(canonical)) {
    throw new CertificateFileError(
      'INVALID_THUMBPRINT',
      'a SHA-1 thumbprint must be 40 hex digits (spaces and colons are ignored)',
    );
  }
  return canonical;
}

/** Throws `THUMBPRINT_MISMATCH` unless `expected` (any accepted form) equals `actual`. */
export function assertThumbprint(source: string, actual: string, expected: string): void {
  const wanted = normalizeThumbprint(expected);
  if (wanted !== actual) {
    throw new CertificateFileError(
      'THUMBPRINT_MISMATCH',
      `${source} has SHA-1 thumbprint ${actual}, not the expected ${wanted}`,
    );
  }
}
