/**
 * Turns an operation's result into output: one JSON document (`--json`), or for humans a table
 * (lists), `key: value` lines (objects), or a done line plus the response headers. Pure.
 */

import { isBase64 } from '../util/base64.js';
import type { CliCommand } from './command-table.js';

/**
 * Longest base64 data (certificate bytes) printed in human output; longer data is cut (use
 * `--json` for all of it). Nothing else is cut: identifiers, URLs (which hold them) and messages
 * are printed whole.
 */
export const MAX_HUMAN_VALUE = 80;
/** Widest table the human list output aims for; columns that do not fit are left out. */
export const MAX_TABLE_WIDTH = 120;
const MAX_COLUMN = 48;

function toText(value: unknown): string {
  // Results never hold one (answers whose date-times give no Date are refused), but a thrown
  // RangeError from toISOString would hide the whole result.
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  }
  if (value === null) return 'null';
  return String(value);
}

function cut(text: string): string {
  if (text.length <= MAX_HUMAN_VALUE || !isBase64(text)) return text;
  return `${text.slice(0, MAX_HUMAN_VALUE - 1)}… (${text.length} characters; --json shows all)`;
}

function isScalar(value: unknown): boolean {
  return (
    value === null ||
    value instanceof Date ||
    ['string', 'number', 'boolean'].includes(typeof value)
  );
}

/** Flattens nested objects and arrays to dotted keys: `deleteCertificateError.values[0].name`. */
export function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(value)) {
    if (value.length === 0) return prefix ? [[prefix, '(none)']] : [];
    return value.flatMap((item, i) => flatten(item, `${prefix}[${i}]`));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key, v]) => !key.startsWith('odata.') && v !== undefined)
      .flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, value]];
}

/** `key: value` lines, keys padded to one column. */
export function formatKeyValues(value: unknown): string {
  const pairs = flatten(value);
  const width = Math.max(0, ...pairs.map(([key]) => key.length));
  return pairs.map(([key, v]) => `${`${key}:`.padEnd(width + 2)}${cut(toText(v))}`).join('\n');
}

/**
 * A table of the items' short scalar properties, in the order they first appear. The columns
 * named in `keyNames` (what identifies an item) are always shown, in full; the others are added
 * while they are at most 48 characters wide and the table stays within {@link MAX_TABLE_WIDTH}.
 * No value is cut.
 */
export function formatTable(items: readonly unknown[], keyNames: readonly string[] = []): string {
  const rows = items.filter((item) => item !== null && typeof item === 'object') as Record<
    string,
    unknown
  >[];
  const keys: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  }
  const candidates: { key: string; width: number }[] = [];
  for (const key of keys) {
    if (key.startsWith('odata.')) continue;
    const values = rows.map((row) => row[key]).filter((v) => v !== undefined);
    if (!values.every(isScalar)) continue;
    candidates.push({ key, width: Math.max(key.length, ...values.map((v) => toText(v).length)) });
  }
  const isKey = (key: string) => keyNames.includes(key);
  let total = candidates.filter((c) => isKey(c.key)).reduce((sum, c) => sum + c.width + 2, 0);
  const columns = candidates.filter((c) => {
    if (isKey(c.key)) return true;
    if (c.width > MAX_COLUMN || total + c.width + 2 > MAX_TABLE_WIDTH) return false;
    total += c.width + 2;
    return true;
  });
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(columns[i]!.width))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.key)),
    ...rows.map((row) =>
      line(columns.map((c) => (row[c.key] === undefined ? '' : toText(row[c.key])))),
    ),
  ].join('\n');
}

/** What a command printed and how: `result` is what the client method returned (lists collected). */
export function formatResult(command: CliCommand, result: unknown, json: boolean): string {
  if (json) return `${JSON.stringify(result ?? null, null, 2)}\n`;
  const label = `${command.group} ${command.name}`;
  const operation = command.operation;
  if (operation.pageable) {
    const items = Array.isArray(result) ? result : [];
    const count = `${items.length} item${items.length === 1 ? '' : 's'}`;
    return items.length === 0
      ? `${label}: ${count}\n`
      : `${formatTable(items, command.keyNames)}\n(${count})\n`;
  }
  if (operation.isExistenceCheck) return `${label}: ${result ? 'exists' : 'not found'}\n`;
  if (operation.responseBody === 'json') {
    const text = formatKeyValues(result);
    return text === '' ? `${label}: empty response\n` : `${text}\n`;
  }
  const headers = formatKeyValues(result);
  return headers === '' ? `${label}: done\n` : `${label}: done\n${headers}\n`;
}
