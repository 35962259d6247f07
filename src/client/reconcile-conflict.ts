/**
 * Safe retry of creates (Certificate Add is a POST): when an earlier attempt timed out or lost
 * its connection, it may have reached the service, and the retry's `409 ...Exists` may be our
 * own add. Reading the resource back tells the two apart: if it is the one sent (same key
 * properties, and `active` when it has a state), the add succeeded and the call resolves,
 * flagged `recoveredFromConflict`. Anything else — including a 409 on the first attempt, or a
 * failed read — surfaces the 409. Switched by `reconcileLostAdds`.
 */
import type { BatchServiceError } from '../errors/batch-service-error.js';
import type { OperationSpec } from '../table/operation-table.js';
import { removeSeparators } from '../util/remove-separators.js';
import type { CallArguments } from './call-arguments.js';
import type { OperationCallOptions } from './client-options.js';
import type { ClientRuntime } from './client-runtime.js';
import type { SentResponse } from './send-request.js';

export type ReadBack = (
  runtime: ClientRuntime,
  operation: OperationSpec,
  args: CallArguments,
) => Promise<unknown>;

export async function reconcileConflict(
  runtime: ClientRuntime,
  operation: OperationSpec,
  args: CallArguments,
  sent: SentResponse,
  error: BatchServiceError,
  readBack: ReadBack,
): Promise<(SentResponse & { recoveredFromConflict: true }) | undefined> {
  if (!runtime.reconcileLostAdds || !operation.conflictCheck) return undefined;
  if (sent.status !== 409 || !sent.earlierAttemptMayHaveLanded) return undefined;
  if (!error.code?.endsWith('Exists')) return undefined;
  const getter = runtime.table[operation.conflictCheck.operationId];
  const body = args.body as Record<string, unknown> | undefined;
  if (!getter || !body) return undefined;
  const path: Record<string, unknown> = {};
  for (const p of getter.parameters.filter((q) => q.location === 'path')) {
    path[p.clientName] = comparable(body[p.clientName]);
  }
  let resource: Record<string, unknown>;
  try {
    // The read-back runs under the call's own abort signal, retry policy and timeout.
    const { abortSignal, retry, timeoutInMs } = args.options as OperationCallOptions;
    resource = (await readBack({ ...runtime, deprecationWarnings: 'off' }, getter, {
      path,
      options: { abortSignal, retry, timeoutInMs },
    })) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const same = Object.entries(path).every(
    ([name, value]) => comparable(resource?.[name]) === value,
  );
  const active = resource?.state === undefined || resource.state === 'active';
  return same && active ? { ...sent, recoveredFromConflict: true } : undefined;
}

/** Key values compare without separators and case (thumbprints are hex, written either way). */
function comparable(value: unknown): unknown {
  return typeof value === 'string' ? removeSeparators(value).toLowerCase() : value;
}
