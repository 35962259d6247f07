/**
 * Turns spec schemas into JSON Schemas (draft-07, what ajv compiles by default): one root per
 * request body, per operation's parameters (keyed by client name) and per response shape, and the
 * shared schemas the roots reach, each converted once: validators compile each shared schema into
 * one function the roots call (`compile-validators.ts`), so they grow with the spec's schemas, not
 * with operations × schemas.
 *
 * Conversions, all mechanical:
 * - a `$ref` to a named schema becomes a `$ref` to that definition's own schema, `$id`
 *   `def.<Name>`, or `shape.<Name>` for its lenient shape (same name, other rules, other id);
 * - a parameter's rules are a shared schema too, `param.<clientName>` (`timeout`,
 *   `clientRequestId`... are the same in every operation), `param.<clientName>.2`... when
 *   operations give a parameter of that name other rules;
 * - `x-nullable` (2.0) / `nullable` (3.0) allow `null`;
 * - `x-ms-enum` with `modelAsString: true` is an open enum, so `enum` is dropped;
 * - objects with declared properties reject unknown ones (`additionalProperties: false`), with
 *   `allOf` parts merged first so inheritance still works;
 * - a `readOnly` property (set by the service; TypeSpec specs share one model between `get`'s
 *   answer and a create or replace body) is refused in a request body, naming it, and is never
 *   required there even when `required` lists it (OpenAPI: required in answers only). The client
 *   leaves such properties out before validating (src/client/call-arguments.ts), so the refusal
 *   speaks to requests that did not come through it (the emulator's);
 * - formats become explicit keywords: `uuid` a pattern, `int32` its range, `byte` a base64 check
 *   (`base64`), date-time parameters a `Date` check (`instanceofDate`) and date-times in bodies a
 *   `Date` or RFC 3339 text (`dateOrString`) — code-generating ajv keywords, inlined with no
 *   runtime helper; other formats are documentation;
 * - `x-batch-max-bytes` (overlay: a size limit in decoded bytes of a base64 string) becomes the
 *   `maxBytes` keyword;
 * - `x-batch-messages` (overlay: the words for a rule, by keyword) is kept as an annotation, and
 *   the rule-messages step collects it; the UUID pattern gets its words here;
 * - descriptions and other `x-*` extensions are dropped (the schema is for checking, not reading).
 *
 * Response bodies get a second, lenient kind of schema, a *shape* (`shape()`): only the JSON types
 * (`type`, `items`, `properties`, `additionalProperties` schemas). It tells whether a success body
 * can be the declared result at all — an empty body, a string where an object is promised, a
 * `value` that is not an array — without refusing what a newer service may add or omit (unknown
 * properties, missing properties, new enum values, other formats). The formats that become
 * `Date`s in the result are checked there (`dateText`): a `date-time` must be RFC 3339 with a time
 * zone offset and a `date` an RFC 3339 full-date, so the `Date` is the same instant on every host
 * (text without an offset would be read in the host's time zone).
 */
import { isDateFormat } from '../../src/table/formats.ts';
import type { OperationSpec } from '../../src/table/operation-table.ts';
import { compare, type Json, type SpecModel } from './spec-model.ts';

export const UUID_PATTERN =
  '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';
const UUID_WORDS =
  'must be a UUID: 32 hex digits in groups of 8-4-4-4-12 separated by hyphens, without braces';
const INT32 = { minimum: -2147483648, maximum: 2147483647 };

/** The annotation keyword that carries a rule's words (see rule-messages.ts). */
export const RULE_WORDS = 'x-batch-messages';
const KEEP = new Set([
  'type',
  'enum',
  'const',
  'default',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
  'not',
  'if',
  'then',
  'else',
  'anyOf',
  'oneOf',
]);

/** The keywords a shape keeps (see the module comment). */
const SHAPE_KEEP = new Set(['type', 'anyOf', 'oneOf']);

export interface NamedSchema {
  id: string;
  schema: Json;
}

/**
 * What the validators are compiled from: the roots (one per validator id of the operation table,
 * exported) and the shared schemas they reach (`def.`, `shape.`, `param.`; not exported).
 */
export interface SchemaSet {
  roots: NamedSchema[];
  definitions: NamedSchema[];
}

/** The kinds of shared schema: strict definitions, their shapes, and operation parameters. */
export type SharedKind = 'def' | 'shape' | 'param';

/** The id of a shared schema, e.g. `def.CertificateAddParameter`, `shape.Certificate`. */
export function sharedId(kind: SharedKind, name: string): string {
  // A plain name keeps `$ref` resolution trivial: one relative segment, the same from any base.
  // Dots are plain in a URI segment; TypeSpec specs name definitions `Azure.Core.eTag`.
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new Error(`spec: schema name "${name}" is not a plain name (letters, digits, _, . or -)`);
  }
  return `${kind}.${name}`;
}

