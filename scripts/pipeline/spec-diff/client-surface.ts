/**
 * The generated client's surface, operation by operation, as emit-client-api.ts writes it from the
 * operation table: `group.method`, positional path arguments, the body argument, the options bag
 * (client names and TypeScript types), the result, the typed response headers, and the exported
 * `…Options` / `…Headers` types. The `client` verdict of each change. Pure.
 *
 * Rules:
 * - a method removed, or its `group.method` changed: breaking; added: compatible; a new operationId
 *   under the same `group.method`: none;
 * - positional arguments: another count or order, or a type that no longer accepts the old values:
 *   breaking; a new name only: compatible (callers pass them by position);
 * - options: one removed or renamed (its client name: `x-ms-client-name` or the overlay), a new
 *   required one, or optional → required: breaking; a new optional one, or required → optional:
 *   compatible; a type by client-types.ts (an input: `string` → `string[] | string` is compatible);
 * - the body argument added or removed (the options argument moves), or optional → required:
 *   breaking; its name or its model's name: compatible (the argument is positional and typed
 *   through the operation; the model's properties are compared by payload.ts);
 * - the result (`Promise<boolean>`, a download, a paged list, a JSON result, the headers):
 *   another kind, breaking;
 * - response headers: one removed or renamed: breaking; added: compatible; a type by
 *   client-types.ts (an output);
 * - now deprecated (the client warns) or no longer: compatible;
 * - the exported `…Options` / `…Headers` types are named after the operationId, so a new
 *   operationId renames them (breaking for code that imports them) even when `group.method` is
 *   pinned.
 */
import type { OperationSpec, ParameterSpec } from '../../../src/table/operation-table.ts';
import {
  clientTypeName,
  headerType,
  isPositional,
  parameterType,
  resultType,
  typeName,
} from '../emit-client-api.ts';
import { compareClientTypes } from './client-types.ts';
import { Findings } from './findings.ts';
import { matchBy, pathSlots } from './match.ts';
import { keyOf, type OperationSide, parameterWhere } from './side.ts';
import type { Finding } from './types.ts';

const methodName = (e: OperationSpec) => `${e.group}.${e.method}()`;

export function clientOperationRemoved(o: OperationSide): Finding[] {
  const found = new Findings('client', o.entry.operationId);
  const report = found.about('operation', o.entry.operationId, 'operation');
  report('presence', 'removed', 'breaking', `method ${methodName(o.entry)} removed`);
  return found.list;
}

export function clientOperationAdded(o: OperationSide): Finding[] {
  const found = new Findings('client', o.entry.operationId);
  const report = found.about('operation', o.entry.operationId, 'operation');
  report('presence', 'added', 'compatible', `new method ${methodName(o.entry)}`);
  return found.list;
}

export function clientFindings(a: OperationSide, b: OperationSide): Finding[] {
  const found = new Findings('client', b.entry.operationId);
  compareMethod(a.entry, b.entry, found);
  comparePositional(a.entry, b.entry, found);
  compareOptions(a.entry, b.entry, found);
  compareBody(a.entry, b.entry, found);
  compareResult(a.entry, b.entry, found);
  return found.list;
}

function compareMethod(a: OperationSpec, b: OperationSpec, found: Findings): void {
  const report = found.about('operation', b.operationId, 'operation');
  if (methodName(a) !== methodName(b)) {
    report('name', 'renamed', 'breaking', `client method ${methodName(a)} → ${methodName(b)}`);
  } else if (a.operationId !== b.operationId) {
    report('name', 'renamed', 'none', `client method ${methodName(b)} unchanged`);
  }
  if (a.deprecated !== b.deprecated) {
    const detail = b.deprecated ? 'now deprecated (the client warns)' : 'no longer deprecated';
    report('deprecated', 'changed', 'compatible', detail);
  }
  const [ta, tb] = [clientTypeName(a), clientTypeName(b)];
  if (ta !== tb) {
    const names = (t: string) => `${t}Options, ${t}Headers`;
    const detail = `exported types ${names(ta)} → ${names(tb)} (named after the client method)`;
    found.about('type', b.operationId, 'types')('names', 'renamed', 'breaking', detail);
  }
}

/** Path parameters, in spec order, are the leading arguments. */
function comparePositional(a: OperationSpec, b: OperationSpec, found: Findings): void {
  const [xa, xb] = [a.parameters.filter(isPositional), b.parameters.filter(isPositional)];
  const slots = (e: OperationSpec, ps: ParameterSpec[]) =>
    ps.map((p) => pathSlots(e.path).indexOf(p.wireName)).join(',');
  if (xa.length !== xb.length || slots(a, xa) !== slots(b, xb)) {
    const list = (ps: ParameterSpec[]) => `(${ps.map((p) => p.clientName).join(', ')})`;
    const report = found.about('parameter', `${b.operationId} path`, 'positional');
    report('order', 'changed', 'breaking', `positional arguments ${list(xa)} → ${list(xb)}`);
    return;
  }
  for (const [i, x] of xa.entries()) {
    const y = xb[i]!;
    const report = found.about('parameter', parameterWhere(b.operationId, y), paramSubject(y, b));
    if (x.clientName !== y.clientName) {
      const detail = `argument ${x.clientName} → ${y.clientName} (positional: callers are not affected)`;
      report('name', 'renamed', 'compatible', detail);
    }
    const type = compareClientTypes(parameterType(x), parameterType(y), 'input');
    if (type) report('type', 'changed', type.verdict, `client ${type.detail}`);
  }
}

