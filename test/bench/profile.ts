/**
 * Profiling aid for a missed target (not part of `npm run bench`): runs one implementation against
 * the bench server under `--cpu-prof` and prints the top self-time frames of the profile.
 *
 * `node test/bench/profile.ts <a|b|c|d> [calls=5000] [inFlight=1] [oursBundle]` — builds the
 * bundles, starts the server, spawns the measured child with `--cpu-prof` into a temp dir, prints
 * the top 25 frames (self time, and the same grouped by file). `oursBundle` replaces the bundle of
 * `src/index.ts` with another ESM build (e.g. a candidate fix bundled with esbuild).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { buildBundles } from './build-bundles.ts';
import { BENCH_DIR, startServer } from './child-process.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function topFrames(profileText: string, count = 25): string[] {
  const profile = JSON.parse(profileText) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
  const byFrame = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url.split('/').slice(-2).join('/') || '(native)';
    const frame = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + (n.hitCount ?? 0));
    byFile.set(file, (byFile.get(file) ?? 0) + (n.hitCount ?? 0));
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .slice(0, count)
      .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
  return ['self time by frame:', ...top(byFrame), '', 'self time by file:', ...top(byFile)];
}

async function main(): Promise<void> {
  const [implementation = 'b', calls = '5000', inFlight = '1', oursBundle] = process.argv.slice(2);
  process.env.BENCH_ACCOUNT_KEY = randomBytes(64).toString('base64');
  const temp = mkdtempSync(join(tmpdir(), 'batch-bench-profile-'));
  const server = await startServer();
  try {
    const bundles = await buildBundles(resolve(BENCH_DIR, '../..'), temp);
    await esbuild.stop();
    const config = {
      baseUrl: server.baseUrl,
      bundles: { ours: oursBundle ?? bundles.ours, internals: bundles.internals },
      rounds: 1,
      count: Number(calls),
      warmup: 200,
      modes: [{ name: 'profiled', inFlight: Number(inFlight) }],
      only: implementation,
    };
    const profiles = join(temp, 'profiles');
    const result = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profiles}`,
        `${BENCH_DIR}throughput.ts`,
        JSON.stringify(config),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (result.status !== 0) throw new Error('profiled run failed');
    console.log(result.stdout.toString('utf8').trim());
    const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no profile written');
    console.log(topFrames(readFileSync(join(profiles, file), 'utf8')).join('\n'));
  } finally {
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
