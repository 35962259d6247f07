/**
 * How spec:diff pairs the old side with the new one. Pure.
 *
 * - Operations by HTTP method + path template, with the template's parameter names left out
 *   (`/pools/{poolId}` ≡ `/pools/{id}`): what a caller sends does not depend on an operationId,
 *   so a changed operationId on a pair is a rename, not a removal and an addition.
 * - Query and header parameters, response headers and JSON properties by name compared
 *   case-insensitively (`timeout` ≡ `timeOut`), so a change of case is reported as a change of
 *   that one name. Path parameters by their place in the template (their names are not sent).
 */
import type { SpecOperation } from '../spec-model.ts';

export interface Matched<T> {
  pairs: [T, T][];
  removed: T[];
  added: T[];
}

/** Pairs items with equal keys; order follows `before`, then `after` for the added ones. */
export function matchBy<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const next = new Map<string, T>();
  for (const item of after) if (!next.has(key(item))) next.set(key(item), item);
  const result: Matched<T> = { pairs: [], removed: [], added: [] };
  const used = new Set<string>();
  for (const item of before) {
    const k = key(item);
    const other = used.has(k) ? undefined : next.get(k);
    if (other === undefined) result.removed.push(item);
    else {
      result.pairs.push([item, other]);
      used.add(k);
    }
  }
  for (const [k, item] of next) if (!used.has(k)) result.added.push(item);
  for (const item of after) if (next.get(key(item)) !== item) result.added.push(item);
  return result;
}

/** `/pools/{poolId}/nodes/{nodeId}` → `/pools/{}/nodes/{}`. */
export function normalisePath(path: string): string {
  return path.replace(/\{[^{}]*\}/g, '{}');
}

/** The parameter names of a path template, in order: `/pools/{poolId}` → `['poolId']`. */
export function pathSlots(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
}

/** The key operations are matched by: `GET /pools/{}`. */
export function operationKey(op: { method: string; path: string }): string {
  return `${op.method.toUpperCase()} ${normalisePath(op.path)}`;
}

export function matchOperations(
  before: readonly SpecOperation[],
  after: readonly SpecOperation[],
): Matched<SpecOperation> {
  return matchBy(before, after, operationKey);
}

/**
 * The key a request parameter is matched by: its location and its name in lower case, or for a
 * path parameter its place in the path template (`path:#0`), since only its value is sent.
 */
export function parameterKey(p: { in: string; name: string }, path: string): string {
  if (p.in === 'path') {
    const slot = pathSlots(path).indexOf(p.name);
    return `path:#${slot}`;
  }
  return `${p.in}:${p.name.toLowerCase()}`;
}
