/**
 * A real spec bump: the 2025-shaped fixture (written by us from the facts of Microsoft's
 * TypeSpec-generated 2025-06-01.21.0 spec) generated with the repository's overlay keeps the public
 * contract of 2024-07-01.20.0 — the same methods, option names and types, deprecation codes and
 * texts, the lost-add read-back, a fresh client-request-id per request — while the wire follows
 * 2025 (`timeOut`, `api-version=2025-06-01.21.0`). Generated without an overlay, the names are
 * derived sensibly and deterministically. Every output type-checks under `tsc --strict`, and one
 * emulator serves both API versions.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { operations as shippedOperations } from '../../../generated/operations.js';
import type { GeneratedModule } from '../../../src/client/generated-module.js';
import {
  BatchSharedKeyCredential,
  createBatchClient,
  isBatchValidationError,
} from '../../../src/index.js';
import {
  createBatchEmulator,
  DEFAULT_EMULATED_SPEC,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type EmulatedSpec,
} from '../../../src/testing/index.js';
import { batchEmulatorHandlers } from '../../../src/testing/msw.js';
import { generatedTree } from '../../support/generated-tree.js';
import { useMswServer } from '../../support/msw-server.js';
import {
  referenceAuthorization,
  referenceRequestFromArrived,
} from '../../support/reference-shared-key.js';
import { typecheckOnce } from '../../support/typecheck-once.js';

const run = promisify(execFile);
const REPO = process.cwd();
const FIXTURE = 'test/fixtures/specs/batch-2025-06-01.21.0-shape.json';
const ROOT = join(REPO, '.tmp', `spec-bump-${randomBytes(6).toString('hex')}`);
const ACCOUNT = 'myaccount';
const KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const ACCOUNT_URL = 'https://myaccount.westus.batch.azure.com';
const THUMB = '0123456789abcdef0123456789abcdef01234567';
const ITEM = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMB})`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const { server, requests } = useMswServer();

type Method = (...args: unknown[]) => unknown;
type Groups = Record<string, Record<string, Method>>;

async function generate(name: string, extra: string[]): Promise<string> {
  const out = join(ROOT, name);
  await run(
    process.execPath,
    ['scripts/generate.ts', '--spec', FIXTURE, '--out', out, '--quiet', ...extra],
    {
      cwd: REPO,
    },
  );
  return out;
}

let withOverlay: GeneratedModule;
let withoutOverlay: GeneratedModule;

beforeAll(async () => {
  await mkdir(ROOT, { recursive: true });
  // Generated once per content (test/support/generated-tree.ts), copied where tsc's consumer
  // below imports them; the determinism test generates afresh.
  const [a, b] = await Promise.all([
    generatedTree({ spec: FIXTURE, overlay: 'openapi/BatchService.overlay.json' }),
    generatedTree({ spec: FIXTURE }),
  ]);
  await cp(a, join(ROOT, 'with-overlay'), { recursive: true });
  await cp(b, join(ROOT, 'without-overlay'), { recursive: true });
  withOverlay = (await import(join(a, 'index.ts'))) as GeneratedModule;
  withoutOverlay = (await import(join(b, 'index.ts'))) as GeneratedModule;
}, 60_000);

afterAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
});

function client2025(options: Record<string, unknown> = {}): Groups {
  let n = 0;
  return createBatchClient<Groups>(
    withOverlay,
    ACCOUNT_URL,
    new BatchSharedKeyCredential(ACCOUNT, KEY),
    {
      deprecationWarnings: 'off',
      sleep: async () => {},
      now: () => Date.UTC(2025, 6, 1),
      // A fresh id per request, as crypto.randomUUID gives (counted, so the test can see it).
      randomUUID: () => `9c4d50ee-2d56-4cd3-8152-${String(++n).padStart(12, '0')}`,
      ...options,
    },
  );
}

describe('with the repository overlay: the 2024 contract over the 2025 wire', () => {
  it('has certificate.add/list/get/delete/cancelDeletion, with the same deprecation codes and texts', () => {
    const names = Object.values(withOverlay.operations)
      .filter((op) => op.group === 'certificate')
      .map((op) => [`${op.group}.${op.method}`, op.deprecation])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    const shipped = Object.values(shippedOperations)
      .map((op) => [`${op.group}.${op.method}`, op.deprecation])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(names).toEqual(shipped);
    expect(names.map(([name]) => name)).toEqual([
      'certificate.add',
      'certificate.cancelDeletion',
      'certificate.delete',
      'certificate.get',
      'certificate.list',
    ]);
  });

  it('sends the 2025 wire names with the 2024 option names, signed, with a fresh client-request-id each time', async () => {
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, () => HttpResponse.json({ value: [] })),
      http.get(ITEM, () =>
        HttpResponse.json({ thumbprint: THUMB, stateTransitionTime: '2025-07-01T00:00:00Z' }),
      ),
    );
    const client = client2025();
    const ocpDate = new Date(Date.UTC(2025, 6, 1, 1, 2, 3));
    const listed = client.certificate!.list!({
      timeout: 20,
      maxResults: 5,
      filter: "state eq 'active'",
      select: 'thumbprint,state',
      ocpDate,
      returnClientRequestId: true,
    }) as AsyncIterable<unknown>;
    for await (const _ of listed) {
      // drain
    }
    const got = (await client.certificate!.get!('sha1', THUMB, { timeout: 5 })) as Record<
      string,
      unknown
    >;
    expect(got.stateTransitionTime).toEqual(new Date('2025-07-01T00:00:00Z'));
    const [list, get] = requests;
    const query = new URL(list!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      'api-version': '2025-06-01.21.0',
      timeOut: '20',
      maxresults: '5',
      $filter: "state eq 'active'",
      $select: 'thumbprint,state',
    });
    expect(list!.headers.get('ocp-date')).toBe(ocpDate.toUTCString());
    expect(list!.headers.get('return-client-request-id')).toBe('true');
    expect(new URL(get!.url).searchParams.get('timeOut')).toBe('5');
    const ids = requests.map((r) => r.headers.get('client-request-id'));
    expect(new Set(ids).size).toBe(2);
    for (const request of requests) {
      const arrived = await referenceRequestFromArrived(request);
      expect(request.headers.get('authorization')).toBe(
        referenceAuthorization(arrived, ACCOUNT, KEY),
      );
    }
  });

  it('sends a client-request-id of crypto.randomUUID by default, the same on every retry', async () => {
    let calls = 0;
    server.use(
      http.get(ITEM, () =>
        ++calls === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ thumbprint: THUMB }),
      ),
    );
    const client = createBatchClient<Groups>(
      withOverlay,
      ACCOUNT_URL,
      new BatchSharedKeyCredential(ACCOUNT, KEY),
      {
        deprecationWarnings: 'off',
        sleep: async () => {},
      },
    );
    await client.certificate!.get!('sha1', THUMB);
    const [first, second] = requests.map((r) => r.headers.get('client-request-id'));
    expect(first).toMatch(UUID);
    expect(second).toBe(first);
  });

  it('a 2024 option name the 2025 wire spells otherwise is not silently dropped: timeOut is refused', async () => {
    const error = await (
      client2025().certificate!.get!('sha1', THUMB, { timeOut: 5 }) as Promise<unknown>
    ).catch((e: unknown) => e);
    expect(isBatchValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });

  it('leaves the read-only properties of the shared model out of the create body: a certificate read with get is added to another account as it came back', async () => {
    // Two accounts on one emulator serving the 2025 shape; the emulator refuses any read-only
    // property a request carries, so a 201 there means none arrived.
    const emulator = createBatchEmulator({
      specs: [DEFAULT_EMULATED_SPEC, withOverlay as unknown as EmulatedSpec],
      accounts: [
        { name: EMULATOR_ACCOUNT_NAME, key: EMULATOR_ACCOUNT_KEY },
        { name: 'second', key: EMULATOR_ACCOUNT_KEY },
      ],
    });
    const second = 'https://second.westus.batch.azure.com';
    server.use(
      ...batchEmulatorHandlers(emulator, { baseUrl: ACCOUNT_URL }),
      ...batchEmulatorHandlers(emulator, { baseUrl: second }),
    );
    const options = { deprecationWarnings: 'off' as const };
    const from = createBatchClient<Groups>(
      withOverlay,
      ACCOUNT_URL,
      new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
      options,
    );
    const to = createBatchClient<Groups>(
      withOverlay,
      second,
      new BatchSharedKeyCredential('second', EMULATOR_ACCOUNT_KEY),
      options,
    );
    await from.certificate!.add!({
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      data: 'QUJD',
      certificateFormat: 'cer',
    });
    const got = (await from.certificate!.get!('sha1', THUMB)) as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(
      expect.arrayContaining(['url', 'state', 'stateTransitionTime', 'publicData']),
    );
    const copyOfGot = structuredClone(got);
    requests.length = 0;
    // The service never returns `data` and its format: the caller adds them, and sends the rest
    // back as it came (odata.metadata included).
    expect(got).not.toHaveProperty('data');
    expect(got).toHaveProperty(['odata.metadata']);
    await to.certificate!.add!({ ...got, data: 'QUJD', certificateFormat: 'cer' });
    const sent = (await requests[0]!.json()) as Record<string, unknown>;
    expect(Object.keys(sent).sort()).toEqual([
      'certificateFormat',
      'data',
      'thumbprint',
      'thumbprintAlgorithm',
    ]);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'POST', status: 201 });
    expect(emulator.certificate('second', THUMB)?.state).toBe('active');
    expect(got).toEqual(copyOfGot); // the caller's object is not changed
  });

  it('still refuses what is not the model: an unknown property next to the read-only ones is named, and nothing is sent', async () => {
    const error = await (
      client2025().certificate!.add!({
        thumbprint: THUMB,
        thumbprintAlgorithm: 'sha1',
        data: 'QUJD',
        certificateFormat: 'cer',
        state: 'active',
        stat: 'active',
      }) as Promise<unknown>
    ).catch((e: unknown) => e);
    expect(isBatchValidationError(error)).toBe(true);
    expect((error as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ path: 'certificate.stat', rule: 'additionalProperties' }),
    ]);
    expect(requests).toHaveLength(0);
  });

  it('keeps the lost-add read-back: a stored add answered 500 OperationTimedOut, then 409, resolves', async () => {
    let stored: Record<string, unknown> | undefined;
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, async ({ request }) => {
        if (stored) return HttpResponse.json({ code: 'CertificateExists' }, { status: 409 });
        stored = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ code: 'OperationTimedOut' }, { status: 500 });
      }),
      http.get(ITEM, () =>
        HttpResponse.json({ thumbprint: THUMB, thumbprintAlgorithm: 'sha1', state: 'active' }),
      ),
    );
    const result = await client2025().certificate!.add!({
      thumbprint: THUMB.toUpperCase().replace(/(..)/g, '$1 ').trim(),
      thumbprintAlgorithm: 'sha1',
      data: 'QUJD',
      certificateFormat: 'cer',
    });
    expect(result).toMatchObject({ recoveredFromConflict: true });
    expect(requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
    expect(stored?.thumbprint).toBe(THUMB.toUpperCase());
  });
});

describe('without an overlay: names derived from the TypeSpec operationIds', () => {
  it('drops the repeated group noun and is deterministic', async () => {
    const names = Object.values(withoutOverlay.operations)
      .map((op) => `${op.group}.${op.method}`)
      .sort();
    expect(names).toEqual([
      'certificates.cancelDeletion',
      'certificates.create',
      'certificates.delete',
      'certificates.get',
      'certificates.list',
      'jobs.terminate',
      'nodes.getFile',
      'nodes.getFileProperties',
      'pools.exists',
      'pools.get',
      'tasks.list',
    ]);
    const again = await generate('without-overlay-again', ['--no-overlay']);
    const files = ['operations.ts', 'client-api.ts', 'validators.js'];
    for (const file of files) {
      expect(await readFile(join(again, file), 'utf8')).toBe(
        await readFile(join(ROOT, 'without-overlay', file), 'utf8'),
      );
    }
  });

  it('renames a body called options, which would collide with the options bag', () => {
    const terminate = Object.values(withoutOverlay.operations).find(
      (op) => op.method === 'terminate',
    );
    expect(terminate?.body?.clientName).toBe('body');
  });
});

describe('one emulator serves 2024-07-01.20.0 and the 2025 shape', () => {
  it('checks each request against the spec of its api-version (timeout in 2024, timeOut in 2025)', async () => {
    // A generated module is an EmulatedSpec: its operations, validators and apiVersions.
    const emulator = createBatchEmulator({
      specs: [DEFAULT_EMULATED_SPEC, withOverlay as unknown as EmulatedSpec],
    });
    server.use(...batchEmulatorHandlers(emulator, { baseUrl: ACCOUNT_URL }));
    const credential = new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY);
    const options = { deprecationWarnings: 'off' as const };
    const c2025 = createBatchClient<Groups>(withOverlay, ACCOUNT_URL, credential, options);
    const c2024 = createBatchClient<Groups>(
      (await import('../../../src/client/shipped-module.js')).shippedModule,
      ACCOUNT_URL,
      credential,
      options,
    );
    const body = {
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      data: 'QUJD',
      certificateFormat: 'cer',
    };
    await c2025.certificate!.add!(body, { timeout: 10 });
    const fromOld = (await c2024.certificate!.get!('sha1', THUMB, { timeout: 10 })) as {
      state: string;
    };
    expect(fromOld.state).toBe('active');
    const versions = emulator.requests.map((r) => [
      new URL(r.url).searchParams.get('api-version'),
      r.status,
    ]);
    expect(versions).toEqual([
      ['2025-06-01.21.0', 201],
      ['2024-07-01.20.0', 200],
    ]);
    expect(new URL(emulator.requests[0]!.url).searchParams.get('timeOut')).toBe('10');
    // The 2024 parameter name on the 2025 version is not the 2025 spec's: the emulator says which.
    const signed = await emulator.handle(
      new Request(`${ACCOUNT_URL}/certificates?api-version=2025-06-01.21.0&timeOut=zero`),
    );
    expect(signed.status).toBeGreaterThanOrEqual(400);
  });
});

describe('every generated output type-checks under tsc --strict', () => {
  it('the fixture with and without the overlay, used through createBatchClient with the 2024 option names', async () => {
    const consumer = `// Written by test/integration/spec-bump; compiled with tsc --noEmit --strict.
import { BatchSharedKeyCredential } from '../../src/auth/batch-shared-key-credential.js';
import { createBatchClient } from '../../src/client/batch-client.js';
import type { OperationCallOptions } from '../../src/client/client-options.js';
import type { OperationGroups } from './with-overlay/client-api.js';
import * as generated from './with-overlay/index.js';
import type { OperationGroups as Derived } from './without-overlay/client-api.js';

type G = OperationGroups<OperationCallOptions>;
const client = createBatchClient<G>(generated, 'https://a.westus.batch.azure.com', new BatchSharedKeyCredential('a', 'a2V5'));
export async function contract(): Promise<void> {
  const headers = await client.certificate.add(
    { thumbprint: 'ab', thumbprintAlgorithm: 'sha1', data: 'QUJD', certificateFormat: 'cer' },
    { timeout: 30, clientRequestId: 'x', returnClientRequestId: true, ocpDate: new Date() },
  );
  const lastModified: Date | undefined = headers.lastModified;
  for await (const c of client.certificate.list({ filter: '', select: 'thumbprint', maxResults: 1 })) {
    const changed: Date | undefined = c.stateTransitionTime;
    void changed;
  }
  await client.certificate.get('sha1', 'ab', { select: ['thumbprint', 'state'] });
  await client.certificate.delete('sha1', 'ab', { timeout: 1 });
  await client.certificate.cancelDeletion('sha1', 'ab');
  // @ts-expect-error the 2025 wire name is not the option's name
  await client.certificate.get('sha1', 'ab', { timeOut: 1 });
  // @ts-expect-error ocpDate is a Date
  await client.certificate.get('sha1', 'ab', { ocpDate: 'yesterday' });
  void lastModified;
}
export type DerivedExists = Derived['pools']['exists'];
`;
    await writeFile(join(ROOT, 'consumer.ts'), consumer);
    await writeFile(
      join(ROOT, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { noEmit: true, strict: true, skipLibCheck: true },
        include: ['*.ts', 'with-overlay/**/*.ts', 'without-overlay/**/*.ts'],
      }),
    );
    // Once per jest run for these files: the other transport's project reuses the result.
    expect(await typecheckOnce(ROOT)).toEqual({ ok: true, output: '' });
  }, 120_000);
});
