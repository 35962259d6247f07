/**
 * JSON bodies, request and response, compared property by property from the operations that
 * send or return them (so a renamed model, `CertificateAddParameter` → `BatchCertificate`, is
 * compared with the model it replaces). Both audiences at once: the client's body and result
 * types are hey-api's types of these models (client-types.ts). Each pair of named models is
 * walked once per direction and reported under the new name. Pure.
 *
 * Rules, request bodies (the caller writes them):
 * - a property removed, or now `readOnly` (the service sets it; hey-api's request type leaves it
 *   out): breaking for both;
 * - a new required property, or optional → required: breaking for both; a new optional one, or
 *   required → optional: compatible;
 * - a new `readOnly` property: reported, verdict none for both (it is not sent, and not in the
 *   client's request type);
 * - an enum narrowed: breaking for both; widened: compatible.
 * Response bodies (the caller reads them):
 * - a property removed, or required → optional (it may be absent): breaking for both; added, or
 *   optional → required: compatible;
 * - an enum narrowed: breaking for the client (comparing with a removed literal no longer
 *   compiles), compatible on the wire; widened: compatible for the client, and on the wire
 *   compatible for an extensible enum (`x-ms-enum.modelAsString: true`), breaking for a closed one.
 * Either way: a property's name changed in case (JSON names are case-sensitive): breaking for both;
 * a leaf's type or format by wire-values.ts (wire) and client-types.ts (client).
 */
import type { Json, SpecModel } from '../spec-model.ts';
import { compareClientTypes, type Flow, jsonLeafType } from './client-types.ts';
import { matchBy } from './match.ts';
import type { ChangeType, Finding, Verdict } from './types.ts';
import { compareWireValues, type WireValue } from './wire-values.ts';

export type Direction = 'request' | 'response';

interface ObjectView {
  properties: Record<string, Json>;
  required: Set<string>;
  additionalProperties?: Json;
}

export class PayloadDiff {
  readonly findings: Finding[] = [];
  /** Pairs of named models the walk compared: old name → new names. */
  readonly modelPairs = new Map<string, Set<string>>();
  private readonly walked = new Set<string>();
  private readonly before: SpecModel;
  private readonly after: SpecModel;

  constructor(before: SpecModel, after: SpecModel) {
    this.before = before;
    this.after = after;
  }

  /** Compares the body `operationId` sends (`request`) or gets back (`response`). */
  compare(a: Json, b: Json, direction: Direction, operationId: string): void {
    this.walk(a, b, { direction, label: operationId, operationId });
  }

  private walk(a: Json, b: Json, at: At): void {
    const [aName, bName] = [refName(a), refName(b)];
    let label = at.label;
    if (aName && bName) {
      this.modelPairs.set(aName, (this.modelPairs.get(aName) ?? new Set()).add(bName));
      const key = `${at.direction}|${aName}|${bName}`;
      if (this.walked.has(key)) return;
      this.walked.add(key);
    }
    if (bName) label = bName;
    const here = { ...at, label };
    const [sa, sb] = [deref(this.before, a), deref(this.after, b)];
    const [ka, kb] = [shapeOf(sa), shapeOf(sb)];
    if (ka !== kb) {
      this.add(here, 'type', 'changed', 'breaking', `${ka} → ${kb}`);
      return;
    }
    if (ka === 'array') {
      this.walk((sa.items ?? {}) as Json, (sb.items ?? {}) as Json, {
        ...here,
        label: `${label}[]`,
      });
    } else if (ka === 'object') {
      this.compareObjects(this.objectView(this.before, sa), this.objectView(this.after, sb), here);
    } else {
      this.compareLeaves(sa, sb, here);
    }
  }

