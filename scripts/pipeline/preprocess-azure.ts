/**
 * Makes a published Azure spec digestible for hey-api without changing its meaning:
 * - `x-ms-examples` (2.0) and example `$ref`s (3.x) point at files that are not shipped with the
 *   spec; hey-api aborts on unresolved `$ref`s, so they are dropped (examples are documentation);
 * - `x-ms-parameterized-host`: the account URL is supplied at run time, so any `host`/`servers`
 *   entry is replaced by one neutral placeholder the facade never uses.
 * Everything else (`x-ms-client-name`, `x-ms-enum`, `x-nullable`, Azure formats such as
 * `date-time-rfc1123`, `uuid`, `duration`) is read by our own steps from the original spec; hey-api
 * ignores what it does not know and types those formats as strings. Pure; returns a copy.
 */
import type { Json } from './spec-model.ts';

export function preprocessForHeyApi(spec: Json): Json {
  const copy = stripExamples(structuredClone(spec)) as Json;
  if (copy['x-ms-parameterized-host']) {
    if (typeof copy.swagger === 'string') {
      copy.host = 'batch.invalid';
      copy.basePath = '/';
      copy.schemes = ['https'];
    } else {
      copy.servers = [{ url: 'https://batch.invalid' }];
    }
  }
  return copy;
}

function stripExamples(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripExamples);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === 'x-ms-examples') continue;
    if ((key === 'examples' || key === 'example') && hasRef(value)) continue;
    out[key] = stripExamples(value);
  }
  return out;
}

function hasRef(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('"$ref"');
}
