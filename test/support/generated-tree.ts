/**
 * What `scripts/generate.ts` writes for a spec (and overlay), generated once and shared: by the
 * suites of one jest run that generate the same spec, and by later runs while nothing it depends
 * on has changed. Trees are kept in `.tmp/generate-cache/<key>/` (ignored by git; inside jest's
 * rootDir, so their `.ts` is transformed like any source, and cached by jest too).
 *
 * The key is the sha256 of everything the output depends on: the arguments; the spec and overlay
 * files; every local file the generator runs, as esbuild resolves them from `scripts/generate.ts`
 * (so the `src/` files the pipeline imports count); `package-lock.json` (the pinned
 * hey-api, ajv and every other package); and the Node version. A change to any of them is a new
 * key, so a stale tree is never used. `rm -rf .tmp` empties the cache.
 *
 * Tests that check the generator itself (determinism, `--check`, overlay errors) run it directly.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { makeOnce } from './make-once.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');
const CACHE = join(REPO, '.tmp', 'generate-cache');
/** Entries nobody used for this long are removed when a new one is stored. */
const UNUSED_FOR_MS = 14 * 24 * 3600 * 1000;

export interface GenerateInput {
  /** Spec file, relative to the repository. */
  readonly spec: string;
  /** Overlay file, relative to the repository; none when absent. */
  readonly overlay?: string;
}

/**
 * Every local file `scripts/generate.ts` runs, as esbuild resolves its imports (packages stay
 * external: package-lock.json stands for them), with its text.
 */
async function generatorSources(): Promise<Map<string, string>> {
  const { metafile } = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: ['scripts/generate.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const files = Object.keys(metafile.inputs).sort();
  return new Map(
    await Promise.all(
      files.map(async (file) => [file, await readFile(join(REPO, file), 'utf8')] as const),
    ),
  );
}

async function cacheKey(input: GenerateInput, args: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const add = (label: string, text: string) => hash.update(`${label}\0${text}\0`);
  add('args', JSON.stringify(args));
  add('node', process.version);
  const files = [input.spec, ...(input.overlay ? [input.overlay] : []), 'package-lock.json'];
  for (const file of files) add(file, await readFile(join(REPO, file), 'utf8'));
  for (const [file, text] of await generatorSources()) add(file, text);
  return hash.digest('hex');
}

async function removeUnused(): Promise<void> {
  for (const name of await readdir(CACHE)) {
    const path = join(CACHE, name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > UNUSED_FOR_MS) await rm(path, { recursive: true, force: true });
  }
}

const pending = new Map<string, Promise<string>>();

/**
 * The folder holding the generated tree for `input`: read it, import from it, copy it; never
 * write into it. Generates (with `npm run generate -- --spec … --out …`) on a cache miss.
 */
export function generatedTree(input: GenerateInput): Promise<string> {
  const args = [
    '--spec',
    input.spec,
    ...(input.overlay ? ['--overlay', input.overlay] : ['--no-overlay']),
  ];
  const id = JSON.stringify(args);
  let tree = pending.get(id);
  if (!tree) {
    tree = lookUpOrGenerate(input, args);
    pending.set(id, tree);
    tree.catch(() => pending.delete(id));
  }
  return tree;
}

async function lookUpOrGenerate(input: GenerateInput, args: readonly string[]): Promise<string> {
  const dir = join(CACHE, await cacheKey(input, args));
  if (existsSync(dir)) {
    const now = new Date();
    await utimes(dir, now, now); // marks it used
    return dir;
  }
  await mkdir(CACHE, { recursive: true });
  // Another worker may be generating the same key: makeOnce lets one do it, the others wait.
  await makeOnce(dir, (partial) =>
    run(process.execPath, ['scripts/generate.ts', ...args, '--out', partial, '--quiet'], {
      cwd: REPO,
    }),
  );
  await removeUnused();
  return dir;
}
