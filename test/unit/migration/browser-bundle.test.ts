/**
 * `batch-rest-client/migration` is browser-safe: it bundles for the browser platform with no
 * `node:` import and none of the client, CLI, emulator or certificate-file code (shared pure
 * helpers of `src/util/` and the validation error are allowed).
 */
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bundleForBrowser } from '../../browser/bundle.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('migration entry in a browser bundle', () => {
  it('bundles with no Node built-ins and only its own modules', async () => {
    const { code, inputs } = await bundleForBrowser(join(ROOT, 'src/migration/index.ts'), {
      minify: true,
    });
    expect(code.length).toBeGreaterThan(0);
    const foreign = inputs.filter(
      (file) =>
        !file.startsWith('src/migration/') &&
        file !== 'src/errors/batch-validation-error.ts' &&
        file !== 'src/errors/safe-inspect.ts' &&
        !file.startsWith('src/util/'), // shared pure helpers
    );
    expect(foreign).toEqual([]);
  });
});
