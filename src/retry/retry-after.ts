/**
 * The wait a server asks for: `retry-after-ms`, `x-ms-retry-after-ms` (Azure's, in ms) and
 * `Retry-After` (RFC 9110: delta-seconds or an HTTP-date, including the obsolete forms). Pure.
 *
 * @module
 */
import { parseHttpDate } from '../util/http-date.js';
/**
 * Reads one header from a `Headers` object or a plain record, matching the name case-insensitively
 * (ASCII only, as HTTP field names are ASCII).
 *
 * @param headers - the response headers
 * @param name - the header name, lower-case
 * @returns the value, or `undefined` when the header is absent
 */
export function getHeaderValue(
  headers: Headers | Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string>>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key];
  }
  return undefined;
}

/** Optional whitespace (SP / HTAB) around a field value, which a plain-record header may keep. */
const OWS = /^[ \t]+|[ \t]+$/g;
const DELTA_SECONDS = /^\d+$/;

/**
 * Parses a `Retry-After` header value (RFC 9110 §10.2.3) into a wait in milliseconds.
 *
 * - delta-seconds (a non-negative decimal integer, e.g. `"120"`) → that many seconds;
 * - an HTTP-date (IMF-fixdate, or the obsolete RFC 850 / asctime forms) → the time from `nowMs`
 *   until that date, `0` when the date is not in the future;
 * - anything else (`"soon"`, `"-1"`, `"1.5"`, `""`, absent) → `undefined`, so the caller falls back
 *   to its own backoff.
 *
 * @param value - the raw header value, or `null`/`undefined` when the header is absent
 * @param nowMs - the current time in milliseconds since the Unix epoch (injected for tests)
 * @returns the wait in milliseconds (a non-negative number, possibly very large), or `undefined`
 */
export function parseRetryAfterMs(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.replace(OWS, '');
  if (DELTA_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  const dateMs = parseHttpDate(trimmed, nowMs);
  if (dateMs === undefined) return undefined;
  return Math.max(0, Math.ceil(dateMs - nowMs));
}

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
