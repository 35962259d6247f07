/**
 * Profiling aid for a missed target (not part of `npm run bench`): runs one implementation against
 * the bench server under V8's CPU profiler and prints where its CPU went (`profile-summary.ts`):
 * by kind of code, by file, by function, each as a share of CPU time and as µs per call.
 *
 * `node test/bench/profile.ts <a|b|b-fetch|c|d> [calls=10000] [inFlight=1] [oursBundle]
 *   [--operation add|get] [--interval <µs>=100] [--keep <dir>]`
 *
 * Builds the bundles with source maps (frames map back to `src/` and `generated/` files), starts
 * the server, spawns the throughput child for that implementation alone: 1,000 warm-up calls, then
 * `calls` measured ones, which alone are profiled (the child starts the profiler after the warm-up,
 * as `--cpu-prof` would from the start, so loading and JIT warm-up stay out of the figures). `oursBundle` replaces the bundle of `src/index.ts` with another ESM build (e.g. a
 * candidate fix bundled with esbuild); `--keep` copies the `.cpuprofile` there (for Chrome
 * DevTools or speedscope).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { buildBundles } from './build-bundles.ts';
import { BENCH_DIR, startServer } from './child-process.ts';
import type { ImplementationName, OperationName } from './implementations.ts';
import { formatSummary, summarizeProfile } from './profile-summary.ts';
import type { ThroughputConfig, ThroughputSample } from './throughput.ts';

const ROOT = resolve(BENCH_DIR, '../..');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      operation: { type: 'string', default: 'add' },
      interval: { type: 'string', default: '100' },
      keep: { type: 'string' },
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
    const config: ThroughputConfig = {
      baseUrl: server.baseUrl,
      bundles: { ours: oursBundle ?? bundles.ours, internals: bundles.internals },
      rounds: 1,
      count: Number(calls),
      warmup: 1000,
      modes: [{ name: `${inFlight} in flight`, inFlight: Number(inFlight) }],
      operations: [values.operation as OperationName],
      only: implementation as ImplementationName,
      profile: { file: profileFile, intervalUs: Number(values.interval) },
    };
    const result = spawnSync(
      process.execPath,
      [`${BENCH_DIR}throughput.ts`, JSON.stringify(config)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (result.status !== 0) throw new Error('profiled run failed');
    const [sample] = JSON.parse(result.stdout.toString('utf8').trim()) as ThroughputSample[];
    if (!sample) throw new Error('the profiled run measured nothing');
    if (values.keep) {
      mkdirSync(values.keep, { recursive: true });
      copyFileSync(
        profileFile,
        join(values.keep, `${implementation}-${values.operation}.cpuprofile`),
      );
    }
    console.log(
      `${implementation}, ${values.operation}, ${inFlight} in flight: ${Math.round(sample.requestsPerSecond)} req/s, ${sample.cpuUsPerRequest.toFixed(0)} µs CPU/call (under the profiler)\n`,
    );
    const summary = summarizeProfile(readFileSync(profileFile, 'utf8'), ROOT);
    console.log(formatSummary(summary, 25, sample.cpuUsPerRequest));
  } finally {
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
