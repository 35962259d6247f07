/**
 * Compares two specs (Swagger 2.0 or OpenAPI 3.x, in any mix) and lists what changed, flagging
 * the changes that break existing callers: a removed operation or property, a new required
 * parameter or request property, a narrowed enum, a changed type. Pure.
 */
import { compare, type Json, SpecModel, type SpecOperation } from './spec-model.ts';

export interface SpecChange {
  kind: 'operation' | 'parameter' | 'response' | 'schema' | 'property';
  change: 'added' | 'removed' | 'changed';
  /** Where: `Certificate_Add`, `Certificate_Add timeout (query)`, `Certificate.state`, ... */
  subject: string;
  detail?: string;
  breaking: boolean;
}

export interface SpecDiff {
  oldVersion: string;
  newVersion: string;
  changes: SpecChange[];
}

export function diffSpecs(oldDoc: Json, newDoc: Json): SpecDiff {
  const before = new SpecModel(oldDoc);
  const after = new SpecModel(newDoc);
  const changes: SpecChange[] = [];
  const oldOps = new Map(before.operations().map((o) => [o.operationId, o]));
  const newOps = new Map(after.operations().map((o) => [o.operationId, o]));
  for (const [id, op] of oldOps) {
    const next = newOps.get(id);
    if (!next) {
      changes.push({
        kind: 'operation',
        change: 'removed',
        subject: id,
        detail: `${op.method} ${op.path}`,
        breaking: true,
      });
    } else {
      changes.push(...diffOperation(before, after, op, next));
    }
  }
  for (const [id, op] of newOps) {
    if (!oldOps.has(id)) {
      changes.push({
        kind: 'operation',
        change: 'added',
        subject: id,
        detail: `${op.method} ${op.path}`,
        breaking: false,
      });
    }
  }
  changes.push(...diffSchemas(before, after, requestSchemas(after)));
  return {
    oldVersion: before.apiVersion,
    newVersion: after.apiVersion,
    changes: sortChanges(changes),
  };
}

function diffOperation(
  before: SpecModel,
  after: SpecModel,
  op: SpecOperation,
  next: SpecOperation,
): SpecChange[] {
  const changes: SpecChange[] = [];
  const id = op.operationId;
  if (op.method !== next.method || op.path !== next.path) {
    changes.push({
      kind: 'operation',
      change: 'changed',
      subject: id,
      detail: `${op.method} ${op.path} → ${next.method} ${next.path}`,
      breaking: true,
    });
  }
  const key = (p: { name: string; in: string }) => `${p.name} (${p.in})`;
  const oldParams = new Map(op.parameters.map((p) => [key(p), p]));
  const newParams = new Map(next.parameters.map((p) => [key(p), p]));
  for (const [name, p] of oldParams) {
    const q = newParams.get(name);
    const subject = `${id} ${name}`;
    if (!q) {
      changes.push({ kind: 'parameter', change: 'removed', subject, breaking: p.required });
      continue;
    }
    if (!p.required && q.required) {
      changes.push({
        kind: 'parameter',
        change: 'changed',
        subject,
        detail: 'now required',
        breaking: true,
      });
    }
    const oldType = typeOf(p.schema);
    const newType = typeOf(q.schema);
    if (oldType !== newType) {
      changes.push({
        kind: 'parameter',
        change: 'changed',
        subject,
        detail: `type ${oldType} → ${newType}`,
        breaking: true,
      });
    }
    changes.push(
      ...diffEnum('parameter', subject, enumOf(before, p.schema), enumOf(after, q.schema)),
    );
  }
  for (const [name, q] of newParams) {
    if (!oldParams.has(name)) {
      changes.push({
        kind: 'parameter',
        change: 'added',
        subject: `${id} ${name}`,
        detail: q.required ? 'required' : 'optional',
        breaking: q.required,
      });
    }
  }
  const oldStatus = new Set(op.responses.map((r) => r.status));
  const newStatus = new Set(next.responses.map((r) => r.status));
  for (const s of oldStatus) {
    if (!newStatus.has(s))
      changes.push({
        kind: 'response',
        change: 'removed',
        subject: `${id} ${s}`,
        breaking: /^2/.test(s),
      });
  }
  for (const s of newStatus) {
    if (!oldStatus.has(s))
      changes.push({ kind: 'response', change: 'added', subject: `${id} ${s}`, breaking: false });
  }
  return changes;
}

