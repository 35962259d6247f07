/**
 * HTTP dates (RFC 9110 §5.6.7), read strictly: the IMF-fixdate form and the obsolete RFC 850 and
 * asctime forms, always GMT, so the same text means the same instant on every host. Used for
 * `Retry-After`, response header dates and the emulator's `ocp-date`. Pure.
 *
 * @module
 */
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
