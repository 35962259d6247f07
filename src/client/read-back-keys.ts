/**
 * The arguments of a read-back after an own retry (see `OperationSpec.retryRecovery`): each path parameter
 * of the read is a parent the create was called with (`{jobId}` of `POST /jobs/{jobId}/…`, from
 * the create's own path arguments) or a key of the created resource (from the body sent). The
 * keys are what the resource read back must carry to be the one sent. Pure.
 *
 * @module
 */

import type { OperationSpec } from '../table/operation-table.js';
import { canonicalThumbprint } from '../util/canonical-thumbprint.js';
import type { CallArguments } from './call-arguments.js';

export interface ReadBackKeys {
  /** The read's path arguments, by client name. */
  readonly path: Record<string, unknown>;
  /** The resource's key properties and the values sent, in comparable form. */
  readonly keys: Readonly<Record<string, unknown>>;
}

export function readBackKeys(
  create: OperationSpec,
  read: OperationSpec,
  args: CallArguments,
): ReadBackKeys {
  const parents = new Set(
    create.parameters.filter((p) => p.location === 'path').map((p) => p.clientName),
  );
  const body = (args.body ?? {}) as Record<string, unknown>;
  const path: Record<string, unknown> = {};
  const keys: Record<string, unknown> = {};
  for (const p of read.parameters.filter((q) => q.location === 'path')) {
    if (parents.has(p.clientName)) {
      path[p.clientName] = args.path[p.clientName];
    } else {
      path[p.clientName] = comparable(body[p.clientName]);
      keys[p.clientName] = path[p.clientName];
    }
  }
  return { path, keys };
}

/** Whether `resource` carries every key with the value sent (compared as {@link comparable}). */
export function isSameResource(
  resource: unknown,
  keys: Readonly<Record<string, unknown>>,
): boolean {
  if (resource === null || typeof resource !== 'object') return false;
  const found = resource as Record<string, unknown>;
  return Object.entries(keys).every(([name, value]) => comparable(found[name]) === value);
}

/** Key values compare without separators and case (thumbprints are hex, written either way). */
function comparable(value: unknown): unknown {
  return typeof value === 'string' ? canonicalThumbprint(value) : value;
}
