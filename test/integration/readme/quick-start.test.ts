/**
 * The README's getting-started blocks, run as written (imports pointed at the sources) in a
 * folder that holds the README's `app.cer` (test/fixtures/readme/): a real self-signed
 * certificate, whose thumbprint the package must compute and `verifyCertificateThumbprint` must
 * accept. The package smoke test type-checks the same blocks against the installed package.
 *
 * The real-account example cannot reach Azure: it runs unchanged — the same URL, account and
 * `BATCH_ACCOUNT_KEY` — against an msw stand-in for that URL, served by the emulator: once in
 * `retired` mode (what the live service answers today) and once in `classic` mode (before
 * February 2024).
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import {
  certificateFromFile,
  verifyCertificateThumbprint,
} from '../../../src/certificate-file/node.js';
import { createBatchEmulator, resetDeprecationWarnings } from '../../../src/testing/index.js';
import { batchEmulatorHandlers } from '../../../src/testing/msw.js';
import { extractExample, runExample } from './support/readme-examples.js';

const TMP = join(process.cwd(), '.tmp', 'readme-quick-start');
const WORK = join(TMP, 'work');
const APP_CER = 'test/fixtures/readme/app.cer';
const ACCOUNT_URL = 'https://myaccount.westeurope.batch.azure.com';
const ACCOUNT_KEY = Buffer.from('the key of myaccount, 32 bytes!!').toString('base64');

/** The thumbprint as node:crypto, an implementation independent of the package, computes it. */
async function opensslThumbprint(): Promise<string> {
  const certificate = new X509Certificate(await readFile(APP_CER));
  return certificate.fingerprint.replaceAll(':', '').toLowerCase();
}

beforeAll(async () => {
  await mkdir(WORK, { recursive: true });
  await copyFile(APP_CER, join(WORK, 'app.cer'));
});
afterEach(() => resetDeprecationWarnings());
afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

