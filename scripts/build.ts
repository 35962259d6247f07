/**
 * `npm run build`: compiles src/ (and the generated code it imports) to dist/ with declaration
 * files, then checks the result is complete and holds nothing but the package.
 *
 * tsc copies no `.js` sources (no `allowJs`), so the precompiled `generated/validators.js` and its
 * hand-checked `validators.d.ts` are copied beside the compiled generated code. The check then
 * resolves every relative import of every emitted file, and every file the package.json `exports`
 * entries name (`.`, `./testing`, `./testing/msw`, `./certificates`, `./migration`) and its `bin`,
 * so a missing copy or entry fails the build here and not in a consumer's project.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const COPIED = ['generated/validators.js', 'generated/validators.d.ts'];
const ALLOWED_TOP = new Set(['src', 'generated']);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(DIST, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function compile(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`tsc failed with exit code ${result.status}`);
}

/** Relative module specifiers of static imports, re-exports and `import()` (comments ignored). */
function relativeSpecifiers(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../'));
}

async function problems(files: string[]): Promise<string[]> {
  const found: string[] = [];
  const present = new Set(files);
  for (const file of files) {
    const top = file.split('/')[0] ?? '';
    if (!ALLOWED_TOP.has(top)) found.push(`unexpected file outside src/ and generated/: ${file}`);
    if (!file.endsWith('.js') && !file.endsWith('.d.ts')) found.push(`unexpected file: ${file}`);
    if (!file.endsWith('.js') && !file.endsWith('.d.ts')) continue;
    const source = await readFile(join(DIST, file), 'utf8');
    for (const specifier of relativeSpecifiers(source)) {
      const target = join(dirname(file), specifier).split('\\').join('/');
      const wanted = file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
      if (!present.has(wanted)) found.push(`${file} imports missing ${specifier}`);
    }
  }
  return found;
}

/** Every `./dist/…` file named by package.json `exports` (all conditions) and `bin`. */
function packageEntryFiles(manifest: { exports?: unknown; bin?: unknown }): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('./dist/')) found.add(value.slice('./dist/'.length));
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(manifest.exports);
  visit(manifest.bin);
  return [...found].sort();
}

async function missingEntries(files: string[]): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const present = new Set(files);
  return packageEntryFiles(manifest)
    .filter((file) => !present.has(file))
    .map((file) => `package.json names dist/${file}, which the build did not write`);
}

async function main(): Promise<void> {
  await rm(DIST, { recursive: true, force: true });
  compile();
  for (const file of COPIED) {
    await mkdir(dirname(join(DIST, file)), { recursive: true });
    await copyFile(join(ROOT, file), join(DIST, file));
  }
  const files = await listFiles(DIST);
  const found = [...(await problems(files)), ...(await missingEntries(files))];
  if (found.length > 0) {
    throw new Error(`dist/ is not a complete package:\n  ${found.join('\n  ')}`);
  }
  console.log(`build: ${files.length} files in dist/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
