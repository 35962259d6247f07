import { getHeaderValue } from './header-value.js';
import { parseRetryAfterMs } from './retry-after.js';

const OWS = /^[ \t]+|[ \t]+$/g;
const MILLISECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Headers that carry a wait in milliseconds, in order of precedence. Azure services send them
 * alongside (or instead of) `Retry-After` because they are more precise; Azure's own SDKs read
 * them in this order before falling back to `Retry-After`.
 */
export const RETRY_AFTER_MS_HEADERS: readonly string[] = Object.freeze([
  'retry-after-ms',
  'x-ms-retry-after-ms',
]);

/**
 * Parses a `retry-after-ms` / `x-ms-retry-after-ms` value: a non-negative decimal number of
 * milliseconds (a fraction is rounded up). Anything else → `undefined`.
 *
 * @param value - the raw header value, or `null`/`undefined` when absent
 * @returns the wait in milliseconds, or `undefined` when absent or malformed
 */
export function parseRetryAfterMsHeader(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.replace(OWS, '');
  return MILLISECONDS.test(trimmed) ? Math.ceil(Number(trimmed)) : undefined;
}

/**
 * The wait the server asked for, in milliseconds: the first valid value among `retry-after-ms`,
 * `x-ms-retry-after-ms` and `Retry-After` (see {@link parseRetryAfterMs}). A malformed header is
 * skipped, so the next one (or, when none is valid, the caller's backoff) is used.
 *
 * @param headers - the response headers (plain-record keys match case-insensitively)
 * @param nowMs - the current time in milliseconds since the Unix epoch, for HTTP-date values
 * @returns the wait in milliseconds, or `undefined` when the server named no valid time
 */
export function getServerRetryDelayMs(
  headers: Headers | Readonly<Record<string, string>>,
  nowMs: number,
): number | undefined {
  for (const name of RETRY_AFTER_MS_HEADERS) {
    const ms = parseRetryAfterMsHeader(getHeaderValue(headers, name));
    if (ms !== undefined) return ms;
  }
  return parseRetryAfterMs(getHeaderValue(headers, 'retry-after'), nowMs);
}
