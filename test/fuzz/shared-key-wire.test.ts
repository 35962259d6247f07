/**
 * Fuzz: 1,000+ random requests signed by the client and checked against an independent Shared
 * Key implementation (test/support/reference-shared-key.ts, node:crypto). The requests come from
 * random operation tables driven through `createBatchClient` — random methods, unicode path
 * values, query parameters in random order and letter case with unicode values, extra `ocp-*`
 * headers (padded, mixed case), bodies present or empty — and a custom fetch captures each request
 * exactly as it is handed to the network; the signature is recomputed from that capture.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createClient } from '../../generated/hey-api/client/index.js';
import {
  BatchSharedKeyCredential,
  createBatchClient,
  type GeneratedModule,
  type OperationSpec,
} from '../../src/index.js';
import type { ParameterSpec } from '../../src/table/operation-table.js';
import {
  referenceAuthorization,
  referenceRequestFromFetch,
  type WireRequestSnapshot,
} from '../support/reference-shared-key.js';
import { FUZZ_ACCOUNT, FUZZ_ACCOUNT_URL, FUZZ_KEY } from './support/fuzz-server.js';

const unicode = fc.string({ unit: 'grapheme', maxLength: 10 });
const nameChars = fc.constantFrom(...'abcxyzABCXYZ019-_$.'.split(''));
const paramName = fc.string({ unit: nameChars, minLength: 1, maxLength: 8 });
/** Header values fetch can send: tab, printable ASCII and Latin-1, padded or not. */
const headerValue = fc.string({
  unit: fc.oneof(
    fc.constantFrom(' ', '\t', ':', ',', '='),
    fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 16,
});

interface Scenario {
  method: string;
  segments: Array<{ literal: string } | { value: string; skipUrlEncoding: boolean }>;
  query: Array<[string, string]>;
  headers: Array<[string, string]>;
  body: unknown;
  nowMs: number;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  segments: fc.array(
    fc
      .oneof(
        fc.constantFrom('certificates', 'jobs', 'pools(id=1)', 'a b', 'ünï'),
        fc
          .record({ value: unicode, skipUrlEncoding: fc.boolean() })
          // Dot segments are refused by the client (see hardened-input.test.ts): as the whole
          // value, or, where `/` is kept (skipUrlEncoding), as any of its segments ("/./x").
          .filter((v) =>
            (v.skipUrlEncoding ? v.value.split('/') : [v.value]).every(
              (segment) => segment !== '.' && segment !== '..',
            ),
          )
          .map((v) => ({
            value: v.skipUrlEncoding ? `${v.value}/x y` : v.value,
            skipUrlEncoding: v.skipUrlEncoding,
          })),
      )
      .map((s) => (typeof s === 'string' ? { literal: s } : s)),
    { minLength: 1, maxLength: 4 },
  ),
  query: fc.uniqueArray(fc.tuple(paramName, unicode), {
    maxLength: 5,
    selector: ([name]) => name,
  }),
  headers: fc.uniqueArray(
    fc.tuple(
      paramName.map((n) => `Ocp-${n}`),
      headerValue,
    ),
    { maxLength: 4, selector: ([name]) => name.toLowerCase() },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 2 }),
    fc.record({ name: unicode }),
  ),
  nowMs: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }),
});

