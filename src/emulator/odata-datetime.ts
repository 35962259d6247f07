/**
 * The OData `datetime'…'` literal of Batch filters, as an instant that keeps the service's
 * seven fraction digits (100 ns), so that comparisons with the emulator's millisecond times are
 * exact.
 *
 * @module
 */

/** An instant: epoch milliseconds plus the 100 ns units below the millisecond (0–9999). */
export interface FilterInstant {
  readonly ms: number;
  readonly ticks: number;
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses the text of a `datetime'…'` literal: `yyyy-mm-ddThh:mm[:ss[.fffffff]]` with `Z`, an
 * offset `±hh:mm`, or no zone (read as UTC, the zone of every Batch time).
 *
 * @returns The instant, or `undefined` when the text is not a valid date and time.
 */
export function parseFilterDateTime(text: string): FilterInstant | undefined {
  const parts = DATETIME.exec(text);
  if (!parts) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = parts;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const digits = fraction.padEnd(7, '0');
  const local = Date.UTC(year, month - 1, day, hour, minute, second, Number(digits.slice(0, 3)));
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  let offset = 0;
  if (zone !== 'Z') {
    const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zh > 23 || zm > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm) * 60_000;
  }
  return { ms: local - offset, ticks: Number(digits.slice(3)) };
}

/** Compares epoch milliseconds with an instant: negative, zero or positive. */
export function compareInstant(ms: number, instant: FilterInstant): number {
  return ms !== instant.ms ? ms - instant.ms : -instant.ticks;
}
