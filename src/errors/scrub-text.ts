/**
 * Defence in depth for text the service (or a proxy) sends back: the Batch service does not echo
 * credentials on purpose, but authentication details can quote a request signature and malformed
 * header errors can quote a header value. Texts attached to errors pass through
 * {@link scrubSecrets} first.
 *
 * @module
 */

import { REDACTED } from './redact.js';

/** Longest service-supplied text kept on an error; longer texts are cut and end with `…`. */
export const MAX_SERVICE_TEXT_LENGTH = 2000;

const SCRUBBERS: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization schemes followed by their credential.
  [/\b(Bearer|Basic|SharedKey|SharedKeyLite)(\s+)[\w.~+/=:-]{8,}/gi, `$1$2${REDACTED}`],
  // "The MAC signature found in the HTTP request '<signature>' is not the same ..."
  [/(signature found in the HTTP request\s*')[^']*'/gi, `$1${REDACTED}'`],
  // JSON Web Tokens (header.payload.signature, base64url).
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED],
  // key=value pairs whose name says they are secret (connection strings, query strings).
  [
    /\b(AccountKey|SharedAccessKey|password|pwd|sig|token|access_token|client_secret|secret)(\s*[=:]\s*)[^\s&;,'"]+/gi,
    `$1$2${REDACTED}`,
  ],
  // Long opaque base64 runs: account keys (88 chars), certificate data, signatures.
  [/[A-Za-z0-9+/]{64,}={0,2}/g, REDACTED],
];

/**
 * Returns `text` with credential-looking substrings replaced by `REDACTED` and cut to
 * {@link MAX_SERVICE_TEXT_LENGTH} characters. Redaction happens before cutting, so a secret is
 * never left half visible.
 */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SCRUBBERS) out = out.replace(pattern, replacement);
  return out.length > MAX_SERVICE_TEXT_LENGTH
    ? `${out.slice(0, MAX_SERVICE_TEXT_LENGTH - 1)}…`
    : out;
}
