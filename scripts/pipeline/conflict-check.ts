/**
 * Which operation reads back what a create made (`OperationSpec.conflictCheck`), found by the
 * shape of the API, not by a method name (a newer spec may rename `get`). Pure.
 *
 * The read is a GET with a JSON result (not a list) whose path is the create's path followed by
 * the resource's key, either as `(name={…},…)` or as one more `/{…}` segment, where:
 * - every key in that tail is a property of the create's body (the client reads its value there,
 *   and checks the resource read back has the same);
 * - every other path parameter of the GET is one of the create's own (a parent such as
 *   `{jobId}`; the client passes the create's value on).
 *
 * `POST /certificates` (body `thumbprintAlgorithm`, `thumbprint`) →
 * `GET /certificates(thumbprintAlgorithm={…},thumbprint={…})`. Batch's other creates do not
 * qualify: `POST /pools` sends the key as `id`, while `GET /pools/{poolId}` names it `poolId`.
 * Of several candidates the shortest path wins, then the operationId; deterministic.
 */
import type { OperationSpec } from '../../src/table/operation-table.ts';
import { compare, type SpecModel, type SpecOperation } from './spec-model.ts';

const KEY_TAIL = /^(\([^/]*\)|\/\{[^/{}]+\})$/;

export function conflictCheckOf(
  model: SpecModel,
  op: SpecOperation,
  table: Readonly<Record<string, OperationSpec>>,
): { operationId: string } | undefined {
  const create = table[op.operationId]!;
  const body = op.parameters.find((p) => p.in === 'body');
  if (create.httpMethod !== 'POST' || !body || create.responseBody !== 'none') return undefined;
  const bodyProps = new Set(Object.keys(model.deref(body.schema).properties ?? {}));
  const createPath = new Set(
    create.parameters.filter((p) => p.location === 'path').map((p) => p.wireName),
  );
  const getters = Object.values(table).filter((candidate) => {
    const keys = candidate.parameters.filter((p) => p.location === 'path');
    const tail = candidate.path.slice(create.path.length);
    const inTail = (wireName: string) => tail.includes(`{${wireName}}`);
    return (
      candidate.httpMethod === 'GET' &&
      candidate.responseBody === 'json' &&
      !candidate.pageable &&
      candidate.path.startsWith(create.path) &&
      KEY_TAIL.test(tail) &&
      keys.some((p) => inTail(p.wireName)) &&
      keys.every((p) =>
        inTail(p.wireName) ? bodyProps.has(p.clientName) : createPath.has(p.wireName),
      )
    );
  });
  getters.sort((a, b) => a.path.length - b.path.length || compare(a.operationId, b.operationId));
  return getters[0] ? { operationId: getters[0].operationId } : undefined;
}
