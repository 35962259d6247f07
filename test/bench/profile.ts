/**
 * Profiling aid for a missed target (not part of `npm run bench`): runs one implementation against
 * the bench server under V8's CPU profiler and prints where its CPU went (`profile-summary.ts`):
 * by kind of code, by file, by function, each as a share of CPU time and as µs per call.
 *
 * `node test/bench/profile.ts <a|b|b-fetch|c|d> [calls=10000] [inFlight=1] [oursBundle]
 *   [--operation add|get] [--in-memory] [--interval <µs>=200] [--keep <dir>]`
 *
 * Builds the bundles with source maps (frames map back to `src/` and `generated/` files), starts
 * the server, spawns the throughput child for that implementation alone: 1,000 warm-up calls, then
 * `calls` measured ones, which alone are profiled (the child starts the profiler after the warm-up,
 * as `--cpu-prof` would from the start, so loading and JIT warm-up stay out of the figures). `oursBundle` replaces the bundle of `src/index.ts` with another ESM build (e.g. a
 * candidate fix bundled with esbuild); `--keep` copies the `.cpuprofile` there (for Chrome
 * DevTools or speedscope). `--in-memory` profiles the in-memory-fetch child (`overhead.ts`)
 * instead, sequentially: a, b-fetch or c, the client's own work without any transport.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { buildBundles } from './build-bundles.ts';
import { BENCH_DIR, runChild, startServer } from './child-process.ts';
import type { ImplementationName, OperationName } from './implementations.ts';
import type { OverheadConfig } from './overhead.ts';
import { formatSummary, summarizeProfile } from './profile-summary.ts';
import type { ThroughputConfig, ThroughputSample } from './throughput.ts';

const ROOT = resolve(BENCH_DIR, '../..');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      operation: { type: 'string', default: 'add' },
      interval: { type: 'string', default: '200' },
      keep: { type: 'string' },
      'in-memory': { type: 'boolean', default: false },
    },
  });
  const [implementation = 'b', calls = '10000', inFlight = '1', oursBundle] = positionals;
  process.env.BENCH_ACCOUNT_KEY = randomBytes(64).toString('base64');
  const temp = mkdtempSync(join(tmpdir(), 'batch-bench-profile-'));
  const server = await startServer();
  try {
    const bundles = await buildBundles(ROOT, temp, true);
    await esbuild.stop();
    const profileFile = join(temp, 'measured.cpuprofile');
    const operation = values.operation as OperationName;
    const name = implementation as ImplementationName;
    const ours = oursBundle ?? bundles.ours;
    const measured = values['in-memory']
      ? await runChild<number>('overhead.ts', {
          bundles: { ours, internals: bundles.internals },
          profile: {
            implementation: name,
            operation,
            calls: Number(calls),
            file: profileFile,
            intervalUs: Number(values.interval),
          },
        } satisfies OverheadConfig)
      : await runChild<ThroughputSample[]>('throughput.ts', {
          baseUrl: server.baseUrl,
          bundles: { ours, internals: bundles.internals },
          rounds: 1,
          count: Number(calls),
          warmup: 1000,
          modes: [{ name: `${inFlight} in flight`, inFlight: Number(inFlight) }],
          operations: [operation],
          only: name,
          profile: { file: profileFile, intervalUs: Number(values.interval) },
        } satisfies ThroughputConfig);
    const cpuUsPerCall = typeof measured === 'number' ? measured : measured[0]!.cpuUsPerRequest;
    const where =
      typeof measured === 'number'
        ? 'in memory'
        : `${inFlight} in flight, ${Math.round(measured[0]!.requestsPerSecond)} req/s`;
    if (values.keep) {
      mkdirSync(values.keep, { recursive: true });
      copyFileSync(
        profileFile,
        join(values.keep, `${implementation}-${values.operation}.cpuprofile`),
      );
    }
    console.log(
      `${implementation}, ${operation}, ${where}: ${cpuUsPerCall.toFixed(1)} µs CPU/call (under the profiler)\n`,
    );
    const summary = summarizeProfile(readFileSync(profileFile, 'utf8'), ROOT);
    console.log(formatSummary(summary, 25, cpuUsPerCall));
  } finally {
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
