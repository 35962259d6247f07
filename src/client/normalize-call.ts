/**
 * Applies the table's `x-batch-normalize` rules to a call's arguments before they are validated
 * and sent, so a value is checked in the form that goes on the wire; takes a comma-separated
 * list given joined (`'id,state'`, as older API versions typed `$select`) as the list it is; and
 * prepares the body (`request-body.ts`: read-only properties left out, its rules applied).
 * Returns copies: the caller's objects are never changed. Pure.
 */
import type { OperationSpec } from '../table/operation-table.js';
import type { CallArguments } from './call-arguments.js';
import { NORMALIZE_RULES, prepareRequestBody } from './request-body.js';

export function normalizeCall(operation: OperationSpec, args: CallArguments): CallArguments {
  let path = args.path;
  let options = args.options;
  for (const p of operation.parameters) {
    if (p.collectionFormat === 'csv' && typeof options[p.clientName] === 'string') {
      const joined = options[p.clientName] as string;
      options = { ...options, [p.clientName]: joined === '' ? [] : joined.split(',') };
    }
    if (!p.normalize) continue;
    const rule = NORMALIZE_RULES[p.normalize];
    if (p.location === 'path') path = { ...path, [p.clientName]: rule(path[p.clientName]) };
    else if (options[p.clientName] !== undefined) {
      options = { ...options, [p.clientName]: rule(options[p.clientName]) };
    }
  }
  return { path, body: prepareRequestBody(operation, args.body), options };
}
