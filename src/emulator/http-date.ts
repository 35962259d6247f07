/**
 * RFC 1123 dates (`Tue, 07 Jan 2025 10:00:00 GMT`) and the service's ISO timestamps.
 *
 * @module
 */
import { parseHttpDate } from '../util/http-date.js';

const RFC1123 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Parses an RFC 1123 date as sent in `ocp-date` or `Date` (`Tue, 07 Jan 2025 10:00:00 GMT`: the
 * IMF-fixdate form, always GMT), by its fields rather than `Date.parse` (whose reading of other
 * text is up to the engine, and which rolls 30 February over to March). The obsolete RFC 850 and
 * asctime forms, which the client reads in `Retry-After`, are not RFC 1123 dates.
 *
 * @returns Epoch milliseconds, or `undefined` when `text` is not an RFC 1123 date.
 */
export function parseRfc1123(text: string): number | undefined {
  // The clock only expands an RFC 850 two-digit year, which the RFC 1123 pattern excludes.
  return RFC1123.test(text) ? parseHttpDate(text, 0) : undefined;
}

/** Formats epoch milliseconds as an RFC 1123 date. */
export function formatRfc1123(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Formats epoch milliseconds like the service's error `Time:` line (seven fraction digits). */
export function formatServiceTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
