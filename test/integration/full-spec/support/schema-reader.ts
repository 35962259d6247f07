/**
 * Reads a spec's own schemas (Swagger 2.0 `definitions` or OpenAPI 3 `components.schemas`) for
 * the suite: follows `$ref`s and flattens `allOf` (Azure inheritance). Written for this suite,
 * sharing no code with the pipeline.
 */

export type Json = Record<string, unknown>;

export class SchemaReader {
  readonly #spec: Json;

  constructor(spec: Json) {
    this.#spec = spec;
  }

  /** `#/definitions/` (Swagger 2.0) or `#/components/schemas/` (OpenAPI 3). */
  prefix(): string {
    return typeof this.#spec.swagger === 'string' ? '#/definitions/' : '#/components/schemas/';
  }

  /** A `$ref` to the named schema. */
  ref(name: string): Json {
    return { $ref: `${this.prefix()}${name}` };
  }

  resolve(ref: string): Json {
    let node: unknown = this.#spec;
    for (const part of ref.slice(2).split('/')) node = (node as Json)[part];
    if (node === undefined) throw new Error(`full-spec suite: unresolved ${ref}`);
    return node as Json;
  }

  /** Follows `$ref`s and flattens `allOf` into one schema. */
  merge(schema: Json): Json {
    let current = schema;
    while (typeof current.$ref === 'string') current = this.resolve(current.$ref);
    if (!Array.isArray(current.allOf)) return current;
    const { allOf, ...rest } = current;
    const properties: Json = {};
    const required: string[] = [];
    let type = rest.type;
    for (const part of allOf as Json[]) {
      const flat = this.merge(part);
      Object.assign(properties, flat.properties ?? {});
      required.push(...((flat.required ?? []) as string[]));
      type ??= flat.type;
    }
    Object.assign(properties, rest.properties ?? {});
    required.push(...((rest.required ?? []) as string[]));
    return { ...rest, type, properties, required: [...new Set(required)] };
  }

  /**
   * Whether a property is set by the service only: `readOnly` on the property, also beside a
   * `$ref` (TypeSpec writes `{ $ref, readOnly: true }`), or on the schema it refers to.
   */
  isReadOnly(property: Json): boolean {
    return property.readOnly === true || this.merge(property).readOnly === true;
  }

  /** Names in `required` that a request must carry (a `readOnly` one is required in answers only). */
  requiredInRequest(schema: Json): string[] {
    const merged = this.merge(schema);
    const props = (merged.properties ?? {}) as Record<string, Json>;
    return ((merged.required ?? []) as string[]).filter(
      (name) => !(props[name] && this.isReadOnly(props[name])),
    );
  }
}