/** Everything else goes in the options bag, under its client name. */
function compareOptions(a: OperationSpec, b: OperationSpec, found: Findings): void {
  const options = (e: OperationSpec) => e.parameters.filter((p) => !isPositional(p));
  const matched = matchBy(options(a), options(b), (p) => keyOf(p, b.path));
  const about = (p: ParameterSpec, e: OperationSpec) =>
    found.about('parameter', parameterWhere(b.operationId, p), paramSubject(p, e));
  for (const p of matched.removed) {
    about(p, a)('presence', 'removed', 'breaking', `option ${p.clientName} removed`);
  }
  for (const p of matched.added) {
    const detail = `new ${p.required ? 'required' : 'optional'} option ${p.clientName}`;
    about(p, b)('presence', 'added', p.required ? 'breaking' : 'compatible', detail);
  }
  for (const [x, y] of matched.pairs) {
    const report = about(y, b);
    if (x.clientName !== y.clientName) {
      report('name', 'renamed', 'breaking', `option ${x.clientName} → ${y.clientName}`);
    }
    if (x.required !== y.required) {
      const detail = `option ${y.clientName} now ${y.required ? 'required' : 'optional'}`;
      report('required', 'changed', y.required ? 'breaking' : 'compatible', detail);
    }
    const type = compareClientTypes(parameterType(x), parameterType(y), 'input');
    if (type) report('type', 'changed', type.verdict, `client ${type.detail}`);
  }
}

function compareBody(a: OperationSpec, b: OperationSpec, found: Findings): void {
  const [x, y] = [a.body, b.body];
  const report = found.about('request-body', `${b.operationId} body`, 'body');
  if (x && !y) report('presence', 'removed', 'breaking', `argument ${x.clientName} removed`);
  if (!x && y) {
    report('presence', 'added', 'breaking', `new argument ${y.clientName} before the options`);
  }
  if (!x || !y) return;
  if (x.required !== y.required) {
    const detail = `argument ${y.clientName} now ${y.required ? 'required' : 'optional'}`;
    report('required', 'changed', y.required ? 'breaking' : 'compatible', detail);
  }
  if (x.clientName !== y.clientName) {
    const detail = `argument ${x.clientName} → ${y.clientName} (positional: callers are not affected)`;
    report('name', 'renamed', 'compatible', detail);
  }
  if (x.schema !== y.schema) {
    const detail = `model ${x.schema ?? '(inline)'} → ${y.schema ?? '(inline)'} (its properties are compared below)`;
    report('model', 'changed', 'compatible', detail);
  }
}

function compareResult(a: OperationSpec, b: OperationSpec, found: Findings): void {
  const strip = (op: OperationSpec) =>
    resultType(op).replaceAll(typeName(op.operationId), '').replaceAll(clientTypeName(op), '');
  const report = found.about('response', `${b.operationId} response body`, 'result');
  // Compared without the operation's type-name stems, which compareMethod reports.
  const [ra, rb] = [strip(a), strip(b)];
  if (ra !== rb) report('body', 'changed', 'breaking', `result ${ra} → ${rb}`);
  if (a.responseSchema && b.responseSchema && a.responseSchema !== b.responseSchema) {
    const detail = `result model ${a.responseSchema} → ${b.responseSchema} (its properties are compared below)`;
    report('model', 'changed', 'compatible', detail);
  }
  const headers = matchBy(a.responseHeaders, b.responseHeaders, (h) => h.wireName.toLowerCase());
  const about = (wireName: string) =>
    found.about(
      'response-header',
      `${b.operationId} response header ${wireName}`,
      `header|${wireName.toLowerCase()}`,
    );
  for (const h of headers.removed) {
    about(h.wireName)(
      'presence',
      'removed',
      'breaking',
      `${h.clientName} removed from ${clientTypeName(a)}Headers`,
    );
  }
  for (const h of headers.added) {
    about(h.wireName)(
      'presence',
      'added',
      'compatible',
      `new ${h.clientName} in ${clientTypeName(b)}Headers`,
    );
  }
  for (const [x, y] of headers.pairs) {
    const report = about(y.wireName);
    if (x.clientName !== y.clientName) {
      report('name', 'renamed', 'breaking', `client name ${x.clientName} → ${y.clientName}`);
    }
    const type = compareClientTypes(headerType(x), headerType(y), 'output');
    if (type) report('type', 'changed', type.verdict, `client ${type.detail}`);
  }
}

function paramSubject(p: ParameterSpec, e: OperationSpec): string {
  return `param|${keyOf(p, e.path)}`;
}