export class SchemaConverter {
  private readonly model: SpecModel;
  /** Every shared schema reached so far, by id. */
  private readonly shared = new Map<string, Json>();
  private shapeOnly = false;

  constructor(model: SpecModel) {
    this.model = model;
  }

  /** The lenient shape of a response body (see the module comment), as a root schema. */
  shape(id: string, schema: Json): NamedSchema {
    this.shapeOnly = true;
    try {
      return this.root(id, schema);
    } finally {
      this.shapeOnly = false;
    }
  }

  /** A root schema; the named schemas it reaches are `$ref`s to {@link definitions}. */
  root(id: string, schema: Json, clientValues = false): NamedSchema {
    return { id, schema: { $id: id, ...this.convert(schema, clientValues) } };
  }

  /** Every shared schema the roots converted so far reach, each once, sorted by id. */
  definitions(): NamedSchema[] {
    return [...this.shared.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([id, schema]) => ({ id, schema }));
  }

  /** `open`: inside `if`/`not`/`anyOf`..., where an object must not become closed. */
  private convert(schema: Json, clientValue: boolean, open = false): Json {
    // In a request body a read-only property is refused, naming it (see the module comment).
    if (!this.shapeOnly && !clientValue && schema.readOnly === true)
      return { readOnlyProperty: true };
    if (typeof schema.$ref === 'string') return this.reference(schema.$ref);
    const merged = this.mergeAllOf(schema);
    const out: Json = {};
    for (const [key, value] of Object.entries(merged)) {
      if (!(this.shapeOnly ? SHAPE_KEEP : KEEP).has(key)) continue;
      if (key === 'not' || key === 'if' || key === 'then' || key === 'else') {
        out[key] = this.convert(value as Json, clientValue, true);
      } else if (key === 'anyOf' || key === 'oneOf') {
        out[key] = (value as Json[]).map((s) => this.convert(s, clientValue, true));
      } else if (key === 'default') {
        // defaults are applied by the service; never injected into the caller's data
      } else {
        out[key] = value;
      }
    }
    if (this.shapeOnly) return this.shapeRest(merged, out, clientValue);
    if (typeof merged['x-batch-max-bytes'] === 'number') out.maxBytes = merged['x-batch-max-bytes'];
    if (merged['x-batch-messages'] !== undefined) {
      out[RULE_WORDS] = structuredClone(merged['x-batch-messages']);
    }
    const xEnum = merged['x-ms-enum'] as Json | undefined;
    if (xEnum?.modelAsString === true) delete out.enum;
    if (merged.type === 'file') delete out.type;
    if (out.type === undefined && !open && (merged.properties || merged.required)) {
      out.type = 'object'; // Swagger specs often leave the object type implicit
    }
    if (merged.items) out.items = this.convert(merged.items as Json, clientValue);
    if (merged.properties) {
      const props: Json = {};
      for (const [name, prop] of Object.entries(merged.properties as Record<string, Json>)) {
        props[name] = this.convert(prop, clientValue, open);
      }
      out.properties = props;
      if (merged.additionalProperties === undefined && !open) out.additionalProperties = false;
      if (Array.isArray(out.required)) {
        const required = (out.required as string[]).filter(
          (name) => !isReadOnly(this.model, (merged.properties as Record<string, Json>)[name]),
        );
        if (required.length > 0) out.required = required;
        else delete out.required;
      }
    }
    if (merged.additionalProperties !== undefined) {
      const ap = merged.additionalProperties;
      out.additionalProperties =
        typeof ap === 'object' && ap !== null ? this.convert(ap as Json, clientValue) : ap;
    }
    this.applyFormat(out, merged.format as string | undefined, clientValue);
    if (merged['x-nullable'] === true || merged.nullable === true) allowNull(out);
    return out;
  }

  /** The rest of a shape: nested types only; objects stay open. */
  private shapeRest(merged: Json, out: Json, clientValue: boolean): Json {
    if (merged.type === 'file') delete out.type;
    if (out.type === undefined && (merged.properties || merged.required)) out.type = 'object';
    if (merged.items) out.items = this.convert(merged.items as Json, clientValue);
    if (merged.properties) {
      const props: Json = {};
      for (const [name, prop] of Object.entries(merged.properties as Record<string, Json>)) {
        props[name] = this.convert(prop, clientValue);
      }
      out.properties = props;
    }
    const ap = merged.additionalProperties;
    if (typeof ap === 'object' && ap !== null)
      out.additionalProperties = this.convert(ap as Json, clientValue);
    // hey-api's transformers turn exactly these two formats into `Date`s (`new Date(text)`), so
    // the text must name one instant on every host: RFC 3339 with its offset, or a date alone
    // (which JavaScript reads as UTC). HTTP-date formats stay text in a body: not checked.
    const format = merged.format;
    if ((format === 'date-time' || format === 'date') && out.type === 'string') {
      out.dateText = format;
    }
    if (merged['x-nullable'] === true || merged.nullable === true) allowNull(out);
    return out;
  }

