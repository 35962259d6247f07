/**
 * Reads a successful response's declared headers into typed values (dates as `Date`, numbers,
 * booleans). The JSON result is hey-api's (checked by `result-shape.ts`). Pure.
 */
import { isDateFormat, isIntegerFormat } from '../table/formats.js';
import type { ResponseHeaderSpec } from '../table/operation-table.js';

/** The operation's declared response headers under their client names; absent ones are omitted. */
export function readHeaders(
  specs: readonly ResponseHeaderSpec[],
  headers: Headers,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = headers.get(spec.wireName);
    if (raw === null) continue;
    const value = convert(spec, raw);
    if (value !== undefined) result[spec.clientName] = value;
  }
  return result;
}

function convert(spec: ResponseHeaderSpec, raw: string): unknown {
  if (isDateFormat(spec.format)) {
    const date = new Date(raw);
    return Number.isNaN(date.getTime()) ? undefined : date;
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
