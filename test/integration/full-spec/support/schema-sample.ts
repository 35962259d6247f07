/**
 * Builds sample values from the spec's own schemas, written for this test and sharing no code
 * with the pipeline:
 * - `minimal`: only the properties a request must carry (`required`, less the `readOnly` ones,
 *   which OpenAPI requires in answers only), the smallest arrays allowed — a valid request body;
 * - `full`: every declared property down to a depth limit, `readOnly` ones included — a rich
 *   answer, or a resource read with `get` and sent back.
 * Values follow `enum`, `type`, `format` by its meaning (support/formats.ts: an HTTP date, RFC 3339,
 * a UUID, ...; a format the suite does not know stops it, naming the format and where it was met),
 * `minimum`/`maximum`, `minLength`/`maxLength` and `minItems`. Deterministic: the same schema
 * always yields the same value; `seed` varies strings so two samples of one schema differ.
 */
import { formatMeaning, isDateMeaning } from './formats.js';
import { type Json, SchemaReader } from './schema-reader.js';

export interface SampleOptions {
  readonly mode: 'minimal' | 'full';
  /** Mixed into string values (e.g. `page-2`), so items of different pages are distinguishable. */
  readonly seed?: string;
  /** Depth below which `full` stops adding optional properties. Default 4. */
  readonly maxDepth?: number;
}

/** Where in a schema a value is, for errors (`BatchJob.poolInfo.autoPoolSpecification`). */
interface At {
  readonly depth: number;
  readonly seed: string;
  readonly where: string;
  readonly refs: ReadonlySet<string>;
}

export class SchemaSampler {
  readonly reader: SchemaReader;

  constructor(spec: Json) {
    this.reader = new SchemaReader(spec);
  }

  /** A sample of the named schema (`Pool`, `CloudPool`, ...). */
  named(name: string, options: SampleOptions): unknown {
    return this.#value(this.reader.ref(name), options, {
      depth: 0,
      seed: options.seed ?? 'x',
      where: name,
      refs: new Set(),
    });
  }

  /** The schema behind a named schema, `allOf` merged, for reading `properties`/`required`. */
  resolveNamed(name: string): Json {
    return this.reader.merge(this.reader.ref(name));
  }

  /** A sample of an unnamed schema; `where` names it in errors. */
  sample(schema: Json, options: SampleOptions, where = 'schema'): unknown {
    return this.#value(schema, options, {
      depth: 0,
      seed: options.seed ?? 'x',
      where,
      refs: new Set(),
    });
  }

  /**
   * What a client returns for `value` served as the named schema: the Azure SDK convention, every
   * RFC 3339 date-time (and full-date) string a `Date`; anything else as served.
   */
  asReturned(name: string, value: unknown): unknown {
    return this.#returned(this.reader.ref(name), value, name, new Set());
  }

  /**
   * What goes on the wire for `value` sent as the named schema: the same JSON without the
   * `readOnly` properties (the service sets them; the Azure SDKs' serializers leave them out),
   * at any depth.
   */
  writable(name: string, value: unknown): unknown {
    return this.#writable(this.reader.ref(name), value, new Set());
  }

  #returned(schema: Json, value: unknown, where: string, refs: Set<string>): unknown {
    if (typeof schema.$ref === 'string') {
      if (refs.has(schema.$ref)) return value;
      return this.#returned(
        this.reader.merge(schema),
        value,
        where,
        new Set(refs).add(schema.$ref),
      );
    }
    const s = this.reader.merge(schema);
    if (typeof value === 'string') {
      const meaning = formatMeaning(s.format as string | undefined, where);
      if (meaning === 'http-date') {
        throw new Error(
          `full-spec suite: an HTTP date inside a JSON body (${where}); the suite does not know what the client returns for it`,
        );
      }
      return isDateMeaning(meaning) ? new Date(value) : value;
    }
    if (Array.isArray(value)) {
      return value.map((item) => this.#returned((s.items ?? {}) as Json, item, `${where}[]`, refs));
    }
    if (value !== null && typeof value === 'object') {
      const props = (s.properties ?? {}) as Record<string, Json>;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          props[k] ? this.#returned(props[k], v, `${where}.${k}`, refs) : v,
        ]),
      );
    }
    return value;
  }

  #writable(schema: Json, value: unknown, refs: Set<string>): unknown {
    if (typeof schema.$ref === 'string') {
      if (refs.has(schema.$ref)) return value;
      return this.#writable(this.reader.merge(schema), value, new Set(refs).add(schema.$ref));
    }
    const s = this.reader.merge(schema);
    if (Array.isArray(value)) {
      return value.map((item) => this.#writable((s.items ?? {}) as Json, item, refs));
    }
    if (value === null || typeof value !== 'object') return value;
    const props = (s.properties ?? {}) as Record<string, Json>;
    const result: Json = {};
    for (const [k, v] of Object.entries(value)) {
      const prop = props[k];
      if (prop && this.reader.isReadOnly(prop)) continue;
      result[k] = prop ? this.#writable(prop, v, refs) : v;
    }
    return result;
  }

  #value(schema: Json, o: SampleOptions, at: At): unknown {
    if (typeof schema.$ref === 'string') {
      if (at.refs.has(schema.$ref) && o.mode === 'full') return undefined; // cycle
      const refs = new Set(at.refs).add(schema.$ref);
      return this.#value(this.reader.merge(schema), o, { ...at, refs });
    }
    const s = this.reader.merge(schema);
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null);
    if (s.type === 'array' || s.items) {
      const count = Math.max(Number(s.minItems ?? 1), 1);
      return Array.from({ length: count }, (_, i) =>
        this.#value((s.items ?? {}) as Json, o, {
          ...at,
          depth: at.depth + 1,
          seed: `${at.seed}${i}`,
          where: `${at.where}[]`,
        }),
      );
    }
    if (s.type === 'object' || s.properties) return this.#object(s, o, at);
    const meaning = formatMeaning(s.format as string | undefined, at.where);
    if (s.type === 'integer' || s.type === 'number') return this.#number(s);
    if (s.type === 'boolean') return true;
    if (meaning === 'integer') return '9007199254'; // an int64 the spec writes as a string
    return this.#string(s, at.seed);
  }

  #object(s: Json, o: SampleOptions, at: At): unknown {
    const result: Json = {};
    const required = new Set(this.reader.requiredInRequest(s));
    const props = (s.properties ?? {}) as Record<string, Json>;
    for (const [name, prop] of Object.entries(props)) {
      const wanted = required.has(name) || (o.mode === 'full' && at.depth < (o.maxDepth ?? 4));
      if (!wanted) continue;
      const value = this.#value(prop, o, {
        ...at,
        depth: at.depth + 1,
        seed: `${at.seed}-${name}`,
        where: `${at.where}.${name}`,
      });
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
      case 'date-time-rfc7231':
        return 'Mon, 04 Mar 2024 05:06:07 GMT';
      case 'date':
        return '2024-03-04';
      case 'uuid':
        return '7d4b2a9e-1c3f-4e5a-9b8c-0d1e2f3a4b5c';
      case 'duration':
        return 'PT1H2M3S';
      case 'byte':
        return 'c2FtcGxl';
      case 'uri':
      case 'url':
        return `https://example.test/${encodeURIComponent(seed)}`;
      case 'arm-id':
        return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/${encodeURIComponent(seed)}`;
      default: {
        const min = Number(s.minLength ?? 0);
        const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
        const text = `v-${seed}`.padEnd(min, 'x');
        return text.length > max ? text.slice(0, max) : text;
      }
    }
  }
}
