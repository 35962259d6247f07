/**
 * `batch-rest-client/testing` has two builds (package.json `exports`): `index.ts` under the `node`
 * condition (with the loopback server) and `browser.ts` for every other runtime. Both export the
 * same names; the browser build bundles without Node built-ins, and its `startBatchEmulator`
 * rejects with advice that works.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from '../../../src/index.js';
import * as browserBuild from '../../../src/testing/browser.js';
import * as nodeBuild from '../../../src/testing/index.js';
import { bundleForBrowser } from '../../browser/bundle.js';

const ROOT = join(import.meta.dirname, '../../..');

const ADVICE =
  "startBatchEmulator() opens a node:http server, which only the Node build of 'batch-rest-client/testing' " +
  "has (the package's 'node' export condition selects it: Node, Deno, Bun). In this runtime, answer " +
  'requests in-process instead: const emulator = createBatchEmulator(); new BatchClient(url, credential, ' +
  '{ allowInsecureConnection: true, fetch: (input, init) => emulator.handle(new Request(input, init)) }).';

describe('the two builds of batch-rest-client/testing', () => {
  it('are what package.json exports under the node and default conditions', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.exports['./testing']).toEqual({
      node: {
        types: './dist/src/testing/index.d.ts',
        default: './dist/src/testing/index.js',
      },
      default: {
        types: './dist/src/testing/browser.d.ts',
        default: './dist/src/testing/browser.js',
      },
    });
  });

  it('export the same names', () => {
    expect(Object.keys(browserBuild).sort()).toEqual(Object.keys(nodeBuild).sort());
    expect(Object.keys(nodeBuild)).toContain('startBatchEmulator');
  });

  it('the browser build bundles for browsers with no Node built-in; the Node build does not', async () => {
    const { inputs } = await bundleForBrowser(join(ROOT, 'src/testing/browser.ts'));
    expect(inputs).not.toContain('src/emulator/http-server.ts');
    await expect(bundleForBrowser(join(ROOT, 'src/testing/index.ts'))).rejects.toThrow(
      'Could not resolve "node:http"',
    );
  });

  it("the browser build's startBatchEmulator rejects, naming the node condition and the in-process way", async () => {
    await expect(browserBuild.startBatchEmulator()).rejects.toThrow(new Error(ADVICE));
    await expect(browserBuild.startBatchEmulator({ port: 8080 })).rejects.toThrow(ADVICE);
  });

  it('the in-process way the advice shows works', async () => {
    const emulator = browserBuild.createBatchEmulator();
    const client = new BatchClient(
      'http://127.0.0.1:10000',
      new BatchSharedKeyCredential(
        browserBuild.EMULATOR_ACCOUNT_NAME,
        browserBuild.EMULATOR_ACCOUNT_KEY,
      ),
      {
        allowInsecureConnection: true,
        deprecationWarnings: 'off',
        fetch: (input, init) => emulator.handle(new Request(input, init)),
      },
    );
    const thumbprint = '0123456789abcdef0123456789abcdef01234567';
    await client.certificate.add({
      thumbprint,
      thumbprintAlgorithm: 'sha1',
      data: 'AAAA',
      certificateFormat: 'cer',
    });
    expect((await client.certificate.get('sha1', thumbprint)).state).toBe('active');
    const missing = await client.certificate.get('sha1', 'ff').catch((error: unknown) => error);
    expect(isBatchServiceError(missing) && missing.code).toBe('CertificateNotFound');
  });
});
