/**
 * Import time: wall time of fresh `node` processes that import our bundle, import `@azure/batch`,
 * or do nothing, interleaved, at least 10 of each; the figure is each import's median minus the
 * bare process's median. Our package is measured as the one-file ESM bundle of `src/index.ts`
 * (`build-bundles.ts`), and also as the `tsc` build (`dist/src/index.js`) when one exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, rotate } from './stats.ts';

export interface ImportTimeResult {
  readonly runs: number;
  /** Median wall time of each kind of process, ms. */
  readonly medianMs: Readonly<Record<string, number>>;
  /** Median minus the bare process's median, ms. */
  readonly costOverBareMs: Readonly<Record<string, number>>;
}

export function measureImportTime(root: string, oursBundle: string, runs = 15): ImportTimeResult {
  const scripts: Record<string, string> = {
    bare: 'await 0;',
    ours: `await import(${JSON.stringify(pathToFileURL(oursBundle).href)});`,
    azure: `await import('@azure/batch');`,
  };
  const dist = join(root, 'dist/src/index.js');
  if (existsSync(dist)) {
    scripts.oursDist = `await import(${JSON.stringify(pathToFileURL(dist).href)});`;
  }
  const kinds = Object.keys(scripts);
  const times: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < runs + 1; i++) {
    for (const kind of rotate(kinds, i)) {
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', scripts[kind]!], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const ms = performance.now() - started;
      if (result.status !== 0) {
        throw new Error(`import-time run "${kind}" failed: ${result.stderr.toString('utf8')}`);
      }
      if (i > 0) times[kind]!.push(ms); // the first pass only warms the file cache
    }
  }
  const medianMs = Object.fromEntries(kinds.map((k) => [k, median(times[k]!)]));
  const costOverBareMs = Object.fromEntries(
    kinds.filter((k) => k !== 'bare').map((k) => [k, medianMs[k]! - medianMs.bare!]),
  );
  return { runs, medianMs, costOverBareMs };
}
