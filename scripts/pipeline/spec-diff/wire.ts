/**
 * What goes over HTTP, operation by operation: the request line, query, path and header
 * parameters, the body's presence and media type, status codes and response headers (the JSON
 * bodies themselves are payload.ts). The `wire` verdict of each change. Pure.
 *
 * Rules:
 * - an operation removed: breaking; added: compatible; a new operationId or other names in the
 *   path template on a matched pair: none (nothing sent changes);
 * - a parameter removed, or a new required one, or optional → required: breaking; a new optional
 *   one, or required → optional: compatible;
 * - a parameter's name changed in case: breaking in a query (query names are case-sensitive),
 *   none in a header (HTTP header names are not) or a path (the name is not sent);
 * - a value's type or format: by wire-values.ts (the two names of HTTP dates are the same text);
 *   an array's collectionFormat: breaking; an enum narrowed: breaking, widened: compatible;
 * - a body removed or added as required, optional → required, or another media type: breaking;
 * - a success status no longer answered: breaking; a new one, or a change among error statuses:
 *   compatible; a success body removed or changed between JSON and a download: breaking;
 * - a response header removed: breaking; added: compatible; its name changed in case: none.
 */
import type { ParameterSpec } from '../../../src/table/operation-table.ts';
import type { Json } from '../spec-model.ts';
import { Findings } from './findings.ts';
import { matchBy } from './match.ts';
import { keyOf, type OperationSide, parameterWhere } from './side.ts';
import type { Finding, Verdict } from './types.ts';
import { compareWireValues, type WireValue } from './wire-values.ts';

export function wireOperationRemoved(o: OperationSide): Finding[] {
  const found = new Findings('wire', o.op.operationId);
  const report = found.about('operation', o.op.operationId, 'operation');
  report('presence', 'removed', 'breaking', `${o.op.method} ${o.op.path}`);
  return found.list;
}

export function wireOperationAdded(o: OperationSide): Finding[] {
  const found = new Findings('wire', o.op.operationId);
  const report = found.about('operation', o.op.operationId, 'operation');
  report('presence', 'added', 'compatible', `${o.op.method} ${o.op.path}`);
  return found.list;
}

export function wireFindings(a: OperationSide, b: OperationSide): Finding[] {
  const found = new Findings('wire', b.op.operationId);
  compareRequestLine(a, b, found);
  compareParameters(a, b, found);
  compareBody(a, b, found);
  compareResponses(a, b, found);
  return found.list;
}

function compareRequestLine(a: OperationSide, b: OperationSide, found: Findings): void {
  const id = b.op.operationId;
  const report = found.about('operation', id, 'operation');
  if (a.op.operationId !== id) {
    const detail = `operationId ${a.op.operationId} → ${id} (${b.op.method} ${b.op.path})`;
    report('name', 'renamed', 'none', detail);
  }
  if (a.op.path !== b.op.path) {
    report('path', 'changed', 'none', `path template ${a.op.path} → ${b.op.path} (the same URLs)`);
  }
}

function compareParameters(a: OperationSide, b: OperationSide, found: Findings): void {
  const keyed = (o: OperationSide) =>
    o.entry.parameters.map((p) => ({ key: keyOf(p, o.entry.path), p }));
  const matched = matchBy(keyed(a), keyed(b), (k) => k.key);
  const about = ({ key, p }: { key: string; p: ParameterSpec }) =>
    found.about('parameter', parameterWhere(b.op.operationId, p), `param|${key}`);
  for (const k of matched.removed) {
    about(k)('presence', 'removed', 'breaking', 'no longer read by the service');
  }
  for (const k of matched.added) {
    const detail = `new ${k.p.required ? 'required' : 'optional'} parameter`;
    about(k)('presence', 'added', k.p.required ? 'breaking' : 'compatible', detail);
  }
  for (const [{ p: x }, k] of matched.pairs) {
    const y = k.p;
    const report = about(k);
    if (x.wireName !== y.wireName) {
      const [verdict, why]: [Verdict, string] =
        y.location === 'query'
          ? ['breaking', 'query names are case-sensitive']
          : y.location === 'header'
            ? ['none', 'header names are case-insensitive']
            : ['none', 'a path template name is not sent'];
      const detail = `${y.location} name ${x.wireName} → ${y.wireName} (${why})`;
      report('name', 'renamed', verdict, detail);
    }
    if (x.required !== y.required) {
      const [verdict, detail]: [Verdict, string] = y.required
        ? ['breaking', 'now required']
        : ['compatible', 'now optional'];
      report('required', 'changed', verdict, detail);
    }
    const value = compareWireValues(parameterValue(x), parameterValue(y), 'text');
    if (value) report('type', 'changed', value.verdict, value.detail);
    if (x.type === 'array' && y.type === 'array' && x.collectionFormat !== y.collectionFormat) {
      const detail = `collectionFormat ${x.collectionFormat ?? '(none)'} → ${y.collectionFormat ?? '(none)'}`;
      report('format', 'changed', 'breaking', detail);
    }
    for (const e of compareParameterEnums(enumOf(a, x), enumOf(b, y))) {
      report(e.aspect, 'changed', e.verdict, e.detail);
    }
  }
}

