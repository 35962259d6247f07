/**
 * `runCli` in process with injected I/O against a loopback emulator: the prompts a terminal
 * allows (account key, .pfx password), deprecation output, and version.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { runCli } from '../../../src/cli/run-cli.js';
import { resetDeprecationWarnings } from '../../../src/deprecation/deprecation-warnings.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type RunningBatchEmulator,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import { VERSION } from '../../../src/version.js';
import {
  type CertificateFiles,
  makeCertificateFiles,
  PFX_PASSWORD,
} from './support/certificate-files.js';
import { fakeIo } from './support/fake-io.js';

let dir: string;
let files: CertificateFiles;
let running: RunningBatchEmulator;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-run-cli-'));
  files = makeCertificateFiles(dir);
  running = await startBatchEmulator();
});
beforeEach(() => resetDeprecationWarnings());
afterEach(() => {
  running.emulator.reset();
  running.emulator.setMode('classic');
});
afterAll(async () => {
  await running?.close();
  await rm(dir, { recursive: true, force: true });
});

const LIST_DEPRECATION =
  'certificate.list() is deprecated. Azure Batch certificates were retired on 29 February 2024 ' +
  'and the live service rejects this call (400 CertificateRetired). Use the Azure Key Vault VM ' +
  'extension instead: https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide';

function emulatorAccount(): Record<string, string> {
  return {
    BATCH_ACCOUNT_URL: running.url,
    BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
    BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
  };
}

describe('runCli', () => {
  it('asks a terminal for a missing account key, then runs the command', async () => {
    const fake = fakeIo({
      env: { BATCH_ACCOUNT_URL: running.url, BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME },
      tty: true,
      answers: [EMULATOR_ACCOUNT_KEY],
    });
    expect(await runCli(['certificate', 'list', '--json'], fake.io)).toBe(0);
    expect(fake.prompts).toEqual(['Key of Batch account emulator: ']);
    expect(JSON.parse(fake.stdout())).toEqual([]);
    // With --json, the warning is a line of JSON too, so every stderr line parses.
    expect(
      fake
        .stderr()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    ).toEqual([{ warning: { code: 'BATCH_DEP_CERTIFICATE_LIST', message: LIST_DEPRECATION } }]);
  });

  it('prints a deprecation warning as text without --json, once per operation', async () => {
    const fake = fakeIo({ env: emulatorAccount() });
    expect(await runCli(['certificate', 'list'], fake.io)).toBe(0);
    expect(await runCli(['certificate', 'list'], fake.io)).toBe(0);
    expect(fake.stderr()).toBe(
      `DeprecationWarning [BATCH_DEP_CERTIFICATE_LIST]: ${LIST_DEPRECATION}\n`,
    );
  });

  it('with --json, stderr holds only JSON lines: the warning, then the error', async () => {
    running.emulator.setMode('retired');
    const fake = fakeIo({ env: emulatorAccount() });
    expect(await runCli(['certificate', 'list', '--json'], fake.io)).toBe(5);
    const lines = fake
      .stderr()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { warning: { code: 'BATCH_DEP_CERTIFICATE_LIST', message: LIST_DEPRECATION } },
      { error: expect.objectContaining({ exitCode: 5, code: 'CertificateRetired' }) },
    ]);
    expect(fake.stdout()).toBe('');
  });

  it('asks a terminal for the password of a protected .pfx', async () => {
    const fake = fakeIo({
      env: {
        BATCH_ACCOUNT_URL: running.url,
        BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
        BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
      },
      tty: true,
      answers: [PFX_PASSWORD],
      noDeprecation: true,
    });
    expect(await runCli(['certificate', 'add', '--file', files.pfx], fake.io)).toBe(0);
    expect(fake.prompts).toEqual([`Password for ${files.pfx}: `]);
    expect(fake.stderr()).toBe('');
    expect(
      running.emulator.certificate(EMULATOR_ACCOUNT_NAME, files.pfxThumbprint)?.certificateFormat,
    ).toBe('pfx');
  });

  it('refuses an account URL the client cannot use (exit 2)', async () => {
    const fake = fakeIo({
      env: {
        BATCH_ACCOUNT_URL: 'http://example.com',
        BATCH_ACCOUNT_NAME: 'a',
        BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
      },
    });
    expect(await runCli(['certificate', 'list'], fake.io)).toBe(2);
    expect(fake.stderr().split('\n')[0]).toBe(
      'error: BATCH_ACCOUNT_URL uses http:, which would send signed requests in clear text; use https: (http: is allowed only for a local emulator on 127.0.0.1, [::1] or localhost)',
    );
    const badKey = fakeIo({
      env: {
        BATCH_ACCOUNT_URL: running.url,
        BATCH_ACCOUNT_NAME: 'a',
        BATCH_ACCOUNT_KEY: 'not base64!',
      },
    });
    expect(await runCli(['certificate', 'list'], badKey.io)).toBe(2);
    expect(badKey.stderr().split('\n')[0]).toBe(
      'error: BATCH_ACCOUNT_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)',
    );
    expect(badKey.stderr()).not.toContain('not base64!');
  });

  it.each([
    ['/certificates', '/certificates'],
    ['/certificates/', '/certificates'],
    ['/Certificates', '/Certificates'],
    [
      '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)',
      '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)',
    ],
  ])('refuses BATCH_ACCOUNT_URL ending in %s before anything is sent (exit 2)', async (path, segment) => {
    const fake = fakeIo({
      env: {
        BATCH_ACCOUNT_URL: `${running.url}${path}`,
        BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
        BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
      },
    });
    running.emulator.clearRequests();
    expect(await runCli(['certificate', 'list'], fake.io)).toBe(2);
    expect(fake.stderr()).toBe(
      `error: BATCH_ACCOUNT_URL must not include an operation path: '${segment}' is where the ` +
        `Batch API's own paths begin, and the client adds them; use ${running.url}\n` +
        "Run 'batch-rest --help' for usage.\n",
    );
    expect(running.emulator.requests).toEqual([]);
  });

  it('prints the version and help on stdout', async () => {
    const version = fakeIo({});
    expect(await runCli(['--version'], version.io)).toBe(0);
    expect(version.stdout()).toBe(`batch-rest ${VERSION}\n`);
    const help = fakeIo({});
    expect(await runCli(['help', 'certificate'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: batch-rest certificate <command>/);
  });
});
