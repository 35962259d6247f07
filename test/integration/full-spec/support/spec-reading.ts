/**
 * An independent reading of a spec document (OpenAPI 3 or Swagger 2.0), written for this suite
 * and sharing no code with the pipeline: per operation, what a correct client must do with the
 * answer. The stand-in service answers by this reading and the results are checked against it,
 * so a wrong operation table cannot agree with itself and pass.
 */

type Json = Record<string, unknown>;

/** How a successful answer is read: boolean, stream, pages, JSON, or typed headers only. */
export type AnswerKind = 'exists' | 'binary' | 'paged' | 'json' | 'headers';

export interface ReadHeader {
  readonly wireName: string;
  readonly clientName: string;
  readonly type: string;
  readonly format?: string;
}

export interface ReadOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly kind: AnswerKind;
  /** The first 2xx status the spec declares. */
  readonly status: number;
  readonly headers: readonly ReadHeader[];
  /** Named schema of the JSON answer (the page, for paged operations). */
  readonly schemaName?: string;
  readonly pageable?: { readonly itemName: string; readonly nextLinkName: string | null };
  /** Every parameter but `api-version` and the body, as `in:name` (`header:If-Match`), sorted. */
  readonly parameters: readonly string[];
  /** Whether there is a request body (`requestBody`, or a 2.0 `in: body` parameter). */
  readonly hasBody: boolean;
  /** Path parameters marked `x-ms-skip-url-encoding` (their value may span segments). */
  readonly spanning: readonly string[];
}

/** `ocp-batch-file-isdirectory` → `ocpBatchFileIsdirectory`, `ETag` → `eTag`. */
export function camel(name: string): string {
  const words = name
    .replace(/^\$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
}

export function readSpec(doc: Json): Map<string, ReadOperation> {
  const deref = (node: Json): Json => {
    let current = node;
    while (typeof current.$ref === 'string') {
      let target: unknown = doc;
      for (const part of current.$ref.slice(2).split('/')) target = (target as Json)[part];
      current = target as Json;
    }
    return current;
  };
  const result = new Map<string, ReadOperation>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of ['get', 'put', 'post', 'delete', 'head', 'patch', 'options']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const responses = op.responses as Record<string, Json>;
      const statuses = Object.keys(responses)
        .filter((s) => /^2\d\d$/.test(s))
        .sort();
      const successes = statuses.map((s) => deref(responses[s]!));
      const schemas = successes.flatMap((r) =>
        r.content
          ? Object.values(r.content as Record<string, Json>).map((c) => c.schema as Json)
          : r.schema
            ? [r.schema as Json]
            : [],
      );
      const isFile = schemas.some((s) => {
        const d = deref(s);
        return d.type === 'file' || d.format === 'binary' || d.format === 'file';
      });
      const pageable = op['x-ms-pageable'] as Json | undefined;
      const kind: AnswerKind =
        method === 'head' && responses['404'] !== undefined
          ? 'exists'
          : isFile
            ? 'binary'
            : pageable
              ? 'paged'
              : schemas.length > 0
                ? 'json'
                : 'headers';
      const headers = new Map<string, ReadHeader>();
      for (const r of successes) {
        for (const [wireName, raw] of Object.entries((r.headers ?? {}) as Record<string, Json>)) {
          const h = deref(raw);
          const schema = deref((h.schema ?? h) as Json);
          const explicit = h['x-ms-client-name'];
          headers.set(wireName.toLowerCase(), {
            wireName,
            clientName: typeof explicit === 'string' ? camel(explicit) : camel(wireName),
            type: String(schema.type ?? 'string'),
            format: schema.format as string | undefined,
          });
        }
      }
      const all = [
        ...((item.parameters ?? []) as Json[]),
        ...((op.parameters ?? []) as Json[]),
      ].map(deref);
      const params = all
        .filter((p) => p.in === 'path' && p['x-ms-skip-url-encoding'] === true)
        .map((p) => String(p.name));
      const ref = schemas[0]?.$ref;
      result.set(String(op.operationId), {
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path,
        kind,
        status: Number(statuses[0]),
        headers: [...headers.values()],
        spanning: params,
        parameters: [
          ...new Set(
            all
              .filter((p) => p.in !== 'body' && p.name !== 'api-version')
              .map((p) => `${p.in}:${p.name}`),
          ),
        ].sort(),
        hasBody: op.requestBody !== undefined || all.some((p) => p.in === 'body'),
        schemaName: typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined,
        pageable: pageable
          ? {
              itemName: (pageable.itemName as string | undefined) ?? 'value',
              nextLinkName: (pageable.nextLinkName as string | null | undefined) ?? null,
            }
          : undefined,
      });
    }
  }
  return result;
}
