/**
 * jest globalSetup: one scratch folder per jest run, named in `BATCH_REST_TEST_RUN_DIR` (the
 * workers start after this and inherit the environment). Suites build what they all need into it
 * once per run (test/support/run-dir.ts); global-teardown.ts removes it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup(): Promise<void> {
  process.env.BATCH_REST_TEST_RUN_DIR = await mkdtemp(join(tmpdir(), 'batch-rest-test-run-'));
}
