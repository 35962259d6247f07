/**
 * The client's TypeScript types, and when a change of one breaks code written against it. Pure.
 *
 * Options and response headers are typed by emit-client-api.ts (`parameterType`, `headerType`:
 * dates are `Date`, a csv list is `T[] | string`, ...). Bodies and results are hey-api's types of
 * the spec's models, which {@link jsonLeafType} follows for leaves: `date` and `date-time` are
 * `Date` (the transformers plugin), every other string format a `string`, integers and numbers a
 * `number`; property names are the wire names, and a request body leaves `readOnly` properties
 * out (hey-api's `…Writable` types).
 */
import type { Json } from '../spec-model.ts';
import type { Verdict } from './types.ts';

/** Which way values flow: the caller gives them (input) or receives them (output). */
export type Flow = 'input' | 'output';

/**
 * The client verdict of a type changed from `before` to `after` (TypeScript type texts; a union
 * is split at ` | `): an input keeps working if the new type accepts every old value (`string` →
 * `string[] | string`), an output if every new value fits the old type. Undefined: no change.
 */
export function compareClientTypes(
  before: string,
  after: string,
  flow: Flow,
): { verdict: Verdict; detail: string } | undefined {
  if (before === after) return undefined;
  const a = new Set(before.split(' | '));
  const b = new Set(after.split(' | '));
  const [from, to] = flow === 'input' ? [a, b] : [b, a];
  const fits = [...from].every((t) => to.has(t));
  const why = flow === 'input' ? 'accepts what it did' : 'gives only what it did';
  return {
    verdict: fits ? 'compatible' : 'breaking',
    detail: `type ${before} → ${after}${fits ? ` (still ${why})` : ''}`,
  };
}

/** hey-api's TypeScript type of a JSON leaf (enums aside: spec:diff compares their values). */
export function jsonLeafType(schema: Json): string {
  const t = schema.type;
  if (t === 'integer' || t === 'number') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'string' && (schema.format === 'date' || schema.format === 'date-time')) return 'Date';
  if (t === 'file' || schema.format === 'binary') return 'Blob | File';
  if (t === 'object') return 'object';
  if (t === undefined) return 'unknown';
  return 'string';
}
