/**
 * A file made once per jest run and shared by every suite and worker that asks for it, in the
 * run's scratch folder (`BATCH_REST_TEST_RUN_DIR`, made by test/support/global-setup.ts and
 * removed by global-teardown.ts). Made under a temporary name and renamed into place, so a reader
 * never sees half a file; if two workers make it at once, one copy wins.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const made = new Map<string, Promise<string>>();

/** The path of `name` in the run's folder, made by `make(path)` if no suite made it yet. */
export function runFile(name: string, make: (path: string) => Promise<unknown>): Promise<string> {
  let file = made.get(name);
  if (!file) {
    file = makeOnce(name, make);
    made.set(name, file);
  }
  return file;
}

async function makeOnce(name: string, make: (path: string) => Promise<unknown>): Promise<string> {
  const dir = process.env.BATCH_REST_TEST_RUN_DIR;
  if (!dir)
    throw new Error('BATCH_REST_TEST_RUN_DIR is not set: run the tests through jest.config.js');
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const partial = `${path}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await make(partial);
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
  return path;
}
