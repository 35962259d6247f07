import { parseHttpDate } from './http-date.js';

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
