/**
 * Reads a successful response's declared headers into typed values (dates as `Date`, numbers,
 * booleans). The JSON result is hey-api's (checked by `send-call.ts`). Pure.
 */

import { isDateFormat, isHttpDateFormat, isIntegerFormat } from '../table/formats.js';
import type { ResponseHeaderSpec } from '../table/operation-table.js';
import { parseHttpDate } from '../util/http-date.js';
import { parseRfc3339DateTime, parseRfc3339FullDate } from '../util/rfc3339.js';

/**
 * The operation's declared response headers under their client names; absent ones are omitted,
 * and so is a value that cannot be its type. A date is read only in its format's own form, with
 * its zone, so it is the same instant on every host: an HTTP date (`lastModified`, `ocp-date`:
 * `Mon, 01 Jul 2024 09:15:00 GMT`, or the obsolete RFC 850 and asctime forms, which RFC 9110
 * defines as GMT), an RFC 3339 date-time with its offset, or an RFC 3339 full-date (UTC midnight).
 * A header date without its zone (`Mon, 01 Jul 2024 09:15:00`) is left out like any other
 * unreadable value: `new Date(text)` would read it in the host's time zone.
 *
 * @param now - the clock, in epoch milliseconds: only an RFC 850 date's two-digit year needs it
 */
export function readHeaders(
  specs: readonly ResponseHeaderSpec[],
  headers: Headers,
  now: () => number = Date.now,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = headers.get(spec.wireName);
    if (raw === null) continue;
    const value = convert(spec, raw, now);
    if (value !== undefined) result[spec.clientName] = value;
  }
  return result;
}

function dateMs(format: string | undefined, text: string, now: () => number): number | undefined {
  if (isHttpDateFormat(format)) return parseHttpDate(text, now());
  if (format === 'date') return parseRfc3339FullDate(text);
  return parseRfc3339DateTime(text);
}

function convert(spec: ResponseHeaderSpec, raw: string, now: () => number): unknown {
  if (isDateFormat(spec.format)) {
    const ms = dateMs(spec.format, raw.trim(), now);
    return ms === undefined ? undefined : new Date(ms);
  }
  if (spec.type === 'integer' || spec.type === 'number' || isIntegerFormat(spec.format)) {
    const n = Number(raw);
    return raw.trim() === '' || Number.isNaN(n) ? undefined : n;
  }
  if (spec.type === 'boolean') {
    const lower = raw.trim().toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
  }
  return raw;
}
