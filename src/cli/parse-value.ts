/**
 * Turns a flag's text into the value the client expects for a parameter of the operation table:
 * integers and numbers, dates (ISO 8601 or RFC 1123) as `Date`, comma-separated lists as arrays,
 * everything else as text. Pure. A value that cannot be converted yields an issue that names the
 * flag and the expected form, never the value (it may be a secret).
 */

import type { BatchValidationIssue } from '../errors/batch-validation-error.js';
import { isDateFormat } from '../table/formats.js';
import type { ParameterSpec, ScalarType } from '../table/operation-table.js';

/** The result of {@link parseParameterValue}: the converted value, or why it was refused. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; issue: BatchValidationIssue };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const RFC1123_DATE =
  /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/;

/** `true` for parameters whose value the CLI parses as a date. */
export function isDateParameter(parameter: Pick<ParameterSpec, 'format'>): boolean {
  return isDateFormat(parameter.format);
}

/** Parses a date written as ISO 8601 (`2024-07-01T12:00:00Z`) or RFC 1123; `undefined` if neither. */
export function parseDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!ISO_DATE.test(trimmed) && !RFC1123_DATE.test(trimmed)) return undefined;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
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
        message: 'must be a date: ISO 8601 (2024-07-01T12:00:00Z) or RFC 1123',
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
