/**
 * What a value looks like on the wire, by meaning (src/table/formats.ts), so that spec:diff tells
 * a renamed format (`date-time-rfc1123` → `date-time-rfc7231`: the same HTTP date) from one that
 * changes the text sent (`date-time` → `date-time-rfc7231`). Pure.
 */
import { isHttpDateFormat, isIntegerFormat } from '../../../src/table/formats.ts';
import type { Verdict } from './types.ts';

/** A scalar or list value: a query or header parameter, a response header, a JSON leaf. */
export interface WireValue {
  type?: string;
  format?: string;
  /** Items of an array. */
  items?: WireValue;
  /** How an array is written in a query (`csv`, `multi`, ...). */
  collectionFormat?: string;
}

/**
 * `text`: a query, path or header value (everything is text there: an int64 typed as a string is
 * the same digits as an integer). `json`: a JSON value (`"5"` and `5` differ).
 */
export type WireContext = 'text' | 'json';

/** The class of text a value is written as; two values of one class are written alike. */
export function wireClass(v: WireValue, context: WireContext): string {
  if (v.type === 'array') {
    const items = wireClass(v.items ?? {}, context);
    return context === 'text'
      ? `${v.collectionFormat ?? 'csv'} list of ${items}`
      : `array of ${items}`;
  }
  if (v.type === 'file' || v.format === 'binary' || v.format === 'file') return 'binary';
  if (isHttpDateFormat(v.format)) return 'HTTP date';
  if (v.format === 'date-time') return 'ISO 8601 date-time';
  if (v.format === 'date') return 'ISO 8601 date';
  if (v.format === 'unixtime') return 'Unix time';
  if (v.type === 'integer') return 'integer';
  if (v.type === 'number') return 'number';
  if (v.type === 'boolean') return 'boolean';
  if (v.type === 'object') return 'object';
  if (context === 'text' && isIntegerFormat(v.format)) return 'integer';
  return 'string';
}

/** `integer/int32`, `string/date-time-rfc1123`, `csv array of string`. */
export function describeValue(v: WireValue): string {
  if (v.type === 'array') {
    const items = describeValue(v.items ?? {});
    return `${v.collectionFormat ? `${v.collectionFormat} ` : ''}array of ${items}`;
  }
  const type = v.type ?? 'string';
  return v.format ? `${type}/${v.format}` : type;
}

/**
 * The wire verdict of a changed value, or undefined when nothing changed:
 * - same class, same spelling: no change;
 * - same class, equivalent formats (the two names of HTTP dates): `none`, the same text;
 * - a `string` that becomes a `csv` list of strings (or back): `none`, a csv list is sent as the
 *   comma-separated string (query parameters only);
 * - same class, another refinement (`uuid` dropped, `int32` → `int64`): `compatible`, the same
 *   kind of text with another documented constraint;
 * - another class (`integer` → `string`, an ISO date → an HTTP date): `breaking`.
 */
export function compareWireValues(
  before: WireValue,
  after: WireValue,
  context: WireContext,
): { verdict: Verdict; detail: string } | undefined {
  const [a, b] = [describeValue(before), describeValue(after)];
  const [ca, cb] = [wireClass(before, context), wireClass(after, context)];
  if (a === b && ca === cb) return undefined;
  if (ca === cb) {
    if (isHttpDateFormat(before.format) && isHttpDateFormat(after.format)) {
      const detail = `${a} → ${b} (the same HTTP date on the wire, a Date in the client)`;
      return { verdict: 'none', detail };
    }
    if (a === b) return undefined;
    return { verdict: 'compatible', detail: `${a} → ${b} (still ${ca} on the wire)` };
  }
  const csvOfString = (x: string) => x === 'csv list of string';
  if (
    context === 'text' &&
    ((ca === 'string' && csvOfString(cb)) || (csvOfString(ca) && cb === 'string'))
  ) {
    return {
      verdict: 'none',
      detail: `${a} → ${b} (the same text: a csv list is sent joined with commas)`,
    };
  }
  return { verdict: 'breaking', detail: `${a} → ${b} (${ca} → ${cb} on the wire)` };
}
