/**
 * Paths inside a request body of the properties that carry a flag, for the operation table:
 * secrets (never printed) and `readOnly` properties (left out of the request). Pure.
 *
 * A path is dotted property names from the body's root, `[]` after a name meaning "each item of
 * that array": `poolInfo.autoPoolSpecification.pool.virtualMachineConfiguration.imageReference.exactVersion`,
 * `metadata[].name`. `allOf` parts and `$ref`s are followed; a schema met again on the same branch
 * (a recursive model) is not walked twice. Values of `additionalProperties` maps are not walked.
 */
import { compare, type Json, type SpecModel } from './spec-model.ts';

/** Whether a property, as written where it is declared and as its `$ref` resolves, has the flag. */
type PropertyTest = (written: Json, resolved: Json) => boolean;

const SECRET_NAME = /password|secret|accountkey|token/i;

/** Body paths of properties marked `x-ms-secret` or named like a secret, prefixed with the body's name. */
export function secretPaths(model: SpecModel, body: Json | undefined, bodyName: string): string[] {
  const isSecret: PropertyTest = (written, resolved) =>
    written['x-ms-secret'] === true || resolved['x-ms-secret'] === true;
  return flaggedPaths(model, body, bodyName, (name, written, resolved) => ({
    flagged: isSecret(written, resolved) || SECRET_NAME.test(name),
    descend: true, // a secret's parts are listed too (a password inside a secret settings object)
  }));
}

/**
 * Paths, relative to the body, of its `readOnly` properties: on the property, beside a `$ref`
 * (TypeSpec writes `{ "$ref": …, "readOnly": true }`) or on the schema it refers to. A read-only
 * property's own properties are not listed: it is left out whole.
 */
export function readOnlyPaths(model: SpecModel, body: Json | undefined): string[] {
  return flaggedPaths(model, body, '', (_name, written, resolved) => {
    const readOnly = written.readOnly === true || resolved.readOnly === true;
    return { flagged: readOnly, descend: !readOnly };
  });
}

function flaggedPaths(
  model: SpecModel,
  body: Json | undefined,
  root: string,
  test: (name: string, written: Json, resolved: Json) => { flagged: boolean; descend: boolean },
): string[] {
  const found = new Set<string>();
  const walk = (schema: Json | undefined, path: string, visiting: Set<string>): void => {
    if (!schema) return;
    if (typeof schema.$ref === 'string') {
      if (visiting.has(schema.$ref)) return;
      walk(model.resolve(schema.$ref), path, new Set(visiting).add(schema.$ref));
      return;
    }
    for (const part of (schema.allOf ?? []) as Json[]) walk(part, path, visiting);
    if (schema.items) walk(schema.items as Json, `${path}[]`, visiting);
    for (const [name, prop] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      const propPath = path === '' ? name : `${path}.${name}`;
      const { flagged, descend } = test(name, prop, model.deref(prop));
      if (flagged) found.add(propPath);
      if (descend) walk(prop, propPath, visiting);
    }
  };
  walk(body, root, new Set());
  return [...found].sort(compare);
}
