/**
 * Makes a file or folder once, however many jest workers ask for it at the same time: the one
 * that creates `<path>.lock` makes it under a temporary name and renames it into place (so no
 * reader sees half of it); the others wait for it to appear. A lock older than five minutes is
 * taken to be left by a process that died, and removed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';

const LOCK_STALE_MS = 5 * 60 * 1000;
const POLL_MS = 200;

/** Resolves once `path` exists, made by `make(partial)` here or by another process. */
export async function makeOnce(path: string, make: (partial: string) => Promise<unknown>) {
  const lock = `${path}.lock`;
  while (!existsSync(path)) {
    const locked = await mkdir(lock).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    if (!locked) {
      const { mtimeMs } = await stat(lock).catch(() => ({ mtimeMs: Date.now() }));
      if (Date.now() - mtimeMs > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    const partial = `${path}.partial-${randomBytes(6).toString('hex')}`;
    try {
      if (!existsSync(path)) {
        await make(partial);
        await rename(partial, path);
      }
    } finally {
      await rm(partial, { recursive: true, force: true });
      await rm(lock, { recursive: true, force: true });
    }
  }
}
