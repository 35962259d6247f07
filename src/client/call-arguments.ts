/**
 * A call's arguments: as the caller gave them (`CallArguments`, sorted by where they came from),
 * and as they are validated and sent. Pure: the caller's objects are never changed; what changes
 * is copied.
 *
 * {@link normalizeCall} applies the table's `x-batch-normalize` rules to path and option values
 * (so a value is checked in the form that goes on the wire), takes a comma-separated list given
 * joined (`'id,state'`, as older API versions typed `$select`) as the list it is, and prepares the
 * body with {@link prepareRequestBody}:
 *
 * - `readOnly` properties (the table's `body.readOnly`) are left out, at any depth and in every
 *   item of an array, as the Azure SDKs' serializers leave them out. TypeSpec-generated specs
 *   give a replace (`PUT`) the whole resource model `get` answers with, `id`, `eTag`, `state` and
 *   the other properties the service sets included, so the common way to change one field —
 *   `jobs.replace(id, { ...(await jobs.get(id)), priority: 5 })` — works. The generated method's
 *   TSDoc (`@param` of the body) lists them, and the body's TypeScript type (hey-api's
 *   `…Writable`) has none of them.
 * - OData control information the service adds to every answer (`odata.metadata`: names
 *   starting with `odata.` at the top level) is left out of every body: it comes with `get`, no
 *   request model declares it, and the service does not take it back.
 * - The table's `x-batch-normalize` rules are applied (thumbprint separators removed), so a value
 *   is checked in the form that goes on the wire.
 *
 * The send path calls {@link prepareRequestBody} once per call, before validation; the emulator
 * applies only {@link normalizeBody}, and refuses a read-only property a request still carries.
 */
import type { NormalizeRule, OperationSpec } from '../table/operation-table.js';
import { removeSeparators } from '../util/remove-separators.js';

/** The arguments of one operation call, sorted by where they came from. */
export interface CallArguments {
  /** Positional path parameters, by client name. */
  readonly path: Readonly<Record<string, unknown>>;
  /** The request body, if the operation has one. */
  readonly body?: unknown;
  /** The options bag: optional parameters by client name, plus call options. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** The call's arguments as they are validated and sent (copies; see the module's description). */
export function normalizeCall(operation: OperationSpec, args: CallArguments): CallArguments {
  let path = args.path;
  let options = args.options;
  for (const p of operation.parameters) {
    if (p.collectionFormat === 'csv' && typeof options[p.clientName] === 'string') {
      const joined = options[p.clientName] as string;
      options = { ...options, [p.clientName]: joined === '' ? [] : joined.split(',') };
    }
    if (!p.normalize) continue;
    const rule = NORMALIZE_RULES[p.normalize];
    if (p.location === 'path') path = { ...path, [p.clientName]: rule(path[p.clientName]) };
    else if (options[p.clientName] !== undefined) {
      options = { ...options, [p.clientName]: rule(options[p.clientName]) };
    }
  }
  return { path, body: prepareRequestBody(operation, args.body), options };
}

/** What each `x-batch-normalize` rule does to a value (path and option values use them too). */
export const NORMALIZE_RULES: Readonly<Record<NormalizeRule, (value: unknown) => unknown>> = {
  'remove-separators': removeSeparators,
};

/**
 * The body to validate and send: read-only properties and OData control information left out,
 * normalization rules applied. A body that is not an object is returned as it is (validation
 * names what is wrong with it).
 */
export function prepareRequestBody(operation: OperationSpec, body: unknown): unknown {
  const written = withoutControlInformation(body);
  return normalizeBody(operation, withoutReadOnly(written, operation.body?.readOnly ?? []));
}

/** `odata.metadata` and the other `odata.` names of an answer, which no request model declares. */
const CONTROL_INFORMATION = /^odata\./;

function withoutControlInformation(body: unknown): unknown {
  if (!isRecord(body) || !Object.keys(body).some((k) => CONTROL_INFORMATION.test(k))) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !CONTROL_INFORMATION.test(k)));
}

/** The body with its `x-batch-normalize` rules applied (a copy). */
export function normalizeBody(operation: OperationSpec, body: unknown): unknown {
  const rules = operation.body?.normalizations;
  if (!rules || !isRecord(body)) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const { property, rule } of rules) {
    if (copy[property] !== undefined) copy[property] = NORMALIZE_RULES[rule](copy[property]);
  }
  return copy;
}

/**
 * `value` without the properties at `paths` (see BodySpec.readOnly: `a.b`, `a[].b`, and `[].b` for
 * the items of a body that is an array); copies only what changes.
 */
function withoutReadOnly(value: unknown, paths: readonly string[]): unknown {
  if (paths.length === 0) return value;
  if (Array.isArray(value)) {
    const itemPaths = paths.filter((p) => p.startsWith('[].')).map((p) => p.slice(3));
    const items = value.map((item) => withoutReadOnly(item, itemPaths));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (!isRecord(value)) return value;
  const here = new Set<string>();
  const deeper = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.indexOf('.');
    if (dot === -1) {
      here.add(path);
      continue;
    }
    const head = path.slice(0, dot);
    // `metadata[].name`: the rest applies to each item of the property's array.
    const [name, rest] = head.endsWith('[]')
      ? [head.slice(0, -2), `[].${path.slice(dot + 1)}`]
      : [head, path.slice(dot + 1)];
    deeper.set(name, [...(deeper.get(name) ?? []), rest]);
  }
  let copy: Record<string, unknown> | undefined;
  for (const name of Object.keys(value)) {
    if (here.has(name)) {
      copy ??= { ...value };
      delete copy[name];
      continue;
    }
    const rest = deeper.get(name);
    if (!rest) continue;
    const inner = withoutReadOnly(value[name], rest);
    if (inner !== value[name]) {
      copy ??= { ...value };
      copy[name] = inner;
    }
  }
  return copy ?? value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
