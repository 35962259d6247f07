/** jest globalTeardown: removes the run's scratch folder made by global-setup.ts. */
import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.BATCH_REST_TEST_RUN_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
