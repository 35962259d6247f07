/**
 * RFC 3339 text as an instant that is the same on every host: the fields are read by this code
 * (never by `Date.parse`, whose reading of text without an offset is the host's time zone and of
 * anything outside ECMAScript's own format is up to the engine). Pure.
 *
 * @module
 */

/** RFC 3339 §5.6 `date-time`: `T` (or `t`), seconds, an optional fraction, and `Z` or `±hh:mm`. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
/** RFC 3339 §5.6 `full-date`. */
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of the UTC fields, or `undefined` when a field is out of its range. */
function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number | undefined {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  // A day the month does not have (30 February) rolls into the next month: refused.
  return date.getUTCDate() === day ? date.getTime() : undefined;
}

/**
 * Parses an RFC 3339 `date-time` that carries its offset (`2024-07-01T12:00:00Z`,
 * `2024-07-01T14:00:00.1234567+02:00`). Text without an offset is refused: it names no instant.
 * Fraction digits below the millisecond are dropped; a leap second (`:60`) is refused, as
 * JavaScript has no such second.
 *
 * @returns Epoch milliseconds, or `undefined` when `text` is not such a date-time.
 */
export function parseRfc3339DateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const local = utcMs(year, month, day, hour, minute, second, ms);
  if (local === undefined) return undefined;
  if (m[8] !== undefined) return local;
  const offsetHours = Number(m[10]);
  const offsetMinutes = Number(m[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = m[9] === '-' ? -1 : 1;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * Parses an RFC 3339 `full-date` (`2024-07-01`) as 00:00 UTC of that day, as ECMAScript reads a
 * date alone.
 *
 * @returns Epoch milliseconds, or `undefined` when `text` is not such a date.
 */
export function parseRfc3339FullDate(text: string): number | undefined {
  const m = FULL_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = m.slice(1, 4).map(Number) as [number, number, number];
  return utcMs(year, month, day);
}
