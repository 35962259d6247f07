/**
 * `npm run test:runtimes`: the runtime matrix. The five certificate operations and the emulator
 * lifecycle (lifecycle.ts), with Shared Key, run inside Node 20, 22 and 24, Deno, Bun, workerd and
 * Chromium, each with its own `fetch`, against a fresh emulator per runtime served by Node on
 * loopback (harness-server.ts). Every step is checked against expected-steps.ts; the matrix gives
 * each runtime's version and passed/total, then every failed step with what it saw.
 *
 * The package is the packed tarball, installed into a temp project (as in the package smoke test):
 * Node, Deno and Bun import it from node_modules by their own resolution; workerd and Chromium get
 * a bundle of it made as Wrangler and browser bundlers make one.
 *
 * A runtime that is not on the machine is printed as `skipped: <runtime> (<why>)`, never counted as
 * passed; with `--require-all`, or when `CI` is set (as CI sets it), a skip fails the run. Exit
 * code 1 on any failed step or failed skip. `--only "Node 24,Deno"` runs the named runtimes only
 * (for a quick look; CI runs all).
 */

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { bundleForBrowser } from '../browser/bundle.ts';
import { installPacked, packPackage } from '../package/packed-package.ts';
import { checkReport } from './check-report.ts';
import { CHROMIUM, PAGE_FILE, PAGE_HTML } from './chromium.ts';
import { BUN, DENO, NODE_20, NODE_22, NODE_24 } from './command-line-runtimes.ts';
import { expectedSteps } from './expected-steps.ts';
import { startHarnessServer } from './harness-server.ts';
import type { RunContext, RuntimeTarget } from './runtime-target.ts';
import { WORKER_FILE, WORKERD } from './workerd.ts';

type TestingEntry = typeof import('../../src/testing/index.js');

const TARGETS: readonly RuntimeTarget[] = [NODE_20, NODE_22, NODE_24, DENO, BUN, WORKERD, CHROMIUM];

interface Outcome {
  readonly name: string;
  readonly version?: string;
  readonly skipped?: string;
  readonly passed: number;
  readonly total: number;
  readonly failures: readonly string[];
  readonly refusedOnTheWire: readonly string[];
}

/** Compiles the three hosts into the project (package imports kept), then bundles worker and page. */
async function compilePrograms(project: string): Promise<string> {
  const hosts = join(import.meta.dirname, 'hosts');
  await build({
    entryPoints: {
      'lifecycle-cli': join(hosts, 'command-line.ts'),
      'lifecycle-worker-entry': join(hosts, 'worker.ts'),
      'lifecycle-page-entry': join(hosts, 'page.ts'),
    },
    outdir: project,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['batch-rest-client', 'batch-rest-client/*'],
    tsconfigRaw: '{}',
    logLevel: 'silent',
  });
  // As Wrangler bundles a worker: its conditions, browser fields, no Node built-ins.
  await build({
    entryPoints: [join(project, 'lifecycle-worker-entry.mjs')],
    outfile: join(project, WORKER_FILE),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    logLevel: 'silent',
  });
  return (await bundleForBrowser(join(project, 'lifecycle-page-entry.mjs'))).code;
}

async function runTarget(
  target: RuntimeTarget,
  context: RunContext,
  testing: TestingEntry,
  page: string,
): Promise<Outcome> {
  const located = await target.locate(context);
  if ('skipped' in located)
    return {
      name: target.name,
      skipped: located.skipped,
      passed: 0,
      total: 0,
      failures: [],
      refusedOnTheWire: [],
    };
  const server = await startHarnessServer(testing, {
    '/': { type: 'text/html', body: PAGE_HTML },
    [`/${PAGE_FILE}`]: { type: 'text/javascript', body: page },
  });
  try {
    const report = await located.run(server.origin);
    return {
      name: target.name,
      version: located.version,
      ...checkReport(report, located, server.origin, server.records),
    };
  } catch (error) {
    const total = expectedSteps(server.origin).length + 1;
    return {
      name: target.name,
      version: located.version,
      passed: 0,
      total,
      failures: [String(error instanceof Error ? error.message : error)],
      refusedOnTheWire: server.records
        .filter((record) => record.status === 403)
        .map((record) => `${record.method} ${record.href} → 403`),
    };
  } finally {
    await server.close();
    await located.close?.();
  }
}

