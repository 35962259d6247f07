/**
 * How the client recognises, after its own retry, an answer that an earlier attempt of the same
 * call caused, and which read shows whether the caller's request took effect
 * (`OperationSpec.retryRecovery`; the client side is src/client/own-retry-recovery.ts). Found by
 * the shape of the API, not by method names (a newer spec may rename `get`), except where only a
 * person can say what an action asks for. Pure.
 *
 * - A create (`expect: 'created'`): a POST with a body and no result body, read back by a GET
 *   whose path is the create's path followed by the resource's key, either as `(name={…},…)` or
 *   as one more `/{…}` segment, where every key in that tail is a property of the create's body
 *   and every other path parameter is one of the create's own (a parent such as `{jobId}`).
 *   `POST /certificates` → `GET /certificates(thumbprintAlgorithm={…},thumbprint={…})`. Batch's
 *   other creates do not qualify: `POST /pools` sends the key as `id`, `GET /pools/{poolId}`
 *   names it `poolId`.
 * - A delete (`expect: 'deleted'`): a DELETE whose path a JSON GET reads.
 * - An action (`expect: { state }`): a POST on `<resource path>/<verb>` marked in the overlay with
 *   `x-batch-retry-expects-state` (the state a successful action leaves, e.g. cancelDeletion →
 *   `active`), read by the JSON GET of `<resource path>`; a mark with no such GET stops the
 *   generation.
 *
 * Of several candidate reads the shortest path wins, then the operationId; deterministic.
 */
import type { OperationSpec } from '../../src/table/operation-table.ts';
import { compare, type SpecModel, type SpecOperation } from './spec-model.ts';

const KEY_TAIL = /^(\([^/]*\)|\/\{[^/{}]+\})$/;

export const EXPECTS_STATE = 'x-batch-retry-expects-state';

export function retryRecoveryOf(
  model: SpecModel,
  op: SpecOperation,
  table: Readonly<Record<string, OperationSpec>>,
): OperationSpec['retryRecovery'] {
  const entry = table[op.operationId]!;
  const state = op.raw[EXPECTS_STATE];
  if (state !== undefined) return actionRecovery(op, entry, state, table);
  if (entry.httpMethod === 'DELETE') {
    const read = readOf(table, (candidate) => candidate.path === entry.path);
    return read ? { read, expect: 'deleted' } : undefined;
  }
  const read = createReadOf(model, op, entry, table);
  return read ? { read, expect: 'created' } : undefined;
}

function actionRecovery(
  op: SpecOperation,
  entry: OperationSpec,
  state: unknown,
  table: Readonly<Record<string, OperationSpec>>,
): OperationSpec['retryRecovery'] {
  const resourcePath = entry.path.replace(/\/[^/{}()]+$/, '');
  const read =
    typeof state === 'string' &&
    state !== '' &&
    entry.httpMethod === 'POST' &&
    resourcePath !== entry.path
      ? readOf(table, (candidate) => candidate.path === resourcePath)
      : undefined;
  if (!read) {
    throw new Error(
      `${op.operationId}: ${EXPECTS_STATE} needs a POST action on <resource path>/<verb> with a JSON GET of the resource path, and a non-empty state`,
    );
  }
  return { read, expect: { state: state as string } };
}

function createReadOf(
  model: SpecModel,
  op: SpecOperation,
  create: OperationSpec,
  table: Readonly<Record<string, OperationSpec>>,
): string | undefined {
  const body = op.parameters.find((p) => p.in === 'body');
  if (create.httpMethod !== 'POST' || !body || create.responseBody !== 'none') return undefined;
  const bodyProps = new Set(Object.keys(model.deref(body.schema).properties ?? {}));
  const createPath = new Set(
    create.parameters.filter((p) => p.location === 'path').map((p) => p.wireName),
  );
  return readOf(table, (candidate) => {
    const keys = candidate.parameters.filter((p) => p.location === 'path');
    const tail = candidate.path.slice(create.path.length);
    const inTail = (wireName: string) => tail.includes(`{${wireName}}`);
    return (
      candidate.path.startsWith(create.path) &&
      KEY_TAIL.test(tail) &&
      keys.some((p) => inTail(p.wireName)) &&
      keys.every((p) =>
        inTail(p.wireName) ? bodyProps.has(p.clientName) : createPath.has(p.wireName),
      )
    );
  });
}

/** The operationId of the JSON, non-paged GET that `matches`, shortest path first. */
function readOf(
  table: Readonly<Record<string, OperationSpec>>,
  matches: (candidate: OperationSpec) => boolean,
): string | undefined {
  const reads = Object.values(table).filter(
    (candidate) =>
      candidate.httpMethod === 'GET' &&
      candidate.responseBody === 'json' &&
      !candidate.pageable &&
      matches(candidate),
  );
  reads.sort((a, b) => a.path.length - b.path.length || compare(a.operationId, b.operationId));
  return reads[0]?.operationId;
}
