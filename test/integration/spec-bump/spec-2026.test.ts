/**
 * The newest Batch spec removes the certificate operations (2026-10-01; its stand-in is the
 * 2026-shaped fixture, written by us from the facts of the published file). For this package that
 * is a stop, never a silent loss: `generate` with the repository overlay stops naming the overlay
 * action whose target is gone and writes nothing; spec:diff reports the removed methods and says
 * what a maintainer does (stay on the last version that has them). Generated without the overlay,
 * the spec's other endpoints work, and the most common way to change a resource — read it, change
 * a field, send it back — works against a stand-in service.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { type CliIo, runSpecDiff } from '../../../scripts/pipeline/spec-diff/cli.ts';
import type { GeneratedModule } from '../../../src/client/generated-module.js';
import { BatchSharedKeyCredential, createBatchClient } from '../../../src/index.js';
import { generatedTree } from '../../support/generated-tree.js';
import { useMswServer } from '../../support/msw-server.js';
import {
  referenceAuthorization,
  referenceRequestFromArrived,
} from '../../support/reference-shared-key.js';

const run = promisify(execFile);
const REPO = process.cwd();
const FIXTURE = 'test/fixtures/specs/batch-2026-10-01-shape.json';
const OVERLAY = 'openapi/BatchService.overlay.json';
const ROOT = join(REPO, '.tmp', `spec-bump-2026-${randomBytes(6).toString('hex')}`);
const ACCOUNT = 'myaccount';
const KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const ACCOUNT_URL = 'https://myaccount.westus.batch.azure.com';

const { server, requests } = useMswServer();

type Method = (...args: unknown[]) => Promise<unknown>;
type Groups = Record<string, Record<string, Method>>;

async function generate(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, ['scripts/generate.ts', '--spec', FIXTURE, '--quiet', ...args], {
      cwd: REPO,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

async function specDiff(args: string[]) {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    readFile: (path) => import('node:fs/promises').then((fs) => fs.readFile(path, 'utf8')),
  };
  return { code: await runSpecDiff(args, io), stdout };
}

let module2026: GeneratedModule;

beforeAll(async () => {
  await mkdir(ROOT, { recursive: true });
  // Generated once per content and shared with the full-spec suite (test/support/generated-tree.ts).
  const tree = await generatedTree({ spec: FIXTURE });
  module2026 = (await import(join(tree, 'index.ts'))) as GeneratedModule;
}, 60_000);

afterAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
});

describe('a spec without the certificate operations is a clear stop for this package', () => {
  it('generate with the repository overlay stops, names the overlay action and its target, says what to do, and writes nothing', async () => {
    const out = join(ROOT, 'with-overlay');
    const { code, stderr } = await generate(['--overlay', OVERLAY, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^generate failed: overlay action #1 \(Certificate - Add: .*\): target \$\.paths\['\/certificates'\]\.post matches nothing in the spec\n/,
    );
    expect(stderr).toContain('a package that ships it stays on the last spec version that has it');
    await expect(access(out)).rejects.toThrow();
  });

  it('spec:diff lists the removed methods and the overlay actions left without a target, and says to stay on the last version that has them', async () => {
    const args = ['openapi/BatchService.json', FIXTURE, '--overlay', OVERLAY];
    const { code, stdout } = await specDiff(args);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[4]).toBe(
      'operations: 0 matched by method and path (0 renamed), 5 removed, 15 added',
    );
    expect(lines[5]).toMatch(
      /^overlay: \d+ actions target nothing in 2026-10-01 \(#1, .*; #1 targets \$\.paths\['\/certificates'\]\.post\); npm run generate with this overlay stops at #1\.$/,
    );
    expect(lines[6]).toBe(
      `what to do: 2026-10-01 removes 5 operations that 2024-07-01.20.0 has (certificate.add(), certificate.cancelDeletion(), certificate.delete(), certificate.get(), certificate.list()). A package that ships them does not move to 2026-10-01: it stays on 2024-07-01.20.0, or bumps only as far as the last version that still has them, keeping its spec, overlay and generated/ as they are. For the other endpoints of 2026-10-01, generate a client into a folder of its own (npm run generate -- --spec ${FIXTURE} --no-overlay --out <folder>). Moving the package to 2026-10-01 anyway removes those methods: a breaking release.`,
    );
    expect(stdout).toContain(
      'BREAKING    BREAKING    removed  Certificate_Add — POST /certificates; method certificate.add() removed',
    );
    expect((await specDiff([...args, '--fail-on', 'client'])).code).toBe(1);
    const json = JSON.parse((await specDiff([...args, '--json'])).stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.overlayUnmatched[0]).toEqual({
      index: 1,
      target: "$.paths['/certificates'].post",
      description: expect.stringMatching(/^Certificate - Add: /),
    });
    expect(json.advice).toEqual([lines[5], lines[6]]);
  });

  it('the 2025 shape still has them: no advice, nothing unmatched', async () => {
    const shape2025 = 'test/fixtures/specs/batch-2025-06-01.21.0-shape.json';
    const { stdout } = await specDiff([
      'openapi/BatchService.json',
      shape2025,
      '--overlay',
      OVERLAY,
      '--json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ overlayUnmatched: [], advice: [] });
  });
});

describe('generated without the overlay: get, change, replace', () => {
  const JOB = {
    'odata.metadata': `${ACCOUNT_URL}/$metadata#jobs/@Element`,
    id: 'job-1',
    url: `${ACCOUNT_URL}/jobs/job-1`,
    eTag: '0x8DE0000000000A1',
    lastModified: '2026-10-02T03:04:05.000Z',
    creationTime: '2026-10-01T00:00:00.000Z',
    state: 'active',
    stateTransitionTime: '2026-10-01T00:00:00.000Z',
    priority: 100,
    maxParallelTasks: -1,
    constraints: { maxWallClockTime: 'PT2H', maxTaskRetryCount: 1 },
    commonEnvironmentSettings: [{ name: 'MODE', value: 'batch' }],
    poolInfo: { poolId: 'pool-1' },
    onAllTasksComplete: 'noaction',
    onTaskFailure: 'noaction',
    metadata: [{ name: 'owner', value: 'render' }],
    executionInfo: { startTime: '2026-10-01T00:00:01.000Z', poolId: 'pool-1' },
  };

  function client(): Groups {
    return createBatchClient<Groups>(
      module2026,
      ACCOUNT_URL,
      new BatchSharedKeyCredential(ACCOUNT, KEY),
      { now: () => Date.UTC(2026, 9, 2) },
    );
  }

  it('jobs.replace(id, { ...(await jobs.get(id)), priority }) sends the changeable properties only, signed, with the If-Match the caller took from the answer', async () => {
    let sent: unknown;
    server.use(
      http.get(`${ACCOUNT_URL}/jobs/job-1`, () =>
        HttpResponse.json(JOB, { headers: { ETag: JOB.eTag } }),
      ),
      http.put(`${ACCOUNT_URL}/jobs/job-1`, async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 200, headers: { ETag: '0x8DE0000000000A2' } });
      }),
    );
    const jobs = client().jobs!;
    const job = (await jobs.get!('job-1')) as typeof JOB & { lastModified: Date };
    expect(job.lastModified).toEqual(new Date('2026-10-02T03:04:05.000Z'));
    const headers = (await jobs.replace!(
      'job-1',
      { ...job, priority: 500 },
      { ifMatch: job.eTag },
    )) as { eTag?: string };
    expect(headers.eTag).toBe('0x8DE0000000000A2');
    expect(sent).toEqual({
      priority: 500,
      maxParallelTasks: -1,
      constraints: { maxWallClockTime: 'PT2H', maxTaskRetryCount: 1 },
      poolInfo: { poolId: 'pool-1' },
      onAllTasksComplete: 'noaction',
      metadata: [{ name: 'owner', value: 'render' }],
    });
    const put = requests[1]!;
    expect(put.headers.get('if-match')).toBe(JOB.eTag);
    expect(put.headers.get('content-type')).toBe('application/json; odata=minimalmetadata');
    expect(new URL(put.url).searchParams.get('api-version')).toBe('2026-10-01');
    expect(put.headers.get('authorization')).toBe(
      referenceAuthorization(await referenceRequestFromArrived(put), ACCOUNT, KEY),
    );
    expect(job.state).toBe('active'); // the caller's object keeps what it was given
  });

  it('a Task replace sends constraints, the one property of a Task that can change', async () => {
    let sent: unknown;
    const task = {
      id: 'task-1',
      url: `${ACCOUNT_URL}/jobs/job-1/tasks/task-1`,
      eTag: '0x1',
      lastModified: '2026-10-02T00:00:00.000Z',
      creationTime: '2026-10-02T00:00:00.000Z',
      state: 'running',
      stateTransitionTime: '2026-10-02T00:00:00.000Z',
      commandLine: '/bin/sh -c render',
      constraints: { maxTaskRetryCount: 0 },
      executionInfo: { retryCount: 0, requeueCount: 0 },
    };
    server.use(
      http.get(`${ACCOUNT_URL}/jobs/job-1/tasks/task-1`, () => HttpResponse.json(task)),
      http.put(`${ACCOUNT_URL}/jobs/job-1/tasks/task-1`, async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const tasks = client().tasks!;
    const got = (await tasks.get!('job-1', 'task-1')) as typeof task;
    await tasks.replace!('job-1', 'task-1', {
      ...got,
      constraints: { ...got.constraints, maxTaskRetryCount: 3 },
    });
    expect(sent).toEqual({ constraints: { maxTaskRetryCount: 3 } });
  });

  it('what is not the model is still refused, naming it, and nothing is sent', async () => {
    const error = await client().jobs!.replace!('job-1', { ...JOB, priorty: 1 }).catch(
      (e: unknown) => e,
    );
    expect((error as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ path: 'job.priorty', rule: 'additionalProperties' }),
    ]);
    expect(requests).toHaveLength(0);
  });
});
