/**
 * Type names the package exports besides the methods: one `…Operations` interface per operation
 * group (client-api.ts) and one type per named model of the spec (models.ts, hey-api's names).
 * Code that imports one by name breaks when it is removed or renamed; no name goes on the wire.
 * A removed name is reported as renamed when the matched operations show where it went (a group
 * whose methods moved to a new group; a model compared with a new one by payload.ts). Pure.
 */
import { toCase } from '@hey-api/openapi-ts';
import { pascalCase } from '../naming.ts';
import { compare, type SpecOperation } from '../spec-model.ts';
import type { Side } from './side.ts';
import type { ChangeType, Finding, Verdict } from './types.ts';

export function exportedTypeFindings(
  before: Side,
  after: Side,
  pairs: readonly [SpecOperation, SpecOperation][],
  modelPairs: ReadonlyMap<string, ReadonlySet<string>>,
): Finding[] {
  const groupOf = (side: Side, op: SpecOperation) => side.table[op.operationId]!.group;
  const groupPairs = new Map<string, Set<string>>();
  for (const [a, b] of pairs) {
    const from = `${pascalCase(groupOf(before, a))}Operations`;
    groupPairs.set(
      from,
      (groupPairs.get(from) ?? new Set()).add(`${pascalCase(groupOf(after, b))}Operations`),
    );
  }
  const groups = (side: Side) =>
    new Set(Object.values(side.table).map((e) => `${pascalCase(e.group)}Operations`));
  const modelName = (name: string) => toCase(name, 'PascalCase');
  const models = (side: Side) => new Set(Object.keys(side.model.schemas).map(modelName));
  const renamedModels = new Map<string, Set<string>>();
  for (const [from, tos] of modelPairs) {
    const key = modelName(from);
    for (const to of tos)
      renamedModels.set(key, (renamedModels.get(key) ?? new Set()).add(modelName(to)));
  }
  return [
    ...diffNames(groups(before), groups(after), groupPairs, 'operation group interface'),
    ...diffNames(models(before), models(after), renamedModels, 'model type'),
  ];
}

function diffNames(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  pairs: ReadonlyMap<string, ReadonlySet<string>>,
  what: string,
): Finding[] {
  const out: Finding[] = [];
  const targets = new Set<string>();
  const add = (name: string, change: ChangeType, client: Verdict, detail: string) =>
    out.push({
      key: `types|${name}`,
      kind: 'type',
      change,
      where: `type ${name}`,
      operationId: null,
      client,
      wire: 'none',
      detail,
    });
  for (const name of [...before].sort(compare)) {
    if (after.has(name)) continue;
    const to = [...(pairs.get(name) ?? [])].filter((n) => !before.has(n)).sort(compare);
    for (const n of to) targets.add(n);
    if (to.length > 0) add(name, 'renamed', 'breaking', `${what} ${name} → ${to.join(', ')}`);
    else add(name, 'removed', 'breaking', `${what} ${name} removed`);
  }
  for (const name of [...after].sort(compare)) {
    if (!before.has(name) && !targets.has(name))
      add(name, 'added', 'compatible', `new ${what} ${name}`);
  }
  return out;
}
