/**
 * One read-only view over Swagger 2.0 and OpenAPI 3.x documents, so that every later step
 * (operation table, JSON Schemas, spec diff) is written once. Pure: no I/O.
 */

export type Json = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'body';
  required: boolean;
  description?: string;
  /** JSON-Schema-like schema (`$ref`s still point into the spec). */
  schema: Json;
  /** The raw parameter object, for `x-ms-*` extensions. */
  raw: Json;
}

export interface SpecResponse {
  status: string;
  description?: string;
  /** Body schema, or undefined when the response has no body. */
  schema?: Json;
  headers: { name: string; schema: Json; description?: string; raw: Json }[];
}

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  raw: Json;
  parameters: SpecParameter[];
  consumes: string[];
  responses: SpecResponse[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export class SpecModel {
  readonly doc: Json;
  readonly isSwagger2: boolean;

  constructor(doc: Json) {
    this.doc = doc;
    this.isSwagger2 = typeof doc.swagger === 'string';
    if (!this.isSwagger2 && typeof doc.openapi !== 'string') {
      throw new Error('spec: neither "swagger" nor "openapi" is set');
    }
  }

  get apiVersion(): string {
    return String((this.doc.info as Json | undefined)?.version ?? '');
  }

  /** Named schemas: `definitions` (2.0) or `components.schemas` (3.x). */
  get schemas(): Record<string, Json> {
    const d = this.isSwagger2
      ? this.doc.definitions
      : (this.doc.components as Json | undefined)?.schemas;
    return (d ?? {}) as Record<string, Json>;
  }

  /** The JSON pointer prefix named schemas live under. */
  get schemaRefPrefix(): string {
    return this.isSwagger2 ? '#/definitions/' : '#/components/schemas/';
  }

  resolve(ref: string): Json {
    if (!ref.startsWith('#/')) throw new Error(`spec: external $ref not supported: ${ref}`);
    let node: unknown = this.doc;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = (node as Json | undefined)?.[key];
    }
    if (node === undefined) throw new Error(`spec: unresolved $ref ${ref}`);
    return node as Json;
  }

  /** Follows `$ref`s until a schema that is not one (`{}` for none). */
  deref(node: Json | undefined): Json {
    let current = node ?? {};
    while (typeof current.$ref === 'string') current = this.resolve(current.$ref);
    return current;
  }

  operations(): SpecOperation[] {
    const result: SpecOperation[] = [];
    const paths = (this.doc.paths ?? {}) as Record<string, Json>;
    for (const [path, item] of Object.entries(paths)) {
      const shared = (item.parameters ?? []) as Json[];
      for (const method of HTTP_METHODS) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        if (typeof op.operationId !== 'string') {
          throw new Error(`spec: ${method.toUpperCase()} ${path} has no operationId`);
        }
        result.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          raw: op,
          parameters: this.parameters(shared, (op.parameters ?? []) as Json[], op),
          consumes: this.consumes(op),
          responses: this.responses(op),
        });
      }
    }
    return result.sort((a, b) => compare(a.operationId, b.operationId));
  }

  private parameters(shared: Json[], own: Json[], op: Json): SpecParameter[] {
    const byKey = new Map<string, SpecParameter>();
    for (const p of [...shared, ...own].map((x) => this.deref(x))) {
      const param = this.parameter(p);
      byKey.set(`${param.in}:${param.name}`, param);
    }
    const params = [...byKey.values()];
    const body = this.requestBody(op);
    if (body) params.push(body);
    return params;
  }

  private parameter(p: Json): SpecParameter {
    const location = p.in as SpecParameter['in'];
    let schema: Json;
    if (location === 'body' || !this.isSwagger2) {
      schema = (p.schema ?? {}) as Json;
    } else {
      const { name: _n, in: _i, required: _r, description: _d, ...rest } = p;
      schema = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('x-ms-')));
    }
    return {
      name: String(p.name),
      in: location,
      required: p.required === true,
      description: p.description as string | undefined,
      schema,
      raw: p,
    };
  }

  /** OpenAPI 3 `requestBody`, presented as a Swagger-2-style body parameter. */
  private requestBody(op: Json): SpecParameter | undefined {
    if (this.isSwagger2 || !op.requestBody) return undefined;
    const body = this.deref(op.requestBody as Json);
    const content = (body.content ?? {}) as Record<string, Json>;
    const first = Object.values(content)[0];
    const name =
      (op['x-codegen-request-body-name'] as string | undefined) ??
      (body['x-ms-requestBody-name'] as string | undefined) ??
      'body';
    return {
      name,
      in: 'body',
      required: body.required === true,
      description: body.description as string | undefined,
      schema: (first?.schema ?? {}) as Json,
      raw: { ...body, name },
    };
  }

  private consumes(op: Json): string[] {
    if (this.isSwagger2) return (op.consumes ?? this.doc.consumes ?? []) as string[];
    if (!op.requestBody) return [];
    return Object.keys((this.deref(op.requestBody as Json).content ?? {}) as Json);
  }

  private responses(op: Json): SpecResponse[] {
    const responses = (op.responses ?? {}) as Record<string, Json>;
    return Object.entries(responses).map(([status, r]) => {
      const response = this.deref(r);
      const headers = Object.entries((response.headers ?? {}) as Record<string, Json>).map(
        ([name, h]) => {
          const header = this.deref(h);
          const schema = this.isSwagger2
            ? Object.fromEntries(Object.entries(header).filter(([k]) => k !== 'description'))
            : ((header.schema ?? {}) as Json);
          return {
            name,
            schema,
            description: header.description as string | undefined,
            raw: header,
          };
        },
      );
      let schema: Json | undefined;
      if (this.isSwagger2) schema = response.schema as Json | undefined;
      else {
        const content = (response.content ?? {}) as Record<string, Json>;
        schema = Object.values(content)[0]?.schema as Json | undefined;
      }
      return { status, description: response.description as string | undefined, schema, headers };
    });
  }
}

/** Code-unit order: deterministic and locale-independent. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