function printMatrix(outcomes: readonly Outcome[], requireAll: boolean): boolean {
  console.log(
    '\nruntime matrix: the five certificate operations and the emulator lifecycle, Shared Key',
  );
  for (const outcome of outcomes) {
    if (outcome.skipped) continue;
    const verdict = outcome.passed === outcome.total ? 'ok' : 'FAILED';
    console.log(
      `  ${outcome.name.padEnd(9)} ${(outcome.version ?? '').padEnd(44)} ${outcome.passed}/${outcome.total} passed  ${verdict}`,
    );
  }
  for (const outcome of outcomes.filter((item) => item.skipped)) {
    console.log(
      `  skipped: ${outcome.name} (${outcome.skipped})${requireAll ? '  FAILED: every runtime is required here' : ''}`,
    );
  }
  for (const outcome of outcomes.filter((item) => item.failures.length > 0)) {
    console.log(`\n${outcome.name} ${outcome.version}:`);
    for (const failure of outcome.failures) console.log(`  - ${failure}`);
    for (const line of outcome.refusedOnTheWire) console.log(`  - wire: ${line}`);
  }
  const ran = outcomes.filter((item) => !item.skipped);
  const failed = ran.filter((item) => item.passed < item.total).length;
  const skipped = outcomes.length - ran.length;
  console.log(`\nruntimes: ${ran.length - failed} passed, ${failed} failed, ${skipped} skipped`);
  return failed === 0 && (skipped === 0 || !requireAll);
}

/** The runtimes `--only` names (comma-separated), all of them by default. */
function selectTargets(only: string | undefined): readonly RuntimeTarget[] {
  if (only === undefined) return TARGETS;
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length > 0) {
    const known = TARGETS.map((target) => target.name).join(', ');
    throw new Error(`--only: no runtime named ${unknown.join(', ')} (the runtimes: ${known})`);
  }
  return TARGETS.filter((target) => names.includes(target.name));
}

/** The command line: which runtimes, and whether a skip fails the run. */
function parseCommandLine(): { targets: readonly RuntimeTarget[]; requireAll: boolean } {
  const { values } = parseArgs({
    options: { 'require-all': { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const requireAll = values['require-all'] || Boolean(process.env.CI && process.env.CI !== 'false');
  return { targets: selectTargets(values.only), requireAll };
}

async function main(targets: readonly RuntimeTarget[], requireAll: boolean): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'batch-rest-client-runtimes-'));
  try {
    const packed = packPackage(work);
    const project = join(work, 'project');
    await mkdir(project);
    await installPacked(project, join(work, packed.filename));
    const page = await compilePrograms(project);
    const resolveFromProject = createRequire(join(project, 'package.json')).resolve;
    const testing = (await import(
      pathToFileURL(resolveFromProject('batch-rest-client/testing')).href
    )) as TestingEntry;
    const context: RunContext = { project, work };
    const outcomes: Outcome[] = [];
    for (const target of targets) {
      const started = Date.now();
      const outcome = await runTarget(target, context, testing, page);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        outcome.skipped
          ? `${target.name}: skipped`
          : `${target.name} ${outcome.version}: ${outcome.passed}/${outcome.total} (${seconds} s)`,
      );
      outcomes.push(outcome);
    }
    if (!printMatrix(outcomes, requireAll)) process.exitCode = 1;
  } finally {
    if (process.env.KEEP_RUNTIMES_DIR) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

let commandLine: ReturnType<typeof parseCommandLine> | undefined;
try {
  commandLine = parseCommandLine();
} catch (error) {
  console.error(`test/runtimes/run.ts: ${(error as Error).message}`);
  process.exitCode = 2;
}
if (commandLine) {
  main(commandLine.targets, commandLine.requireAll).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
