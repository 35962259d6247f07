/**
 * Findings → changes: findings with one key (the same thing seen by the client surface and by the
 * wire) become one change carrying both verdicts; then the order of the report. Pure.
 */
import { compare } from '../spec-model.ts';
import {
  type ChangeKind,
  type ChangeType,
  type Finding,
  rank,
  type SpecChange,
  type SpecDiff,
  worst,
} from './types.ts';

/** When the audiences name a change differently (renamed option, changed wire name), the first wins. */
const CHANGE_ORDER: ChangeType[] = ['removed', 'added', 'renamed', 'changed'];

export function mergeFindings(findings: readonly Finding[]): SpecChange[] {
  const byKey = new Map<string, { change: SpecChange; details: string[] }>();
  for (const f of findings) {
    const found = byKey.get(f.key);
    if (!found) {
      byKey.set(f.key, {
        change: {
          kind: f.kind,
          change: f.change,
          where: f.where,
          operationId: f.operationId,
          client: f.client ?? 'none',
          wire: f.wire ?? 'none',
          detail: '',
        },
        details: [f.detail],
      });
      continue;
    }
    const c = found.change;
    c.client = worst(c.client, f.client ?? 'none');
    c.wire = worst(c.wire, f.wire ?? 'none');
    if (CHANGE_ORDER.indexOf(f.change) < CHANGE_ORDER.indexOf(c.change)) c.change = f.change;
    if (!found.details.includes(f.detail)) found.details.push(f.detail);
  }
  const changes = [...byKey.values()].map(({ change, details }) => ({
    ...change,
    detail: details.join('; '),
  }));
  return changes.sort(byImportance);
}

const KIND_ORDER: ChangeKind[] = [
  'operation',
  'parameter',
  'request-body',
  'response',
  'response-header',
  'property',
  'type',
];

/**
 * Breaking (for either audience) first, then compatible, then the rest; within each, by kind
 * (operations, their parameters, bodies and responses, then models' properties and type names),
 * then by operation and place.
 */
function byImportance(a: SpecChange, b: SpecChange): number {
  const level = (c: SpecChange) => Math.max(rank(c.client), rank(c.wire));
  const operation = (c: SpecChange) =>
    c.kind === 'property' || c.kind === 'type' ? '' : (c.operationId ?? '');
  return (
    level(b) - level(a) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compare(operation(a), operation(b)) ||
    compare(a.where, b.where) ||
    compare(a.detail, b.detail)
  );
}

export function summarize(changes: readonly SpecChange[]): SpecDiff['summary'] {
  const clientBreaking = changes.filter((c) => c.client === 'breaking').length;
  const wireBreaking = changes.filter((c) => c.wire === 'breaking').length;
  const other = changes.filter((c) => c.client !== 'breaking' && c.wire !== 'breaking').length;
  return { changes: changes.length, clientBreaking, wireBreaking, other };
}

/** Whether the diff has a change that breaks `audience` (`any`: either). */
export function hasBreaking(diff: SpecDiff, audience: 'client' | 'wire' | 'any'): boolean {
  return diff.changes.some(
    (c) =>
      (audience !== 'wire' && c.client === 'breaking') ||
      (audience !== 'client' && c.wire === 'breaking'),
  );
}
