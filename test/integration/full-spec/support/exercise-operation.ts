/**
 * Calls one operation through the facade twice (every optional parameter; only the required
 * ones), plus the absent case of existence checks, and asserts the wire requests and the parsed
 * results against the call plan, the response plan and the reference Shared Key verifier.
 */
import { expect } from '@jest/globals';
import type { GeneratedModule } from '../../../../src/client/generated-module.js';
import type { CompiledValidator } from '../../../../src/client/validator-module.js';
import type { OperationSpec } from '../../../../src/table/operation-table.js';
import { type CallPlan, planCall } from './call-plan.js';
import { downloadBytes, plannedHeaders } from './response-plan.js';
import type { SchemaSampler } from './schema-sample.js';
import type { ReadOperation } from './spec-reading.js';
import { type ArrivedCall, PAGE_TWO, type TableService } from './table-service.js';

export const ACCOUNT_NAME = 'fullspecaccount';
export const ACCOUNT_URL = `https://${ACCOUNT_NAME}.westeurope.batch.azure.com`;
/** The client's clock and the `ocp-date` it must stamp when the caller gives none. */
export const NOW = Date.UTC(2024, 0, 3, 4, 5, 6);
export const NOW_WIRE = 'Wed, 03 Jan 2024 04:05:06 GMT';
/** What the client's injected `randomUUID` returns. */
export const GENERATED_REQUEST_ID = '5e5e5e5e-4d4d-4c3c-8b2b-1a1a1a1a1a1a';

type Method = (...args: unknown[]) => unknown;

/** Headers the fetch implementation adds on its own (the signature covers none but Content-Length). */
const ADDED_BY_FETCH = new Set([
  'accept-encoding',
  'accept-language',
  'cache-control',
  'connection',
  'content-length',
  'host',
  'pragma',
  'sec-fetch-mode',
]);

export interface Harness {
  readonly client: Record<string, Record<string, Method>>;
  readonly service: TableService;
  readonly sampler: SchemaSampler;
  readonly module: GeneratedModule;
  /** The independent reading of the spec, by operationId. */
  readonly spec: ReadonlyMap<string, ReadOperation>;
}

/** A body to call with, and the JSON that must arrive for it. */
export interface SampleBody {
  readonly value: unknown;
  readonly wire: unknown;
}

/**
 * The bodies an operation is called with: `minimal`, only what a request must carry; `full`, a
 * resource as `get` returns it (every property, `readOnly` ones included, dates as `Date`, with
 * `odata.metadata`), which must arrive without its `readOnly` properties and the annotation. Each wire form is checked against the generated
 * validator first: a body the spec allows that the validator refuses is a defect of its own.
 */
