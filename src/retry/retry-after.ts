/**
 * The wait a server asks for: `retry-after-ms`, `x-ms-retry-after-ms` (Azure's, in ms) and
 * `Retry-After` (RFC 9110: delta-seconds or an HTTP-date, including the obsolete forms). Pure.
 *
 * @module
 */
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

const DAY_NAMES = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const LONG_DAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** `Sun, 06 Nov 1994 08:49:37 GMT` — the preferred form. */
const IMF_FIXDATE = new RegExp(`^(?:${DAY_NAMES}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
/** `Sunday, 06-Nov-94 08:49:37 GMT` — obsolete RFC 850 form, two-digit year. */
const RFC850_DATE = new RegExp(`^(?:${LONG_DAY_NAMES}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
/** `Sun Nov  6 08:49:37 1994` — obsolete ANSI C asctime() form. */
const ASCTIME_DATE = new RegExp(`^(?:${DAY_NAMES}) (${MONTH}) (\\d{2}| \\d) ${TIME} (\\d{4})$`);

interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toEpochMs(fields: DateFields): number | undefined {
  const { year, month, day, hour, minute, second } = fields;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 1 && leap ? 29 : DAYS_IN_MONTH[month]!;
  // Second 60 is allowed for leap seconds (RFC 9110 §5.6.7); Date.UTC rolls it into the next minute.
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 60) return undefined;
  // Date.UTC reads a year below 100 as 1900 + year: those go through setUTCFullYear.
  if (year >= 100) return Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * RFC 9110 §5.6.7: a two-digit year that would put the date more than 50 years in the future means
 * the most recent past year with the same last two digits. Picks, among the three candidate
 * centuries around now, the latest date that is not more than 50 years ahead.
 */
function toEpochMsWithTwoDigitYear(
  fields: Omit<DateFields, 'year'>,
  twoDigits: number,
  nowMs: number,
): number | undefined {
  const now = new Date(nowMs);
  const limit = new Date(nowMs);
  limit.setUTCFullYear(now.getUTCFullYear() + 50);
  const century = now.getUTCFullYear() - (now.getUTCFullYear() % 100);
  for (const year of [century + 100 + twoDigits, century + twoDigits, century - 100 + twoDigits]) {
    const epochMs = toEpochMs({ ...fields, year });
    if (epochMs !== undefined && epochMs <= limit.getTime()) return epochMs;
  }
  return undefined;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name);
}

/**
 * Parses an HTTP-date (RFC 9110 §5.6.7): the IMF-fixdate form and the obsolete RFC 850 and asctime
 * forms, strictly (case-sensitive names, exact spacing, always GMT). Unlike `Date.parse`, it does
 * not accept other shapes such as `"1"` or `"-1"`. The day name is not checked against the date.
 *
 * @param value - the header value, already trimmed
 * @param nowMs - the current time (ms since the epoch), used only to expand an RFC 850 two-digit year
 * @returns milliseconds since the Unix epoch, or `undefined` when `value` is not an HTTP-date
 */
export function parseHttpDate(value: string, nowMs: number): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    const [, day, month, year, hour, minute, second] = match as unknown as string[];
    return toEpochMs({
      year: Number(year),
      month: monthIndex(month!),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    });
  }
  match = RFC850_DATE.exec(value);
  if (match) {
    const [, day, month, year, hour, minute, second] = match as unknown as string[];
    const fields = {
      month: monthIndex(month!),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    };
    return toEpochMsWithTwoDigitYear(fields, Number(year), nowMs);
  }
  match = ASCTIME_DATE.exec(value);
  if (match) {
    const [, month, day, hour, minute, second, year] = match as unknown as string[];
    return toEpochMs({
      year: Number(year),
      month: monthIndex(month!),
      day: Number(day!.trim()),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    });
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
