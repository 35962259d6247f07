/**
 * What the stand-in service answers for an operation, from the independent spec reading (never
 * the operation table): the first success status, every declared response header (with the typed
 * value the client must turn it into), and a body — schema-derived JSON, two pages for
 * `x-ms-pageable`, bytes for downloads, nothing for the rest.
 */
import { formatMeaning } from './formats.js';
import type { SchemaSampler } from './schema-sample.js';
import type { ReadHeader, ReadOperation } from './spec-reading.js';

export interface PlannedHeader {
  readonly wire: string;
  /** What the client must return under the header's client name. */
  readonly typed: unknown;
}

/** Bytes that are not valid UTF-8 (0xff), so a text round trip would be caught. */
export function downloadBytes(read: ReadOperation): Uint8Array<ArrayBuffer> {
  const text = new TextEncoder().encode(`contents of ${read.operationId}\n`);
  return new Uint8Array([...text, 0x00, 0xff, 0x80, 0x7f]);
}

/**
 * Wire value and typed value of each declared header. `Content-Length` is the body's length when
 * there is a body (a larger one would leave the client waiting for bytes that never come).
 */
export function plannedHeaders(
  read: ReadOperation,
  bodyLength: number | undefined,
): Map<ReadHeader, PlannedHeader> {
  const result = new Map<ReadHeader, PlannedHeader>();
  for (const h of read.headers) result.set(h, plannedHeader(h, read.operationId, bodyLength));
  return result;
}

function plannedHeader(
  h: ReadHeader,
  operationId: string,
  bodyLength: number | undefined,
): PlannedHeader {
  const name = h.wireName.toLowerCase();
  if (name === 'content-length') {
    const n = bodyLength ?? 4096;
    return { wire: String(n), typed: n };
  }
  if (name === 'content-type') {
    return { wire: 'application/octet-stream', typed: 'application/octet-stream' };
  }
  const meaning = formatMeaning(h.format, `header ${h.wireName} of ${operationId}`);
  if (meaning === 'http-date') {
    return {
      wire: 'Thu, 04 Jan 2024 05:06:07 GMT',
      typed: new Date(Date.UTC(2024, 0, 4, 5, 6, 7)),
    };
  }
  if (meaning === 'date-time') {
    return {
      wire: '2024-01-04T05:06:07.890Z',
      typed: new Date(Date.UTC(2024, 0, 4, 5, 6, 7, 890)),
    };
  }
  if (h.format === 'uuid') {
    const id = '11111111-2222-4333-8444-555555555555';
    return { wire: id, typed: id };
  }
  if (meaning === 'date') {
    return { wire: '2024-01-04', typed: new Date(Date.UTC(2024, 0, 4)) };
  }
  if (h.type === 'boolean') return { wire: 'true', typed: true };
  if (h.type === 'integer' || h.type === 'number' || meaning === 'integer') {
    // int64 headers beyond 2^31 must still come back as numbers.
    return { wire: '8589934592', typed: 8589934592 };
  }
  return { wire: `${h.wireName} value`, typed: `${h.wireName} value` };
}

/** JSON body of a non-paged operation, from its response schema with every property filled. */
export function jsonBody(read: ReadOperation, sampler: SchemaSampler): unknown {
  if (!read.schemaName) return { note: `untyped body of ${read.operationId}` };
  return sampler.named(read.schemaName, { mode: 'full' });
}

/** The two pages: the first names the second through `nextLinkName` (when there is one). */
export function pagedBody(
  read: ReadOperation,
  sampler: SchemaSampler,
  page: 1 | 2,
  nextLink: string,
): Record<string, unknown> {
  const { itemName, nextLinkName } = read.pageable!;
  const list = sampler.resolveNamed(read.schemaName!);
  const itemsSchema = (list.properties as Record<string, Record<string, unknown>>)[itemName]!;
  const itemSchema = (itemsSchema.items ?? {}) as Record<string, unknown>;
  const item = sampler.sample(itemSchema, { mode: 'full', seed: `page-${page}` });
  if (page === 2 || !nextLinkName) return { [itemName]: [item] };
  return { [itemName]: [item], [nextLinkName]: nextLink };
}
