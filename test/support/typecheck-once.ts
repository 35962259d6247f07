/**
 * `tsc --noEmit -p <folder>/tsconfig.json` for a scratch folder of generated code, run once per
 * jest run for the same files. jest's two projects (node:http and fetch transports) run the
 * full-spec and spec-bump suites twice; their scratch folders hold the same files, and the
 * transport changes no type, so the second suite takes the first one's result. The key is the
 * sha256 of every file in the folder; `src/` cannot change within a run, and a new run checks
 * afresh. The result's output (when tsc fails) names the folder of the suite that ran it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runFile } from './run-dir.js';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');
const TSC = join(REPO, 'node_modules/typescript/bin/tsc');

export interface TypecheckResult {
  readonly ok: boolean;
  /** What tsc printed when it failed; empty when it passed. */
  readonly output: string;
}

async function folderHash(folder: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    hash.update(`${relative(folder, file)}\0`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Type-checks `folder` with its own tsconfig.json (run from the repository root). */
export async function typecheckOnce(folder: string): Promise<TypecheckResult> {
  const name = `tsc-${await folderHash(folder)}.json`;
  const path = await runFile(name, async (partial) => {
    const result: TypecheckResult = await run(
      process.execPath,
      [TSC, '--noEmit', '-p', join(folder, 'tsconfig.json')],
      { cwd: REPO },
    ).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout?: string; message: string }) => ({
        ok: false,
        output: error.stdout || error.message,
      }),
    );
    await writeFile(partial, JSON.stringify(result));
  });
  return JSON.parse(await readFile(path, 'utf8')) as TypecheckResult;
}
