/**
 * `createBatchEmulator` works in browsers (README: only `startBatchEmulator` needs `node:http`),
 * and it serves the shipped spec from the operation table and the validators alone: it does not
 * carry the client's hey-api runtime or send path.
 */
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bundleForBrowser } from '../../browser/bundle.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('the in-process emulator in a browser bundle', () => {
  it('bundles with no Node built-ins, no hey-api and none of the client but its argument rules', async () => {
    const { inputs } = await bundleForBrowser(join(ROOT, 'src/emulator/create-batch-emulator.ts'));
    expect(inputs.filter((file) => file.includes('hey-api'))).toEqual([]);
    expect(inputs.filter((file) => file.startsWith('src/client/'))).toEqual([
      'src/client/call-arguments.ts', // the body's x-batch-normalize rules, applied as the client applies them
    ]);
    expect(inputs).toEqual(
      expect.arrayContaining(['generated/operations.ts', 'generated/validators.js']),
    );
  });
});
