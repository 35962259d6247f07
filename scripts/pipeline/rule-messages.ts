/**
 * Human messages for schema rules that ajv can only describe abstractly. One mechanical pattern
 * is recognised: "field F must be absent when property X equals V", written in JSON Schema as
 * `if: { properties: { X: { const: V } }, required: [X] }, then: { not: { required: [F] } }`.
 * ajv reports it as a `not` failure at `<pointer>/then/not`; the client turns that into an issue
 * on F with this message. Keys are `<validator id>#<schema path>`.
 */
import type { NamedSchema } from './json-schemas.ts';
import type { Json } from './spec-model.ts';

export interface RuleMessage {
  field: string;
  message: string;
}

export function collectRuleMessages(schemas: readonly NamedSchema[]): Record<string, RuleMessage> {
  const found: Record<string, RuleMessage> = {};
  const walk = (id: string, node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const schema = node as Json;
    const rule = absentWhen(schema);
    if (rule) found[`${id}#${pointer}/then/not`] = rule;
    for (const [key, child] of Object.entries(schema)) walk(id, child, `${pointer}/${key}`);
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
