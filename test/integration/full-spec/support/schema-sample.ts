/**
 * Builds sample values from the spec's own schemas (Swagger 2.0 `definitions` or OpenAPI 3
 * `components.schemas`), written for this test and sharing no code with the pipeline:
 * - `minimal`: only `required` properties, the smallest arrays allowed — a valid request body;
 * - `full`: every declared property down to a depth limit — a rich response body.
 * Values follow `enum`, `type`, `format` (`date-time`, `uuid`, `int64`, `duration`, ...),
 * `minimum`/`maximum`, `minLength`/`maxLength` and `minItems`. Deterministic: the same schema
 * always yields the same value; `seed` varies strings so two samples of one schema differ.
 */

type Json = Record<string, unknown>;

export interface SampleOptions {
  readonly mode: 'minimal' | 'full';
  /** Mixed into string values (e.g. `page-2`), so items of different pages are distinguishable. */
  readonly seed?: string;
  /** Depth below which `full` stops adding optional properties. Default 4. */
  readonly maxDepth?: number;
}

export class SchemaSampler {
  readonly #spec: Json;

  constructor(spec: Json) {
    this.#spec = spec;
  }

  /** A sample of the named schema (`Pool`, `CloudPool`, ...). */
  named(name: string, options: SampleOptions): unknown {
    return this.sample({ $ref: `${this.#prefix()}${name}` }, options);
  }

  /** The schema behind a named schema, `allOf` merged, for reading `properties`/`required`. */
  resolveNamed(name: string): Json {
    return this.#merge(this.#resolve(`${this.#prefix()}${name}`));
  }

  /**
   * What a client returns for `value` served as the named schema: the Azure SDK convention, every
   * `format: date-time` string a `Date`; anything else as served.
   */
  asReturned(name: string, value: unknown): unknown {
    return this.#returned({ $ref: `${this.#prefix()}${name}` }, value, new Set());
  }

  #returned(schema: Json, value: unknown, refs: Set<string>): unknown {
    if (typeof schema.$ref === 'string') {
      if (refs.has(schema.$ref)) return value;
      return this.#returned(this.#merge(schema), value, new Set(refs).add(schema.$ref));
    }
    const s = this.#merge(schema);
    if (typeof value === 'string' && s.format === 'date-time') return new Date(value);
    if (Array.isArray(value)) {
      return value.map((item) => this.#returned((s.items ?? {}) as Json, item, refs));
    }
    if (value !== null && typeof value === 'object') {
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          props[k] ? this.#returned(props[k], v, refs) : v,
        ]),
      );
    }
    return value;
  }

  sample(schema: Json, options: SampleOptions): unknown {
    return this.#value(schema, options, 0, options.seed ?? 'x', new Set());
  }

  #prefix(): string {
    return typeof this.#spec.swagger === 'string' ? '#/definitions/' : '#/components/schemas/';
  }

  #resolve(ref: string): Json {
    let node: unknown = this.#spec;
    for (const part of ref.slice(2).split('/')) node = (node as Json)[part];
    if (node === undefined) throw new Error(`schema-sample: unresolved ${ref}`);
    return node as Json;
  }

  /** Follows `$ref`s and flattens `allOf` (Azure inheritance) into one schema. */
  #merge(schema: Json): Json {
    let current = schema;
    while (typeof current.$ref === 'string') current = this.#resolve(current.$ref);
    if (!Array.isArray(current.allOf)) return current;
    const { allOf, ...rest } = current;
    const properties: Json = {};
    const required: string[] = [];
    let type = rest.type;
    for (const part of allOf as Json[]) {
      const flat = this.#merge(part);
      Object.assign(properties, flat.properties ?? {});
      required.push(...((flat.required ?? []) as string[]));
      type ??= flat.type;
    }
    Object.assign(properties, rest.properties ?? {});
    required.push(...((rest.required ?? []) as string[]));
    return { ...rest, type, properties, required: [...new Set(required)] };
  }

  #value(schema: Json, o: SampleOptions, depth: number, seed: string, refs: Set<string>): unknown {
    if (typeof schema.$ref === 'string') {
      if (refs.has(schema.$ref) && o.mode === 'full') return undefined; // cycle
      return this.#value(this.#merge(schema), o, depth, seed, new Set(refs).add(schema.$ref));
    }
    const s = this.#merge(schema);
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null);
    if (s.type === 'array' || s.items) {
      const count = Math.max(Number(s.minItems ?? 1), 1);
      return Array.from({ length: count }, (_, i) =>
        this.#value((s.items ?? {}) as Json, o, depth + 1, `${seed}${i}`, refs),
      );
    }
    if (s.type === 'object' || s.properties) return this.#object(s, o, depth, seed, refs);
    if (s.type === 'integer' || s.type === 'number') return this.#number(s);
    if (s.type === 'boolean') return true;
    return this.#string(s, seed);
  }

  #object(s: Json, o: SampleOptions, depth: number, seed: string, refs: Set<string>): unknown {
    const result: Json = {};
    const required = new Set((s.required ?? []) as string[]);
    const props = (s.properties ?? {}) as Record<string, Json>;
    for (const [name, prop] of Object.entries(props)) {
      const wanted = required.has(name) || (o.mode === 'full' && depth < (o.maxDepth ?? 4));
      if (!wanted) continue;
      const value = this.#value(prop, o, depth + 1, `${seed}-${name}`, refs);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }

  #number(s: Json): number {
    const min = typeof s.minimum === 'number' ? s.minimum : undefined;
    const max = typeof s.maximum === 'number' ? s.maximum : undefined;
    let n = s.format === 'int64' ? 9_007_199_254 : s.type === 'integer' ? 3 : 2.5;
    if (min !== undefined && n < min) n = min;
    if (max !== undefined && n > max) n = max;
    return n;
  }

  #string(s: Json, seed: string): string {
    switch (s.format) {
      case 'date-time':
        return '2024-03-04T05:06:07.000Z';
      case 'date-time-rfc1123':
        return 'Mon, 04 Mar 2024 05:06:07 GMT';
      case 'date':
        return '2024-03-04';
      case 'uuid':
        return '7d4b2a9e-1c3f-4e5a-9b8c-0d1e2f3a4b5c';
      case 'duration':
        return 'PT1H2M3S';
      case 'byte':
        return 'c2FtcGxl';
      default: {
        const min = Number(s.minLength ?? 0);
        const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
        const text = `v-${seed}`.padEnd(min, 'x');
        return text.length > max ? text.slice(0, max) : text;
      }
    }
  }
}