  private compareObjects(a: ObjectView, b: ObjectView, at: At): void {
    const request = at.direction === 'request';
    const names = (v: ObjectView) => Object.keys(v.properties);
    const matched = matchBy(names(a), names(b), (n) => n.toLowerCase());
    const sentA = (n: string) => !request || !this.isReadOnly(this.before, a.properties[n]!);
    const sentB = (n: string) => !request || !this.isReadOnly(this.after, b.properties[n]!);
    for (const name of matched.removed) {
      if (!sentA(name)) continue; // a readOnly property was never sent
      const detail = request ? 'no longer in the request body' : 'no longer in the response';
      this.add(sub(at, name), 'presence', 'removed', 'breaking', detail);
    }
    const readOnlyAdded: string[] = [];
    for (const name of matched.added) {
      if (!sentB(name)) {
        readOnlyAdded.push(name);
        continue;
      }
      const required = b.required.has(name);
      const verdict: Verdict = request && required ? 'breaking' : 'compatible';
      const detail = `new ${required ? 'required' : 'optional'} property`;
      this.add(sub(at, name), 'presence', 'added', verdict, detail);
    }
    if (readOnlyAdded.length > 0) {
      const detail = `readOnly properties in the request model: ${readOnlyAdded.join(', ')} (set by the service, not sent; hey-api's request type leaves them out)`;
      this.add(at, 'read-only', 'added', 'none', detail);
    }
    for (const [oldName, newName] of matched.pairs) {
      const here = sub(at, newName);
      if (oldName !== newName) {
        const detail = `JSON name ${oldName} → ${newName} (names are case-sensitive)`;
        this.add(here, 'name', 'renamed', 'breaking', detail);
      }
      if (request) {
        const [wasSent, isSent] = [sentA(oldName), sentB(newName)];
        if (wasSent && !isSent) {
          const detail =
            'now readOnly: the service sets it, so callers that sent it break (hey-api leaves it out of the request type)';
          this.add(here, 'read-only', 'changed', 'breaking', detail);
          continue;
        }
        if (!wasSent) {
          if (isSent) {
            const required = b.required.has(newName);
            const v: Verdict = required ? 'breaking' : 'compatible';
            const detail = `no longer readOnly: callers may send it${required ? ' and must' : ''}`;
            this.add(here, 'read-only', 'changed', v, detail);
          }
          continue;
        }
      }
      this.compareRequired(a.required.has(oldName), b.required.has(newName), here);
      this.walk(a.properties[oldName]!, b.properties[newName]!, here);
    }
    if (a.additionalProperties && b.additionalProperties) {
      this.walk(a.additionalProperties, b.additionalProperties, { ...at, label: `${at.label}{}` });
    }
  }

  private compareRequired(before: boolean, after: boolean, at: At): void {
    if (before === after) return;
    if (at.direction === 'request') {
      if (after) this.add(at, 'required', 'changed', 'breaking', 'now required');
      else this.add(at, 'required', 'changed', 'compatible', 'now optional');
    } else if (after) {
      this.add(at, 'required', 'changed', 'compatible', 'now always present');
    } else {
      const detail = 'now optional: it may be absent (the client type becomes `T | undefined`)';
      this.add(at, 'required', 'changed', 'breaking', detail);
    }
  }

  private compareLeaves(a: Json, b: Json, at: At): void {
    const flow: Flow = at.direction === 'request' ? 'input' : 'output';
    const wire = compareWireValues(wireValue(this.before, a), wireValue(this.after, b), 'json');
    const client = compareClientTypes(jsonLeafType(a), jsonLeafType(b), flow);
    if (wire || client) {
      const detail = [wire?.detail, client ? `client ${client.detail}` : undefined]
        .filter(Boolean)
        .join('; ');
      const verdicts = {
        client: client?.verdict ?? 'none',
        wire: wire?.verdict ?? 'none',
      } as const;
      this.add(at, 'type', 'changed', verdicts, detail);
    }
    this.compareEnums(a, b, at);
  }

