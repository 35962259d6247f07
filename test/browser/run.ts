/**
 * `npm run test:browser`: the client runs in a real browser.
 *
 * 1. The client entry and the browser builds of the testing, certificates and migration entries
 *    bundle for the browser platform with no externals (so no `node:` import); their sizes are
 *    printed.
 * 2. A page bundled from the package's own exports runs in headless Chromium (Debian's
 *    `chromium`): it builds a certificate from PEM bytes with WebCrypto SHA-1, then sends a Shared
 *    Key signed `certificate.add` and a `certificate.get` with the browser's own fetch to the test
 *    server (the page's origin), which hands them to the emulator core.
 * 3. Node checks the request as it arrived on the wire: the signature is recomputed by the
 *    independent reference implementation of the tests (test/support/reference-shared-key.ts), the body and thumbprint by node:crypto.
 *
 * Chromium missing is a failure, not a skip: install it with `apt-get install -y chromium` or set
 * CHROMIUM_PATH.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { referenceAuthorization } from '../support/reference-shared-key.ts';
import { bundleForBrowser } from './bundle.ts';
import { chromiumMissing, launchChromium } from './chromium.ts';
import type { PageOutcome } from './page.ts';
import { startTestServer, type WireRecord } from './test-server.ts';

type TestingEntry = typeof import('../../src/testing/index.js');

const ROOT = resolve(import.meta.dirname, '../..');
const HTML = '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>';

function buildPackage(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm run build failed');
}

async function checkEntryBundles(): Promise<void> {
  for (const entry of [
    'src/index.ts',
    'src/testing/browser.ts',
    'src/certificate-file/index.ts',
    'src/migration/index.ts',
  ]) {
    const { code } = await bundleForBrowser(join(ROOT, entry), { minify: true });
    const gzip = gzipSync(code).length;
    console.log(`browser bundle ok: ${entry}, ${code.length} bytes minified, ${gzip} gzip`);
  }
}

async function pageBundle(): Promise<string> {
  const { code, inputs } = await bundleForBrowser(join(ROOT, 'test/browser/page.ts'));
  assert.ok(
    inputs.includes('dist/src/certificate-file/index.js') &&
      !inputs.includes('dist/src/certificate-file/node.js'),
    'the page gets the browser build of batch-rest-client/certificates',
  );
  return code;
}

function checkWire(records: WireRecord[], account: string, key: string, pem: string): void {
  const add = records.find((record) => record.method === 'POST');
  assert.equal(records.filter((record) => record.method === 'POST').length, 1, 'one add, no retry');
  assert.ok(add, `the page sent a POST (got ${records.map((r) => r.method).join(', ')})`);
  assert.equal(new URL(add.href).pathname, '/certificates');
  assert.equal(new URL(add.href).searchParams.get('api-version'), '2024-07-01.20.0');
  assert.equal(add.status, 201);
  assert.equal(Number(add.headers['content-length']), Buffer.byteLength(add.body));
  assert.ok(add.headers['ocp-date'], 'ocp-date is stamped');
  const { authorization, ...signed } = add.headers;
  assert.equal(
    authorization,
    referenceAuthorization({ method: add.method, url: add.href, headers: signed }, account, key),
    'the Shared Key signature matches the reference signer over the wire request',
  );
  const certificate = new X509Certificate(pem);
  assert.deepEqual(JSON.parse(add.body), {
    thumbprint: certificate.fingerprint.replaceAll(':', '').toLowerCase(),
    thumbprintAlgorithm: 'sha1',
    data: certificate.raw.toString('base64'),
    certificateFormat: 'cer',
  });
  const get = records.find(
    (record) =>
      record.method === 'GET' && new URL(record.href).pathname.startsWith('/certificates('),
  );
  assert.equal(get?.status, 200);
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  buildPackage();
  await checkEntryBundles();
  const code = await pageBundle();
  const testing = (await import(
    pathToFileURL(join(ROOT, 'dist/src/testing/index.js')).href
  )) as TestingEntry;
  const emulator = testing.createBatchEmulator();
  const account = testing.EMULATOR_ACCOUNT_NAME;
  const key = testing.EMULATOR_ACCOUNT_KEY;
  const pem = await readFile(join(ROOT, 'test/package/fixtures/smoke-certificate.pem'), 'utf8');
  const server = await startTestServer(
    {
      '/': { type: 'text/html', body: HTML },
      '/page.js': { type: 'text/javascript', body: code },
      '/certificate.pem': { type: 'application/x-pem-file', body: pem },
      '/config.json': { type: 'application/json', body: JSON.stringify({ account, key }) },
    },
    (request) => emulator.handle(request),
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    page.on('pageerror', (error) => warnings.push(`page error: ${error.message}`));
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => 'batchOutcome' in globalThis);
    const outcome = (await page.evaluate(
      () => (globalThis as { batchOutcome?: Promise<unknown> }).batchOutcome,
    )) as PageOutcome;
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.ok, true);
    assert.equal(outcome.hasProcess, false, 'the page has no Node process object');
    assert.equal(outcome.state, 'active');
    assert.match(outcome.requestId ?? '', /^[0-9a-f-]{36}$/i);
    assert.ok(
      warnings.some((text) =>
        text.startsWith(
          'DeprecationWarning [BATCH_DEP_CERTIFICATE_ADD]: certificate.add() is deprecated.',
        ),
      ),
      `the deprecation warning goes to console.warn (got ${JSON.stringify(warnings)})`,
    );
    checkWire(server.records, account, key, pem);
    assert.equal(emulator.certificates()[0]?.thumbprint, outcome.thumbprint);
    console.log(
      `browser ok: Chromium ${browser.version()}, Shared Key signed certificate.add ` +
        `${outcome.thumbprint} verified on the wire`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
