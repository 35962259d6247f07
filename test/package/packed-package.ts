/**
 * The package as a consumer gets it: built, packed with `npm pack`, and installed from the tarball
 * into a fresh project with no dev dependencies. Shared by the package smoke test and the runtime
 * matrix (test/runtimes/run.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { run } from './tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** What `npm pack --json` reports for the tarball. */
export interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

/** `npm run build`, then `npm pack` into `destination`. */
export function packPackage(destination: string): PackResult {
  run('npm', ['run', 'build'], { cwd: ROOT });
  const output = run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
    { cwd: ROOT },
  );
  const [result] = JSON.parse(output) as PackResult[];
  if (!result) throw new Error('npm pack printed no result');
  return result;
}

/** Makes `project` an ES module package and installs the tarball into it without dev dependencies. */
export async function installPacked(project: string, tarball: string): Promise<void> {
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'packed-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
    cwd: project,
  });
}