function compareBody(a: OperationSide, b: OperationSide, found: Findings): void {
  const [x, y] = [a.entry.body, b.entry.body];
  const report = found.about('request-body', `${b.op.operationId} body`, 'body');
  if (x && !y) report('presence', 'removed', 'breaking', 'the operation takes no body any more');
  if (!x && y) {
    const detail = `new ${y.required ? 'required' : 'optional'} body`;
    report('presence', 'added', y.required ? 'breaking' : 'compatible', detail);
  }
  if (!x || !y) return;
  if (x.required !== y.required) {
    const detail = `the body is now ${y.required ? 'required' : 'optional'}`;
    report('required', 'changed', y.required ? 'breaking' : 'compatible', detail);
  }
  if (mediaType(x.contentType) !== mediaType(y.contentType)) {
    report(
      'content-type',
      'changed',
      'breaking',
      `Content-Type ${x.contentType} → ${y.contentType}`,
    );
  }
}

function compareResponses(a: OperationSide, b: OperationSide, found: Findings): void {
  const id = b.op.operationId;
  const statusesOf = (o: OperationSide) => o.op.responses.map((r) => r.status);
  const statuses = matchBy(statusesOf(a), statusesOf(b), (s) => s);
  const aboutStatus = (s: string) => found.about('response', `${id} ${s}`, `status|${s}`);
  for (const s of statuses.removed) {
    const success = /^2/.test(s);
    const detail = success ? 'no longer answered on success' : 'no longer declared';
    aboutStatus(s)('presence', 'removed', success ? 'breaking' : 'compatible', detail);
  }
  for (const s of statuses.added) {
    aboutStatus(s)('presence', 'added', 'compatible', 'new declared response');
  }
  const [ka, kb] = [a.entry.responseBody, b.entry.responseBody];
  if (ka !== kb) {
    // Only a body where there was none breaks nobody.
    const verdict: Verdict = ka === 'none' ? 'compatible' : 'breaking';
    const report = found.about('response', `${id} response body`, 'result');
    report('body', 'changed', verdict, `success body ${ka} → ${kb}`);
  }
  const headers = matchBy(a.entry.responseHeaders, b.entry.responseHeaders, (h) =>
    h.wireName.toLowerCase(),
  );
  const about = (wireName: string) =>
    found.about(
      'response-header',
      `${id} response header ${wireName}`,
      `header|${wireName.toLowerCase()}`,
    );
  for (const h of headers.removed)
    about(h.wireName)('presence', 'removed', 'breaking', 'no longer sent');
  for (const h of headers.added) about(h.wireName)('presence', 'added', 'compatible', 'new header');
  for (const [x, y] of headers.pairs) {
    const report = about(y.wireName);
    if (x.wireName !== y.wireName) {
      const detail = `name ${x.wireName} → ${y.wireName} (header names are case-insensitive)`;
      report('name', 'renamed', 'none', detail);
    }
    const value = compareWireValues(x, y, 'text');
    if (value) report('type', 'changed', value.verdict, value.detail);
  }
}

function parameterValue(p: ParameterSpec): WireValue {
  return {
    type: p.type,
    format: p.format,
    items: p.itemType ? { type: p.itemType } : undefined,
    collectionFormat: p.collectionFormat,
  };
}

/** `application/json; odata=minimalmetadata` → `application/json`. */
function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The enum of a parameter (of its items, for an array), from the spec. */
function enumOf(o: OperationSide, p: ParameterSpec): unknown[] | undefined {
  const raw = o.op.parameters.find((q) => q.in === p.location && q.name === p.wireName);
  if (!raw) return undefined;
  const deref = (s: Json): Json =>
    typeof s.$ref === 'string' ? deref(o.model.resolve(s.$ref)) : s;
  const schema = deref(raw.schema);
  const values = schema.type === 'array' ? deref((schema.items ?? {}) as Json) : schema;
  return Array.isArray(values.enum) ? values.enum : undefined;
}

/** A request value's enum: narrowed is breaking (values callers send are refused), widened is not. */
function compareParameterEnums(a?: unknown[], b?: unknown[]) {
  const out: { aspect: string; verdict: Verdict; detail: string }[] = [];
  const list = (values: unknown[]) => values.map(String).join(', ');
  if (!a && b)
    out.push({ aspect: 'enum-narrowed', verdict: 'breaking', detail: `now an enum: ${list(b)}` });
  if (a && !b) {
    out.push({
      aspect: 'enum-widened',
      verdict: 'compatible',
      detail: 'no longer an enum: any value',
    });
  }
  if (a && b) {
    const removed = a.filter((v) => !b.includes(v));
    const added = b.filter((v) => !a.includes(v));
    if (removed.length > 0) {
      out.push({
        aspect: 'enum-narrowed',
        verdict: 'breaking',
        detail: `enum narrowed: removed ${list(removed)}`,
      });
    }
    if (added.length > 0) {
      out.push({
        aspect: 'enum-widened',
        verdict: 'compatible',
        detail: `enum widened: added ${list(added)}`,
      });
    }
  }
  return out;
}
