/**
 * Turns a flag's text into the value the client expects for a parameter of the operation table:
 * integers and numbers, dates (ISO 8601 or RFC 1123, with their zone) as `Date`, comma-separated
 * lists as arrays, everything else as text. Pure. A value that cannot be converted yields an issue that names the
 * flag and the expected form, never the value (it may be a secret).
 */

import type { BatchValidationIssue } from '../errors/batch-validation-error.js';
import { isDateFormat } from '../table/formats.js';
import type { ParameterSpec, ScalarType } from '../table/operation-table.js';
import { parseRfc3339DateTime, parseRfc3339FullDate } from '../util/rfc3339.js';

/** The result of {@link parseParameterValue}: the converted value, or why it was refused. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; issue: BatchValidationIssue };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** ISO 8601 date-time as typed: seconds and the offset's colon optional, the zone required. */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(?:(Z)|([+-]\d{2}):?(\d{2}))$/i;
const RFC1123_DATE =
  /^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}:\d{2}:\d{2}) (?:GMT|UTC|([+-]\d{2})(\d{2}))$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The words of the date rule: every accepted form names its zone, or is a day (UTC). */
export const DATE_FLAG_WORDS =
  'must be a date with its time zone: ISO 8601 (2024-07-01T12:00:00Z, 2024-07-01T14:00+02:00), ' +
  'a day (2024-07-01, read as 00:00 UTC) or RFC 1123 (Mon, 01 Jul 2024 12:00:00 GMT)';

/** `true` for parameters whose value the CLI parses as a date. */
export function isDateParameter(parameter: Pick<ParameterSpec, 'format'>): boolean {
  return isDateFormat(parameter.format);
}

/**
 * Parses a date typed on the command line into the same instant on every host: ISO 8601 with `Z`
 * or an offset (seconds optional), a day alone (00:00 UTC, as JavaScript reads it), or RFC 1123
 * with `GMT`, `UTC` or `±hhmm` (the day name is not checked). A time without a zone is refused:
 * `new Date` would read it in the host's time zone.
 *
 * @returns The date, or `undefined` when the text is none of these forms or no real day.
 */
export function parseDate(text: string): Date | undefined {
  const ms = isoDateMs(text.trim()) ?? rfc1123DateMs(text.trim());
  return ms === undefined ? undefined : new Date(ms);
}

function isoDateMs(text: string): number | undefined {
  const dateTime = ISO_DATE_TIME.exec(text);
  if (!dateTime) return parseRfc3339FullDate(text);
  const [, day, hourMinute, seconds = ':00', z, offsetHours, offsetMinutes] = dateTime;
  const zone = z ? 'Z' : `${offsetHours}:${offsetMinutes}`;
  return parseRfc3339DateTime(`${day}T${hourMinute}${seconds}${zone}`);
}

function rfc1123DateMs(text: string): number | undefined {
  const m = RFC1123_DATE.exec(text);
  if (!m) return undefined;
  const [, day, monthName, year, time, offsetHours, offsetMinutes] = m as unknown as string[];
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const zone = offsetHours === undefined ? 'Z' : `${offsetHours}:${offsetMinutes}`;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}T${time}${zone}`;
  return parseRfc3339DateTime(iso);
}

function scalar(
  type: ScalarType,
  text: string,
  path: string,
): { ok: true; value: unknown } | { ok: false; issue: BatchValidationIssue } {
  if (type === 'integer') {
    const n = Number(text.trim());
    if (INTEGER.test(text.trim()) && Number.isSafeInteger(n)) return { ok: true, value: n };
    return { ok: false, issue: { path, rule: 'type', message: 'must be an integer' } };
  }
  if (type === 'number') {
    const n = Number(text.trim());
    if (NUMBER.test(text.trim()) && Number.isFinite(n)) return { ok: true, value: n };
    return { ok: false, issue: { path, rule: 'type', message: 'must be a number' } };
  }
  if (type === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
    return { ok: false, issue: { path, rule: 'type', message: 'must be true or false' } };
  }
  return { ok: true, value: text };
}

/**
 * Converts one flag value for `parameter`. Booleans arrive as switches (`true`); `path` is how
 * issues name the flag, e.g. `--timeout`.
 */
export function parseParameterValue(
  parameter: ParameterSpec,
  raw: string | boolean,
  path: string,
): ParsedValue {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (isDateParameter(parameter)) {
    const date = parseDate(raw);
    if (date) return { ok: true, value: date };
    return {
      ok: false,
      issue: {
        path,
        rule: 'format',
        message: DATE_FLAG_WORDS,
      },
    };
  }
  if (parameter.type === 'array') {
    const items = raw.split(',').map((item) => item.trim());
    const values: unknown[] = [];
    for (const item of items) {
      const parsed = scalar(parameter.itemType ?? 'string', item, path);
      if (!parsed.ok) return parsed;
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  }
  return scalar(parameter.type, raw, path);
}
