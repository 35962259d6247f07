/**
 * A file made once per jest run and shared by every suite and worker that asks for it, in the
 * run's scratch folder (`BATCH_REST_TEST_RUN_DIR`, made by test/support/global-setup.ts and
 * removed by global-teardown.ts). Workers asking at the same time wait for one maker (make-once.ts).
 */
import { join } from 'node:path';
import { makeOnce } from './make-once.js';

const made = new Map<string, Promise<string>>();

/** The path of `name` in the run's folder, made by `make(path)` if no suite made it yet. */
export function runFile(name: string, make: (path: string) => Promise<unknown>): Promise<string> {
  let file = made.get(name);
  if (!file) {
    file = (async () => {
      const dir = process.env.BATCH_REST_TEST_RUN_DIR;
      if (!dir)
        throw new Error('BATCH_REST_TEST_RUN_DIR is not set: run the tests through jest.config.js');
      const path = join(dir, name);
      await makeOnce(path, make);
      return path;
    })();
    made.set(name, file);
  }
  return file;
}