  private compareEnums(a: Json, b: Json, at: At): void {
    const [ea, eb] = [a.enum as unknown[] | undefined, b.enum as unknown[] | undefined];
    if (!ea && !eb) return;
    const request = at.direction === 'request';
    const list = (values: unknown[]) => values.map(String).join(', ');
    const removed = ea && eb ? ea.filter((v) => !eb.includes(v)) : [];
    const added = ea && eb ? eb.filter((v) => !ea.includes(v)) : [];
    let narrowed: string | undefined;
    if (!ea && eb) narrowed = `now an enum: ${list(eb)}`;
    else if (removed.length > 0) narrowed = `enum narrowed: removed ${list(removed)}`;
    let widened: string | undefined;
    if (ea && !eb) widened = 'no longer an enum: any value';
    else if (added.length > 0) widened = `enum widened: added ${list(added)}`;
    if (narrowed && request) {
      this.add(
        at,
        'enum-narrowed',
        'changed',
        'breaking',
        `${narrowed} (values callers sent are refused)`,
      );
    } else if (narrowed) {
      const detail = `${narrowed} (client: comparing with a value outside the new literal union no longer compiles)`;
      this.add(at, 'enum-narrowed', 'changed', { client: 'breaking', wire: 'compatible' }, detail);
    }
    if (widened) {
      const open = isExtensible(b);
      const wire: Verdict = request || open ? 'compatible' : 'breaking';
      const why = request
        ? ''
        : open
          ? ' (an extensible enum)'
          : ' (a closed enum: readers may not expect them)';
      this.add(at, 'enum-widened', 'changed', { client: 'compatible', wire }, `${widened}${why}`);
    }
  }

  /** Records a change; one verdict stands for both audiences. */
  private add(
    at: At,
    aspect: string,
    change: ChangeType,
    verdict: Verdict | { client: Verdict; wire: Verdict },
    detail: string,
  ): void {
    const { client, wire } =
      typeof verdict === 'string' ? { client: verdict, wire: verdict } : verdict;
    this.findings.push({
      key: `${at.direction}|${at.label}|${aspect}`,
      kind: 'property',
      change,
      where: `${at.label} (${at.direction} body)`,
      operationId: at.operationId,
      client,
      wire,
      detail,
    });
  }

  private isReadOnly(model: SpecModel, schema: Json): boolean {
    return schema.readOnly === true || deref(model, schema).readOnly === true;
  }

  /** Properties and `required` of a schema and its `allOf` parts. */
  private objectView(model: SpecModel, schema: Json): ObjectView {
    const view: ObjectView = { properties: {}, required: new Set() };
    const visit = (s: Json, depth: number): void => {
      if (depth > 32) return;
      Object.assign(view.properties, (s.properties ?? {}) as Record<string, Json>);
      for (const r of (s.required ?? []) as string[]) view.required.add(r);
      if (typeof s.additionalProperties === 'object')
        view.additionalProperties = s.additionalProperties as Json;
      for (const part of (s.allOf ?? []) as Json[]) visit(deref(model, part), depth + 1);
    };
    visit(schema, 0);
    return view;
  }
}

interface At {
  direction: Direction;
  label: string;
  operationId: string;
}

function sub(at: At, property: string): At {
  return { ...at, label: `${at.label}.${property}` };
}

function refName(schema: Json): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

function deref(model: SpecModel, schema: Json): Json {
  let current = schema;
  for (let i = 0; typeof current.$ref === 'string' && i < 64; i++)
    current = model.resolve(current.$ref);
  return current;
}

function shapeOf(s: Json): 'array' | 'object' | 'leaf' {
  if (s.type === 'array' || s.items) return 'array';
  if (
    s.type === 'object' ||
    s.properties ||
    s.allOf ||
    typeof s.additionalProperties === 'object'
  ) {
    return 'object';
  }
  return 'leaf';
}

function wireValue(model: SpecModel, s: Json): WireValue {
  const items = s.items ? wireValue(model, deref(model, s.items as Json)) : undefined;
  return { type: s.type as string | undefined, format: s.format as string | undefined, items };
}

/** `x-ms-enum.modelAsString: true`: clients are told to expect values not listed. */
function isExtensible(s: Json): boolean {
  return (s['x-ms-enum'] as Json | undefined)?.modelAsString === true;
}