/** A one-operation table (and no validators: validation is off) for a scenario. */
function moduleFor(s: Scenario): GeneratedModule {
  const parameters: ParameterSpec[] = [];
  let path = '';
  s.segments.forEach((segment, i) => {
    if ('literal' in segment) {
      path += `/${encodeURIComponent(segment.literal)}`;
      return;
    }
    path += `/{p${i}}`;
    parameters.push({
      wireName: `p${i}`,
      clientName: `p${i}`,
      location: 'path',
      type: 'string',
      required: true,
      skipUrlEncoding: segment.skipUrlEncoding,
    });
  });
  for (const [i, [name]] of s.query.entries()) {
    parameters.push({
      wireName: name,
      clientName: `q${i}`,
      location: 'query',
      type: 'string',
      required: false,
    });
  }
  for (const [i, [name]] of s.headers.entries()) {
    parameters.push({
      wireName: name,
      clientName: `h${i}`,
      location: 'header',
      type: 'string',
      required: false,
    });
  }
  const operation: OperationSpec = {
    operationId: 'Fuzz_Call',
    sdkFunction: 'fuzzCall',
    group: 'fuzz',
    method: 'call',
    httpMethod: s.method,
    path,
    deprecated: false,
    apiVersion: '2024-07-01.20.0',
    parameters,
    body:
      s.method === 'GET' || s.method === 'DELETE'
        ? undefined
        : {
            clientName: 'body',
            required: false,
            contentType: 'application/json; odata=minimalmetadata',
          },
    successStatuses: [200],
    responseHeaders: [],
    responseBody: 'none',
    isExistenceCheck: false,
    secrets: [],
    validators: { parameters: 'none' },
  };
  return {
    operations: { Fuzz_Call: operation },
    validators: {},
    // What hey-api generates for an operation: a method of the SDK class that calls the client's
    // method with the path template and the caller's options (see generated/hey-api/sdk.gen.ts).
    sdk: {
      BatchSdk: class {
        readonly client: Record<string, (o: unknown) => unknown>;
        constructor(args: { client: never }) {
          this.client = args.client;
        }
        fuzzCall(options: Record<string, unknown>) {
          return this.client[s.method.toLowerCase()]!({
            url: path,
            ...options,
            headers: {
              'Content-Type': 'application/json; odata=minimalmetadata',
              ...(options.headers as object),
            },
          });
        }
      },
    },
    createClient,
  };
}

function argumentsFor(s: Scenario): unknown[] {
  const args: unknown[] = s.segments.flatMap((seg) => ('value' in seg ? [seg.value] : []));
  if (s.method !== 'GET' && s.method !== 'DELETE') args.push(s.body);
  const options: Record<string, unknown> = {};
  s.query.forEach(([, value], i) => {
    options[`q${i}`] = value;
  });
  s.headers.forEach(([, value], i) => {
    options[`h${i}`] = value;
  });
  args.push(options);
  return args;
}

describe('Shared Key signatures on the wire', () => {
  it('1,500 random requests: the signature matches an independent implementation', async () => {
    let checked = 0;
    let withQuery = 0;
    let withOcpHeaders = 0;
    let emptyPayload = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const captured: WireRequestSnapshot[] = [];
        const client = createBatchClient<{ fuzz: { call(...a: unknown[]): Promise<unknown> } }>(
          moduleFor(s),
          FUZZ_ACCOUNT_URL,
          new BatchSharedKeyCredential(FUZZ_ACCOUNT, FUZZ_KEY),
          {
            validation: false,
            now: () => s.nowMs,
            fetch: async (input, init) => {
              captured.push(referenceRequestFromFetch(input, init));
              return new Response(null, { status: 200 });
            },
          },
        );
        await client.fuzz.call(...argumentsFor(s));
        expect(captured).toHaveLength(1);
        const wire = captured[0]!;
        expect(wire.headers.get('ocp-date')).toBe(new Date(s.nowMs).toUTCString());
        expect(wire.headers.get('authorization')).toBe(
          referenceAuthorization(wire, FUZZ_ACCOUNT, FUZZ_KEY),
        );
        checked++;
        if (s.query.length > 1) withQuery++;
        if (s.headers.length > 0) withOcpHeaders++;
        if (s.method !== 'GET' && s.method !== 'DELETE' && s.body === undefined) emptyPayload++;
      }),
      { numRuns: 1_500 },
    );
    expect(checked).toBe(1_500);
    expect(Math.min(withQuery, withOcpHeaders, emptyPayload)).toBeGreaterThan(100);
  });
});