function diffSchemas(before: SpecModel, after: SpecModel, requestSide: Set<string>): SpecChange[] {
  const changes: SpecChange[] = [];
  const oldSchemas = before.schemas;
  const newSchemas = after.schemas;
  for (const [name, schema] of Object.entries(oldSchemas)) {
    const next = newSchemas[name];
    if (!next) {
      changes.push({ kind: 'schema', change: 'removed', subject: name, breaking: true });
      continue;
    }
    const oldProps = (schema.properties ?? {}) as Record<string, Json>;
    const newProps = (next.properties ?? {}) as Record<string, Json>;
    const oldRequired = new Set((schema.required ?? []) as string[]);
    const newRequired = new Set((next.required ?? []) as string[]);
    for (const [prop, p] of Object.entries(oldProps)) {
      const subject = `${name}.${prop}`;
      const q = newProps[prop];
      if (!q) {
        changes.push({ kind: 'property', change: 'removed', subject, breaking: true });
        continue;
      }
      const oldType = typeOf(p);
      const newType = typeOf(q);
      if (oldType !== newType) {
        changes.push({
          kind: 'property',
          change: 'changed',
          subject,
          detail: `type ${oldType} → ${newType}`,
          breaking: true,
        });
      }
      if (!oldRequired.has(prop) && newRequired.has(prop)) {
        changes.push({
          kind: 'property',
          change: 'changed',
          subject,
          detail: 'now required',
          breaking: requestSide.has(name),
        });
      }
      changes.push(...diffEnum('property', subject, enumOf(before, p), enumOf(after, q)));
    }
    for (const prop of Object.keys(newProps)) {
      if (!(prop in oldProps)) {
        const required = newRequired.has(prop);
        changes.push({
          kind: 'property',
          change: 'added',
          subject: `${name}.${prop}`,
          detail: required ? 'required' : 'optional',
          breaking: required && requestSide.has(name),
        });
      }
    }
    changes.push(...diffEnum('schema', name, enumOf(before, schema), enumOf(after, next)));
  }
  for (const name of Object.keys(newSchemas)) {
    if (!(name in oldSchemas))
      changes.push({ kind: 'schema', change: 'added', subject: name, breaking: false });
  }
  return changes;
}

function diffEnum(
  kind: SpecChange['kind'],
  subject: string,
  before?: unknown[],
  after?: unknown[],
): SpecChange[] {
  if (!before || !after) return [];
  const removed = before.filter((v) => !after.includes(v));
  const added = after.filter((v) => !before.includes(v));
  const changes: SpecChange[] = [];
  if (removed.length > 0) {
    changes.push({
      kind,
      change: 'changed',
      subject,
      detail: `enum narrowed: removed ${removed.map(String).join(', ')}`,
      breaking: true,
    });
  }
  if (added.length > 0) {
    changes.push({
      kind,
      change: 'changed',
      subject,
      detail: `enum widened: added ${added.map(String).join(', ')}`,
      breaking: false,
    });
  }
  return changes;
}

/** Named schemas reachable from request bodies: a new required property there breaks callers. */
function requestSchemas(model: SpecModel): Set<string> {
  const names = new Set<string>();
  const visit = (schema: Json | undefined): void => {
    if (!schema) return;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
      if (names.has(name)) return;
      names.add(name);
      visit(model.resolve(schema.$ref));
      return;
    }
    for (const part of (schema.allOf ?? []) as Json[]) visit(part);
    if (schema.items) visit(schema.items as Json);
    for (const prop of Object.values((schema.properties ?? {}) as Record<string, Json>))
      visit(prop);
  };
  for (const op of model.operations()) visit(op.parameters.find((p) => p.in === 'body')?.schema);
  return names;
}

/** A comparable type label: a named reference, or `type/format`. */
function typeOf(schema: Json): string {
  if (typeof schema.$ref === 'string')
    return `$ref:${schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)}`;
  const t = schema.type ?? (schema.properties ? 'object' : 'any');
  return schema.format ? `${String(t)}/${String(schema.format)}` : String(t);
}

function enumOf(model: SpecModel, schema: Json): unknown[] | undefined {
  let s = schema;
  while (typeof s.$ref === 'string') s = model.resolve(s.$ref);
  return Array.isArray(s.enum) ? s.enum : undefined;
}

function sortChanges(changes: SpecChange[]): SpecChange[] {
  return changes.sort(
    (a, b) =>
      Number(b.breaking) - Number(a.breaking) ||
      compare(a.kind, b.kind) ||
      compare(a.subject, b.subject) ||
      compare(a.detail ?? '', b.detail ?? ''),
  );
}

/** The human report `npm run spec:diff` prints. */
export function formatSpecDiff(diff: SpecDiff): string {
  const breaking = diff.changes.filter((c) => c.breaking);
  const lines = [
    `Spec diff ${diff.oldVersion} → ${diff.newVersion}: ${diff.changes.length} changes, ${breaking.length} breaking`,
  ];
  for (const c of diff.changes) {
    lines.push(
      `${c.breaking ? 'BREAKING ' : '         '}${c.change.padEnd(8)}${c.kind.padEnd(10)}${c.subject}${c.detail ? ` — ${c.detail}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
