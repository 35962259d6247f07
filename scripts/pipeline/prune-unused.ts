/**
 * Keeps in the generated tree only what ships or is used: starting from our own generated files,
 * follows every relative import (`import`, `import type`, `export … from`) and deletes the hey-api
 * output nothing reaches (today its default client instance, `client.gen.ts`, which the SDK no
 * longer imports, and its barrel `index.ts`). Run after every file is written.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, normalize, relative } from 'node:path';
import { listFiles } from './list-files.ts';

const IMPORT = /(?:from\s+|import\s+|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** @returns the removed files, relative to `outDir`, sorted */
export async function pruneUnused(outDir: string, roots: readonly string[]): Promise<string[]> {
  const reached = new Set<string>();
  const queue = roots.map((r) => normalize(r));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    if (!/\.(ts|js)$/.test(file)) continue;
    const text = await readFile(join(outDir, file), 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(outDir, file, match[1]!);
      if (target && !reached.has(target)) queue.push(target);
    }
  }
  const removed: string[] = [];
  for (const file of await listFiles(join(outDir, 'hey-api'))) {
    const path = join('hey-api', file);
    if (reached.has(normalize(path))) continue;
    await rm(join(outDir, path));
    removed.push(path.split('\\').join('/'));
  }
  return removed.sort();
}

/** `./x.js` from `a/b.ts` → `a/x.ts` (or `a/x.js`, `a/x.d.ts` when that is the file there). */
function resolveImport(outDir: string, from: string, specifier: string): string | undefined {
  const base = normalize(join(dirname(from), specifier));
  const stem = base.replace(/\.js$/, '');
  for (const candidate of [`${stem}.ts`, base, `${stem}.d.ts`]) {
    if (existsSync(join(outDir, candidate))) return relative('.', candidate);
  }
  return undefined;
}
