/**
 * `batch-rest emulator` as a process: one parseable URL line, a working emulator behind it, a
 * custom account from an environment variable, and a clean exit on SIGTERM and SIGINT.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from '../../../src/index.js';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from '../../../src/testing/index.js';
import { cliBundle, runCliProcess, startCli, waitForLine } from './support/cli-process.js';

const LISTENING = /^Batch emulator listening on (http:\/\/127\.0\.0\.1:(\d+))\n/;
const CUSTOM_KEY = Buffer.from('custom emulator account key 32B!').toString('base64');

let bundle: string;

beforeAll(async () => {
  bundle = await cliBundle();
});

function client(url: string, name: string, key: string): BatchClient {
  return new BatchClient(url, new BatchSharedKeyCredential(name, key), {
    allowInsecureConnection: true,
    deprecationWarnings: 'off',
    retry: { maxRetries: 0 },
  });
}

describe('batch-rest emulator', () => {
  it('prints its URL, serves the default account and stops cleanly on SIGTERM', async () => {
    const started = startCli(bundle, ['emulator']);
    const [, url] = await waitForLine(started, LISTENING);
    const items = [];
    for await (const item of client(
      url!,
      EMULATOR_ACCOUNT_NAME,
      EMULATOR_ACCOUNT_KEY,
    ).certificate.list()) {
      items.push(item);
    }
    expect(items).toEqual([]);
    started.child.kill('SIGTERM');
    const run = await started.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Batch emulator listening on ${url}\n`);
    expect(run.stderr).toBe(
      "account: emulator (the well-known key EMULATOR_ACCOUNT_KEY of 'batch-rest-client/testing'); " +
        'mode: classic; a deletion takes 30000 ms. Stop with Ctrl-C (SIGINT) or SIGTERM.\n' +
        'Batch emulator stopped (SIGTERM).\n',
    );
  });

  it('--delete-delay-ms sets how long a deletion takes (0: the next request sees it gone)', async () => {
    const started = startCli(bundle, ['emulator', '--delete-delay-ms', '0']);
    const [, url] = await waitForLine(started, LISTENING);
    const emulatorClient = client(url!, EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY);
    const thumbprint = 'ab'.repeat(20);
    await emulatorClient.certificate.add({
      thumbprint,
      thumbprintAlgorithm: 'sha1',
      data: 'AAAA',
      certificateFormat: 'cer',
    });
    await emulatorClient.certificate.delete('sha1', thumbprint);
    const gone = await emulatorClient.certificate.get('sha1', thumbprint).catch((e: unknown) => e);
    expect(isBatchServiceError(gone) && gone.code).toBe('CertificateNotFound');
    started.child.kill('SIGTERM');
    const run = await started.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('; a deletion takes 0 ms.');
  });

  it('serves a custom account in retired mode, prints JSON, and stops on SIGINT', async () => {
    const started = startCli(
      bundle,
      [
        'emulator',
        '--mode',
        'retired',
        '--account-name',
        'custom',
        '--account-key-env',
        'EMU_KEY',
        '--json',
      ],
      { env: { EMU_KEY: CUSTOM_KEY } },
    );
    const [line] = await waitForLine(started, /^\{.*\}\n/);
    const info = JSON.parse(line!) as { url: string; accountName: string; mode: string };
    expect(info).toEqual({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      accountName: 'custom',
      mode: 'retired',
    });
    const retired = await client(info.url, 'custom', CUSTOM_KEY)
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchServiceError(retired) && retired.code).toBe('CertificateRetired');
    const other = await client(info.url, EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY)
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchServiceError(other) && other.code).toBe('AuthenticationFailed');
    started.child.kill('SIGINT');
    const run = await started.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'account: custom (key from $EMU_KEY); mode: retired; a deletion takes 30000 ms.',
    );
    expect(run.stderr).toContain('Batch emulator stopped (SIGINT).');
    expect(`${run.stdout}${run.stderr}`).not.toContain(CUSTOM_KEY);
  });

  it('--path-prefix serves the operations under a gateway path, and prints the URL with it', async () => {
    const started = startCli(bundle, ['emulator', '--path-prefix', '/batch/acct1/', '--json']);
    const [line] = await waitForLine(started, /^\{.*\}\n/);
    const { url } = JSON.parse(line!) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/batch\/acct1$/);
    const items = [];
    for await (const item of client(
      url,
      EMULATOR_ACCOUNT_NAME,
      EMULATOR_ACCOUNT_KEY,
    ).certificate.list()) {
      items.push(item);
    }
    expect(items).toEqual([]);
    const root = await client(new URL(url).origin, EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY)
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchServiceError(root) && root.code).toBe('InvalidUri');
    started.child.kill('SIGTERM');
    expect((await started.done).code).toBe(0);
  });

  it('refuses bad flags before listening', async () => {
    const port = await runCliProcess(bundle, ['emulator', '--port', '70000']);
    expect(port.code).toBe(3);
    expect(port.stderr).toBe(
      'error: invalid arguments (1 issue):\n- --port: must be an integer from 0 to 65535 [range]\n',
    );
    const delay = await runCliProcess(bundle, ['emulator', '--delete-delay-ms', 'soon']);
    expect(delay.code).toBe(3);
    expect(delay.stderr).toBe(
      'error: invalid arguments (1 issue):\n' +
        '- --delete-delay-ms: must be a whole number of milliseconds, 0 or more [range]\n',
    );
    const half = await runCliProcess(bundle, ['emulator', '--account-name', 'x']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--account-name and --account-key-env go together');
    const unset = await runCliProcess(bundle, [
      'emulator',
      '--account-name',
      'x',
      '--account-key-env',
      'NOPE',
    ]);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('--account-key-env NOPE: the variable NOPE is not set');
    const prefix = await runCliProcess(bundle, ['emulator', '--path-prefix', '/certificates']);
    expect(prefix.code).toBe(3);
    expect(prefix.stderr).toBe(
      'error: invalid arguments (1 issue):\n' +
        "- --path-prefix: must not include an operation path: '/certificates' is where the Batch API's own paths begin [pattern]\n",
    );
    expect(`${port.stdout}${delay.stdout}${half.stdout}${unset.stdout}${prefix.stdout}`).toBe('');
  });
});