describe('README: the certificate the examples add', () => {
  it('the command shown is the one that made app.cer, and app.cer is what it makes', async () => {
    const shown = extractExample(await readFile('README.md', 'utf8'), 'make-certificate', 'sh');
    const documented = extractExample(
      await readFile('test/fixtures/readme/README.md', 'utf8'),
      'app-cer',
      'sh',
    );
    expect(shown).toBe(documented);
    expect(shown).toContain('-subj /CN=app');
    expect(shown).toContain('ec_paramgen_curve:P-256');
    const bytes = await readFile(APP_CER);
    expect(bytes[0]).toBe(0x30); // DER, not PEM (-outform DER)
    const certificate = new X509Certificate(bytes);
    expect(certificate.subject).toBe('CN=app');
    expect(certificate.issuer).toBe('CN=app');
    expect(certificate.verify(certificate.publicKey)).toBe(true); // self-signed
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('certificateFromFile reads it with the thumbprint node:crypto computes, and verifyCertificateThumbprint accepts it', async () => {
    const parameter = await certificateFromFile(APP_CER);
    expect(parameter).toEqual({
      thumbprint: await opensslThumbprint(),
      thumbprintAlgorithm: 'sha1',
      data: (await readFile(APP_CER)).toString('base64'),
      certificateFormat: 'cer',
    });
    await expect(verifyCertificateThumbprint(parameter)).resolves.toBeUndefined();
  });
});

describe('README: a .pfx made with the commands shown, read as the certificate-files example does', () => {
  it("make-certificate then make-pfx give an app.pfx whose thumbprint is the certificate's", async () => {
    const readme = await readFile('README.md', 'utf8');
    const dir = join(TMP, 'pfx');
    await mkdir(dir, { recursive: true });
    const env = { ...process.env, PFX_PASSWORD: 'a password of the reader' };
    for (const block of ['make-certificate', 'make-pfx']) {
      execFileSync('sh', ['-e', '-c', extractExample(readme, block, 'sh')], {
        cwd: dir,
        env,
        stdio: 'pipe',
      });
    }
    const thumbprint = new X509Certificate(await readFile(join(dir, 'app.cer'))).fingerprint
      .replaceAll(':', '')
      .toLowerCase();
    const pfx = await certificateFromFile(join(dir, 'app.pfx'), { password: env.PFX_PASSWORD });
    expect(pfx).toMatchObject({ thumbprint, certificateFormat: 'pfx' });
    // The certificate-files example, run as written in that folder with that password.
    const passwordBefore = process.env.PFX_PASSWORD;
    process.env.PFX_PASSWORD = env.PFX_PASSWORD;
    try {
      const output = await runExample('certificate-files', TMP, { cwd: dir });
      expect(output).toEqual({ log: [], error: [], warnings: [] });
    } finally {
      if (passwordBefore === undefined) delete process.env.PFX_PASSWORD;
      else process.env.PFX_PASSWORD = passwordBefore;
    }
  });
});

describe('README: add a certificate to your account (against a stand-in at the same URL)', () => {
  const emulator = createBatchEmulator({ accounts: [{ name: 'myaccount', key: ACCOUNT_KEY }] });
  const server = setupServer(...batchEmulatorHandlers(emulator, { baseUrl: ACCOUNT_URL }));
  const keyBefore = process.env.BATCH_ACCOUNT_KEY;
  beforeAll(() => {
    server.listen({ onUnhandledFrame: 'error' });
    process.env.BATCH_ACCOUNT_KEY = ACCOUNT_KEY;
  });
  afterEach(() => {
    emulator.reset();
    emulator.setMode('classic');
  });
  afterAll(() => {
    server.close();
    if (keyBefore === undefined) delete process.env.BATCH_ACCOUNT_KEY;
    else process.env.BATCH_ACCOUNT_KEY = keyBefore;
  });

  it('today (the service retired): prints the retirement message, warns, throws nothing', async () => {
    emulator.setMode('retired');
    const output = await runExample('quickstart-azure', TMP, { cwd: WORK });
    expect(output.log).toEqual([]);
    expect(output.error).toHaveLength(1);
    expect(output.error[0]).toContain('Azure Batch certificates were retired on 29 February 2024');
    expect(output.error[0]).toContain('Azure Key Vault VM extension');
    expect(output.warnings.map((w) => w.code)).toEqual(['BATCH_DEP_CERTIFICATE_ADD']);
    expect(emulator.requests.map((r) => `${r.status} ${r.errorCode}`)).toEqual([
      '400 CertificateRetired',
    ]);
  });

  it('before the retirement: adds the certificate, and what arrived is the file, its thumbprint matching', async () => {
    const output = await runExample('quickstart-azure', TMP, { cwd: WORK });
    const thumbprint = await opensslThumbprint();
    expect(output).toEqual({
      log: [`added ${thumbprint}`],
      error: [],
      warnings: [expect.objectContaining({ code: 'BATCH_DEP_CERTIFICATE_ADD' })],
    });
    const [stored] = emulator.certificates('myaccount');
    expect(stored).toMatchObject({ thumbprint, certificateFormat: 'cer', state: 'active' });
    expect(stored?.publicData).toBe((await readFile(APP_CER)).toString('base64'));
    await expect(
      verifyCertificateThumbprint({
        thumbprint: stored!.thumbprint,
        data: stored!.publicData!,
        certificateFormat: 'cer',
      }),
    ).resolves.toBeUndefined();
  });
});

describe('README: the same on the emulator', () => {
  it('adds, lists, deletes and shows the deletion under way', async () => {
    const output = await runExample('quickstart-emulator', TMP, { cwd: WORK });
    expect(output.log).toEqual([`${await opensslThumbprint()} active`, 'deleting']);
    expect(output.error).toEqual([]);
    expect(output.warnings.map((w) => w.code)).toEqual([
      'BATCH_DEP_CERTIFICATE_ADD',
      'BATCH_DEP_CERTIFICATE_LIST',
      'BATCH_DEP_CERTIFICATE_DELETE',
      'BATCH_DEP_CERTIFICATE_GET',
    ]);
  });
});

describe('README: call options, pages and raw answers', () => {
  it('onResponse sees the 201 and its request id; one page, no continuation token', async () => {
    const output = await runExample('call-options', TMP, { cwd: WORK });
    expect(output.log).toEqual(['201 true', '1 undefined']);
    expect(output.error).toEqual([]);
  });
});
