/**
 * The `values` of a Batch error (key/value details) made safe to keep on an error object.
 *
 * The service reports some failures as name/value pairs, e.g. `HeaderName` + `HeaderValue` for a
 * malformed header, `QueryParameterName` + `QueryParameterValue`, `PropertyName` +
 * `PropertyValue`. A value is kept only when its name is known to be harmless: allow-listed
 * headers and query parameters, and properties whose name does not suggest a secret. Every value
 * also passes through {@link scrubSecrets}.
 *
 * @module
 */

import { REDACTED, SAFE_HEADER_NAMES, SAFE_QUERY_PARAMETERS } from './redact.js';
import { scrubSecrets } from './scrub-text.js';

/** One item of additional information in a Batch error response (`BatchErrorDetail`). */
export interface BatchErrorDetail {
  /** What the value means, e.g. `Reason` or `AuthenticationErrorDetail`. */
  readonly key: string;
  /** The detail itself (sanitized). */
  readonly value: string;
}

const SECRET_PROPERTY = /password|data|key|secret|token|signature|credential|authorization/i;

function isSafePairedValue(prefix: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  const lower = name.toLowerCase();
  if (prefix === 'Header') return SAFE_HEADER_NAMES.has(lower);
  if (prefix === 'QueryParameter') return SAFE_QUERY_PARAMETERS.has(lower);
  return !SECRET_PROPERTY.test(name);
}

/**
 * Copies `values` into frozen {@link BatchErrorDetail} objects, keeping only `key` and `value`,
 * redacting paired values whose name is not known to be safe and scrubbing the rest.
 */
export function sanitizeErrorDetails(
  values: ReadonlyArray<{ readonly key: string; readonly value: string }>,
): ReadonlyArray<BatchErrorDetail> {
  const byKey = new Map(values.map((item) => [item.key, item.value]));
  const out = values.map(({ key, value }) => {
    const paired = /^(\w+)Value$/.exec(key);
    const prefix = paired?.[1];
    const redact = prefix !== undefined && !isSafePairedValue(prefix, byKey.get(`${prefix}Name`));
    return Object.freeze({
      key: scrubSecrets(key),
      value: redact ? REDACTED : scrubSecrets(value),
    });
  });
  return Object.freeze(out);
}