  private applyFormat(out: Json, format: string | undefined, clientValue: boolean): void {
    if (format === 'uuid' && out.pattern === undefined) {
      out.pattern = UUID_PATTERN;
      out[RULE_WORDS] = { ...(out[RULE_WORDS] as Json | undefined), pattern: UUID_WORDS };
    }
    if (format === 'byte') out.base64 = true;
    if (format === 'int32') {
      if (out.minimum === undefined) out.minimum = INT32.minimum;
      if (out.maximum === undefined) out.maximum = INT32.maximum;
    }
    if (clientValue && isDateFormat(format)) {
      delete out.type;
      out.instanceofDate = true;
    } else if (isDateFormat(format) && out.type === 'string') {
      // A body takes the model's `Date` (sent as ISO 8601 by JSON.stringify) or the text.
      delete out.type;
      out.dateOrString = true;
    }
  }

  private reference(ref: string): Json {
    const id = sharedId(this.shapeOnly ? 'shape' : 'def', ref.slice(ref.lastIndexOf('/') + 1));
    if (!this.shared.has(id)) {
      this.shared.set(id, {}); // placeholder breaks cycles
      this.shared.set(id, { $id: id, ...this.convert(this.model.resolve(ref), false) });
    }
    return { $ref: id };
  }

  /** Flattens `allOf` (inheritance in Azure specs) into one object schema. */
  private mergeAllOf(schema: Json): Json {
    if (!Array.isArray(schema.allOf)) return schema;
    const { allOf, ...rest } = schema;
    const result: Json = { ...rest };
    const properties: Json = {};
    const required = new Set<string>((rest.required ?? []) as string[]);
    for (const part of allOf as Json[]) {
      let resolved = part;
      while (typeof resolved.$ref === 'string') resolved = this.model.resolve(resolved.$ref);
      const flat = this.mergeAllOf(resolved);
      Object.assign(properties, flat.properties ?? {});
      for (const r of (flat.required ?? []) as string[]) required.add(r);
      if (flat.type && !result.type) result.type = flat.type;
    }
    Object.assign(properties, rest.properties ?? {});
    result.properties = properties;
    if (required.size > 0) result.required = [...required].sort(compare);
    return result;
  }

  /**
   * Parameters of one operation as an object schema keyed by client name (dates as `Date`), each
   * parameter's rules a shared `param.` schema.
   */
  parameters(
    operation: Pick<OperationSpec, 'parameters' | 'validators'>,
    wireSchemas: ReadonlyMap<string, Json>,
  ): NamedSchema {
    const properties: Json = {};
    const required: string[] = [];
    for (const p of operation.parameters) {
      const wire = wireSchemas.get(`${p.location}:${p.wireName}`) ?? {};
      properties[p.clientName] = this.parameter(p.clientName, this.convert(wire, true));
      if (p.required) required.push(p.clientName);
    }
    const schema: Json = { $id: operation.validators.parameters, type: 'object' };
    if (required.length > 0) schema.required = required;
    schema.properties = properties;
    schema.additionalProperties = false;
    return { id: operation.validators.parameters, schema };
  }

  /** `param.<name>` for the first rules of a parameter met, `param.<name>.2`... for other rules. */
  private parameter(name: string, converted: Json): Json {
    if (typeof converted.$ref === 'string') return converted; // already a shared definition
    const key = JSON.stringify(converted);
    for (let n = 1; ; n++) {
      const id = n === 1 ? sharedId('param', name) : `${sharedId('param', name)}.${n}`;
      const known = this.shared.get(id);
      if (known === undefined) this.shared.set(id, { $id: id, ...converted });
      else {
        const { $id: _, ...rest } = known;
        if (JSON.stringify(rest) !== key) continue;
      }
      return { $ref: id };
    }
  }
}

/**
 * A property the service sets: `readOnly` on it, beside its `$ref`, or on the schema it refers to.
 * OpenAPI: one listed in `required` is required in answers only, never in a request.
 */
function isReadOnly(model: SpecModel, property: Json | undefined): boolean {
  return property?.readOnly === true || model.deref(property).readOnly === true;
}

function allowNull(out: Json): void {
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
}
