/**
 * Applies the table's `x-batch-normalize` rules to a call's arguments before they are validated
 * and sent, so a value is checked in the form that goes on the wire; and takes a comma-separated
 * list given joined (`'id,state'`, as older API versions typed `$select`) as the list it is.
 * Returns copies: the caller's objects are never changed. Pure.
 */
import type { NormalizeRule, OperationSpec } from '../table/operation-table.js';
import { removeSeparators } from '../util/remove-separators.js';
import type { CallArguments } from './call-arguments.js';

const RULES: Readonly<Record<NormalizeRule, (value: unknown) => unknown>> = {
  'remove-separators': removeSeparators,
};

export function normalizeCall(operation: OperationSpec, args: CallArguments): CallArguments {
  let path = args.path;
  let options = args.options;
  for (const p of operation.parameters) {
    if (p.collectionFormat === 'csv' && typeof options[p.clientName] === 'string') {
      const joined = options[p.clientName] as string;
      options = { ...options, [p.clientName]: joined === '' ? [] : joined.split(',') };
    }
    if (!p.normalize) continue;
    const rule = RULES[p.normalize];
    if (p.location === 'path') path = { ...path, [p.clientName]: rule(path[p.clientName]) };
    else if (options[p.clientName] !== undefined) {
      options = { ...options, [p.clientName]: rule(options[p.clientName]) };
    }
  }
  return { path, body: normalizeBody(operation, args.body), options };
}

/** The body with its `x-batch-normalize` rules applied (a copy; the emulator uses it too). */
export function normalizeBody(operation: OperationSpec, body: unknown): unknown {
  const rules = operation.body?.normalizations;
  if (!rules || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const { property, rule } of rules) {
    if (copy[property] !== undefined) copy[property] = RULES[rule](copy[property]);
  }
  return copy;
}
