/**
 * The words of rules that ajv can only describe abstractly, keyed by
 * `<validator id>#<schema path>` (the `schemaPath` ajv reports), so a validation message states
 * the rule in words instead of a regular expression or a schema pointer. Two sources:
 * - `x-batch-messages` (from the overlay, or the UUID words of the schema step): words by keyword
 *   at that node, e.g. `{ "pattern": "must be 1 to 40 hex digits" }`;
 * - one mechanical pattern, "field F must be absent when property X equals V", written in JSON
 *   Schema as `if: { properties: { X: { const: V } }, required: [X] }, then: { not: { required:
 *   [F] } }`. ajv reports it as a `not` failure at `<pointer>/then/not` on the parent object; the
 *   message names F as its `field`.
 */
import { type NamedSchema, RULE_WORDS } from './json-schemas.ts';
import type { Json } from './spec-model.ts';

export interface RuleMessage {
  /** The property the rule is about, when ajv reports the error on its parent object. */
  field?: string;
  message: string;
}

export function collectRuleMessages(schemas: readonly NamedSchema[]): Record<string, RuleMessage> {
  const found: Record<string, RuleMessage> = {};
  const walk = (id: string, node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Json;
    const rule = absentWhen(schema);
    if (rule) found[`${id}#${pointer}/then/not`] = rule;
    const words = schema[RULE_WORDS] as Record<string, unknown> | undefined;
    for (const [keyword, message] of Object.entries(words ?? {})) {
      if (typeof message !== 'string' || schema[keyword] === undefined) {
        throw new Error(
          `${RULE_WORDS} at ${id}#${pointer}: "${keyword}" needs a string and a rule of that keyword beside it`,
        );
      }
      found[`${id}#${pointer}/${keyword}`] = { message };
    }
    for (const [key, child] of Object.entries(schema)) {
      if (key !== RULE_WORDS) walk(id, child, `${pointer}/${key}`);
    }
  };
  for (const { id, schema } of schemas) walk(id, schema, '');
  return found;
}

function absentWhen(schema: Json): RuleMessage | undefined {
  const condition = schema.if as Json | undefined;
  const then = schema.then as Json | undefined;
  const not = then?.not as Json | undefined;
  const props = Object.entries((condition?.properties ?? {}) as Record<string, Json>);
  const absent = not?.required as string[] | undefined;
  if (props.length !== 1 || !absent || absent.length !== 1) return undefined;
  const [property, test] = props[0]!;
  if (!('const' in test)) return undefined;
  return {
    field: absent[0]!,
    message: `must be omitted when ${property} is ${JSON.stringify(test.const)}`,
  };
}