export function sampleBodies(
  h: Harness,
  op: OperationSpec,
): { minimal: SampleBody; full: SampleBody } | undefined {
  if (!op.body) return undefined;
  const name = op.body.schema;
  if (!name) return { minimal: { value: {}, wire: {} }, full: { value: {}, wire: {} } };
  const minimal = h.sampler.named(name, { mode: 'minimal' });
  const served = h.sampler.named(name, { mode: 'full' });
  // As `get` returns it: with the OData control information the service adds to every answer.
  const returned = h.sampler.asReturned(name, served);
  const bodies = {
    minimal: { value: minimal, wire: minimal },
    full: {
      value: isObject(returned)
        ? { 'odata.metadata': `${ACCOUNT_URL}/$metadata#${name}/@Element`, ...returned }
        : returned,
      wire: h.sampler.writable(name, served),
    },
  };
  const validate = h.module.validators[op.validators.body!] as CompiledValidator;
  for (const [variant, body] of Object.entries(bodies)) {
    if (!validate(body.wire)) {
      throw new Error(
        `the generated body validator refuses the ${variant} ${name} the spec allows: ${JSON.stringify(validate.errors)}`,
      );
    }
  }
  return bodies;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export async function exerciseOperation(h: Harness, op: OperationSpec): Promise<void> {
  const read = h.spec.get(op.operationId);
  if (!read) throw new Error(`${op.operationId} is not in the spec`);
  const bodies = sampleBodies(h, op);
  const pathTemplate = read.path;
  for (const variant of ['full', 'minimal'] as const) {
    const body = bodies?.[variant];
    const plan = planCall({ operation: op, pathTemplate, body: body?.value, variant });
    const before = h.service.calls.length;
    const result = await invoke(h, op, read, plan);
    const calls = h.service.calls.slice(before);
    expect(calls.length).toBe(read.pageable?.nextLinkName ? 2 : 1);
    for (const [index, call] of calls.entries()) {
      checkRequest(op, plan, call, variant, body?.wire, index === 1);
    }
    await checkResult(h, read, result, calls, variant);
  }
  if (read.kind === 'exists') {
    const plan = planCall({
      operation: op,
      pathTemplate,
      body: bodies?.minimal.value,
      variant: 'minimal',
      absent: true,
    });
    const before = h.service.calls.length;
    await expect(invoke(h, op, read, plan)).resolves.toBe(false);
    expect(h.service.calls.length).toBe(before + 1);
  }
}

async function invoke(
  h: Harness,
  op: OperationSpec,
  read: ReadOperation,
  plan: CallPlan,
): Promise<unknown> {
  const method = h.client[op.group]?.[op.method];
  if (typeof method !== 'function') throw new Error(`client.${op.group}.${op.method} is missing`);
  const result = method(...plan.args);
  if (read.kind !== 'paged') return result;
  const items: unknown[] = [];
  for await (const item of result as AsyncIterable<unknown>) items.push(item);
  return items;
}

function checkRequest(
  op: OperationSpec,
  plan: CallPlan,
  call: ArrivedCall,
  variant: 'full' | 'minimal',
  /** The JSON that must arrive as the body (undefined: none). */
  body: unknown,
  secondPage: boolean,
): void {
  const url = new URL(call.url);
  expect({ operation: call.operationId, method: call.method }).toEqual({
    operation: op.operationId,
    method: op.httpMethod,
  });
  expect(call.url.slice(url.origin.length).split('?')[0]).toBe(plan.path);
  const pairs = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = secondPage ? { ...plan.query, $skiptoken: PAGE_TWO } : plan.query;
  expect(pairs).toEqual(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const expected: Record<string, unknown> = {
    ...plan.headers,
    accept: 'application/json',
    'user-agent': expect.stringMatching(/^batch-rest-client\/\d+\.\d+\.\d+/),
    authorization: expect.stringMatching(
      new RegExp(`^SharedKey ${ACCOUNT_NAME}:[A-Za-z0-9+/]+=*$`),
    ),
    'ocp-date': plan.headers['ocp-date'] ?? NOW_WIRE,
  };
  if (variant === 'minimal' && op.parameters.some((p) => p.isClientRequestId)) {
    expected['client-request-id'] = GENERATED_REQUEST_ID;
  }
  if (op.body && body !== undefined) expected['content-type'] = op.body.contentType;
  const arrived = Object.fromEntries([...call.headers].filter(([n]) => !ADDED_BY_FETCH.has(n)));
  expect(arrived).toEqual(expected);
  expect(call.signatureValid).toBe(true);
  if (op.body && body !== undefined && !secondPage) expect(JSON.parse(call.bodyText)).toEqual(body);
  else expect(call.bodyText).toBe('');
}

async function checkResult(
  h: Harness,
  read: ReadOperation,
  result: unknown,
  calls: ArrivedCall[],
  variant: 'full' | 'minimal',
): Promise<void> {
  if (read.kind === 'exists') {
    expect(result).toBe(true);
    return;
  }
  if (read.kind === 'binary') {
    const bytes = downloadBytes(read);
    const download = result as {
      body: ReadableStream<Uint8Array>;
      headers: unknown;
      blob(): Promise<Blob>;
    };
    expect(download.headers).toEqual(typedHeaders(read, bytes.byteLength));
    expect(download.body).toBeInstanceOf(ReadableStream);
    const received =
      variant === 'full'
        ? new Uint8Array(await new Response(download.body).arrayBuffer())
        : new Uint8Array(await (await download.blob()).arrayBuffer());
    expect(received).toEqual(bytes);
    return;
  }
  if (read.kind === 'paged') {
    const { itemName, nextLinkName } = read.pageable!;
    const served = calls.flatMap(
      (c) =>
        (h.sampler.asReturned(read.schemaName!, c.answeredJson) as Record<string, unknown[]>)[
          itemName
        ]!,
    );
    expect(served).toHaveLength(nextLinkName ? 2 : 1);
    expect(result).toEqual(served);
    if (nextLinkName) {
      const link = (calls[0]!.answeredJson as Record<string, string>)[nextLinkName];
      expect(calls[1]!.url).toBe(new URL(link!).href);
    }
    return;
  }
  if (read.kind === 'json') {
    expect(result).toEqual(h.sampler.asReturned(read.schemaName!, calls[0]!.answeredJson));
    return;
  }
  expect(result).toEqual(typedHeaders(read, undefined));
}

/** The typed headers the client must return: `Date`s, numbers and booleans, by client name. */
function typedHeaders(
  read: ReadOperation,
  bodyLength: number | undefined,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [spec, planned] of plannedHeaders(read, bodyLength)) {
    result[spec.clientName] = planned.typed;
  }
  return result;
}
