/**
 * The bundled `batch-rest` bin against a loopback emulator running in this process: output,
 * emulator state and exit codes of every command and error class.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  BatchClient,
  type BatchServiceError,
  BatchSharedKeyCredential,
} from '../../../src/index.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type RunningBatchEmulator,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import {
  type CertificateFiles,
  makeCertificateFiles,
  PFX_PASSWORD,
} from './support/certificate-files.js';
import { cliBundle, runCliProcess } from './support/cli-process.js';

const ADD_WARNING =
  'DeprecationWarning [BATCH_DEP_CERTIFICATE_ADD]: certificate.add() is deprecated. Azure Batch ' +
  'certificates were retired on 29 February 2024 and the live service rejects this call (400 ' +
  'CertificateRetired). Use the Azure Key Vault VM extension instead: ' +
  'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide\n';
const RETIREMENT =
  "error: Certificate operation 'certificate.list' failed: Azure Batch certificates were retired " +
  'on 29 February 2024, so this call cannot succeed against the live Batch service.';

let dir: string;
let bundle: string;
let files: CertificateFiles;
let running: RunningBatchEmulator;
let env: Record<string, string>;

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

const cli = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) =>
  runCliProcess(bundle, args, { env: { ...env, ...options.env }, stdin: options.stdin });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-cli-'));
  bundle = await cliBundle();
  files = makeCertificateFiles(dir);
  running = await startBatchEmulator();
  env = {
    BATCH_ACCOUNT_URL: running.url,
    BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
    BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
  };
});

afterEach(() => {
  running.emulator.reset();
  running.emulator.setMode('classic');
});

afterAll(async () => {
  await running?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('certificate add', () => {
  it('adds a .cer file with the thumbprint openssl computes, warning once on stderr', async () => {
    const run = await cli(['certificate', 'add', '--file', files.cer]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^certificate add: done\n/);
    expect(run.stdout).toMatch(/^requestId: +[0-9a-f-]{36}$/m);
    expect(run.stderr).toBe(ADD_WARNING);
    expect(count(run.stderr, 'DeprecationWarning')).toBe(1);
    const stored = running.emulator.certificate(EMULATOR_ACCOUNT_NAME, files.cerThumbprint);
    expect(stored).toMatchObject({ state: 'active', certificateFormat: 'cer' });
  });

  it('adds a .pfx with the password from --password-env, never printing it', async () => {
    const run = await cli(
      ['certificate', 'add', '--file', files.pfx, '--password-env', 'PFX_PASSWORD', '--json'],
      { env: { PFX_PASSWORD } },
    );
    expect(run.code).toBe(0);
    const headers = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(headers.dataServiceId).toBe(
      `${running.url}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${files.pfxThumbprint})`,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain(PFX_PASSWORD);
    const stored = running.emulator.certificate(EMULATOR_ACCOUNT_NAME, files.pfxThumbprint);
    expect(stored).toMatchObject({ state: 'active', certificateFormat: 'pfx' });
  });

  it('refuses a protected .pfx without a password when stdin is not a terminal (exit 7)', async () => {
    const run = await cli(['certificate', 'add', '--file', files.pfx]);
    expect(run.code).toBe(7);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[PASSWORD_REQUIRED]');
    expect(run.stderr).toContain('pass --password-env VAR');
    expect(running.emulator.requests).toHaveLength(0);
  });

  it('refuses a wrong password (exit 7) and an unset password variable (exit 2)', async () => {
    const wrong = await cli(['certificate', 'add', '--file', files.pfx, '--password-env', 'PW'], {
      env: { PW: 'not-the-password' },
    });
    expect(wrong.code).toBe(7);
    expect(wrong.stderr).toContain('[WRONG_PASSWORD]');
    expect(wrong.stderr).not.toContain('not-the-password');
    const unset = await cli(['certificate', 'add', '--file', files.pfx, '--password-env', 'PW']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('--password-env PW: the variable PW is not set');
  });

  it('reads a JSON body from stdin with --body -', async () => {
    const body = {
      thumbprint: files.cerThumbprint,
      thumbprintAlgorithm: 'sha1',
      data: files.cerBase64,
      certificateFormat: 'cer',
    };
    const run = await cli(['certificate', 'add', '--body', '-'], { stdin: JSON.stringify(body) });
    expect(run.code).toBe(0);
    expect(running.emulator.certificate(EMULATOR_ACCOUNT_NAME, files.cerThumbprint)?.state).toBe(
      'active',
    );
  });

  it('reports an invalid body from --body-file as a validation error and sends nothing (exit 3)', async () => {
    const path = join(dir, 'bad-body.json');
    await writeFile(path, JSON.stringify({ thumbprint: 'not hex!', thumbprintAlgorithm: 'sha1' }));
    const run = await cli(['certificate', 'add', '--body-file', path]);
    expect(run.code).toBe(3);
    // Body fields are named inside the JSON the flag gave, as jq writes a path.
    expect(run.stderr).toContain(
      'error: invalid arguments (2 issues):\n' +
        '- --body-file .data: is required [required]\n' +
        '- --body-file .thumbprint: must be 1 to 40 hex digits (white space, colons and invisible marks are removed first) [pattern]\n',
    );
    expect(running.emulator.requests).toHaveLength(0);
  });
});

describe('one 10 KB limit, one wording', () => {
  const RULE = 'must be at most 10240 bytes once decoded from base64';

  it('--file, --body and the emulator refuse 10241 bytes with the same words, sending nothing from the CLI', async () => {
    // A real certificate over the limit: a self-signed EC certificate with many names.
    const names = Array.from({ length: 600 }, (_, i) => `DNS:host-${i}.example.com`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '2',
      ]
        .concat(['-subj', '/CN=big', '-addext', `subjectAltName=${names}`])
        .concat(['-keyout', 'big.key', '-outform', 'DER', '-out', 'big.cer']),
      { cwd: dir, stdio: 'pipe' },
    );
    const file = await cli(['certificate', 'add', '--file', join(dir, 'big.cer')]);
    expect(file.code).toBe(7);
    expect(file.stderr).toContain('[TOO_LARGE]');
    expect(file.stderr).toContain(RULE);

    // 10241 bytes are 13656 base64 characters, exactly as many as 10240 bytes.
    const data = Buffer.alloc(10241, 7).toString('base64');
    expect(data).toHaveLength(13656);
    const body = {
      thumbprint: 'ab',
      thumbprintAlgorithm: 'sha1' as const,
      data,
      certificateFormat: 'cer' as const,
    };
    const run = await cli(['certificate', 'add', '--body', '-'], { stdin: JSON.stringify(body) });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`- --body - .data: ${RULE} [maxBytes]`);
    expect(running.emulator.requests).toHaveLength(0);

    // The emulator, reached with the client's validation off, states the same rule.
    const client = new BatchClient(
      running.url,
      new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
      { allowInsecureConnection: true, validation: false, deprecationWarnings: 'off' },
    );
    const error = (await client.certificate
      .add(body)
      .catch((e: unknown) => e)) as BatchServiceError;
    expect(error.statusCode).toBe(400);
    expect(error.values).toContainEqual({ key: 'Reason', value: `data ${RULE}.` });
  });
});

describe('list, get, delete, cancel-deletion', () => {
  async function addBoth(): Promise<void> {
    expect((await cli(['certificate', 'add', '--file', files.cer])).code).toBe(0);
    const pfx = await cli(['certificate', 'add', '--file', files.pfx, '--password-env', 'P'], {
      env: { P: PFX_PASSWORD },
    });
    expect(pfx.code).toBe(0);
  }

  it('lists every certificate as JSON (one document on stdout)', async () => {
    await addBoth();
    const run = await cli(['certificate', 'list', '--json', '--max-results', '1']);
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { thumbprint: string; state: string }[];
    expect(items.map((i) => i.thumbprint)).toEqual(
      [files.cerThumbprint, files.pfxThumbprint].sort(),
    );
    expect(items.every((i) => i.state === 'active')).toBe(true);
    const pages = running.emulator.requests.filter((r) => r.operationId === 'Certificate_List');
    expect(pages).toHaveLength(2);
    // One warning for the two pages, as a line of JSON (--json).
    expect(
      run.stderr
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    ).toEqual([{ warning: { code: 'BATCH_DEP_CERTIFICATE_LIST', message: expect.any(String) } }]);
  });

  it('lists as a table for humans and passes --filter through', async () => {
    await addBoth();
    const run = await cli([
      'certificate',
      'list',
      '--filter',
      `thumbprint eq '${files.cerThumbprint}'`,
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^thumbprint +thumbprintAlgorithm +state +stateTransitionTime$/);
    expect(lines[1]).toMatch(new RegExp(`^${files.cerThumbprint} +sha1 +active +\\d{4}-`));
    expect(lines.at(-1)).toBe('(1 item)');
  });

  it('gets one certificate as key: value lines', async () => {
    await addBoth();
    const run = await cli(['certificate', 'get', 'sha1', files.cerThumbprint.toUpperCase()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^thumbprint: +${files.cerThumbprint}$`, 'm'));
    expect(run.stdout).toMatch(/^state: +active$/m);
  });

  it('deletes (deleting, then deleteFailed while in use), and cancel-deletion restores active', async () => {
    await addBoth();
    running.emulator.markInUse(EMULATOR_ACCOUNT_NAME, files.cerThumbprint, ['pool-a']);
    const del = await cli(['certificate', 'delete', 'sha1', files.cerThumbprint]);
    expect(del.code).toBe(0);
    expect(del.stdout).toMatch(/^certificate delete: done\n/);
    const deleting = await cli(['certificate', 'get', 'sha1', files.cerThumbprint, '--json']);
    expect(JSON.parse(deleting.stdout)).toMatchObject({
      state: 'deleting',
      previousState: 'active',
    });
    running.emulator.completeDeletions();
    const got = await cli(['certificate', 'get', 'sha1', files.cerThumbprint, '--json']);
    expect(JSON.parse(got.stdout)).toMatchObject({
      state: 'deletefailed',
      deleteCertificateError: { code: 'CertificateInUse' },
    });
    const cancel = await cli(['certificate', 'cancel-deletion', 'sha1', files.cerThumbprint]);
    expect(cancel.code).toBe(0);
    expect(cancel.stdout).toMatch(/^certificate cancel-deletion: done\n/);
    const after = running.emulator.certificate(EMULATOR_ACCOUNT_NAME, files.cerThumbprint);
    expect(after?.state).toBe('active');
  });

  it('reports a service error with its code and request id (exit 4)', async () => {
    const run = await cli(['certificate', 'get', 'sha1', files.cerThumbprint]);
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: The specified certificate does not exist.');
    expect(run.stderr).toContain('  status: 404 CertificateNotFound');
    expect(run.stderr).toMatch(/^ {2}request id: [0-9a-f-]{36}$/m);
  });
});

describe('errors and exit codes', () => {
  it('rejects a flag value before sending (exit 3)', async () => {
    const run = await cli(['certificate', 'list', '--timeout', 'soon', '--max-results', '0']);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'error: invalid arguments (1 issue):\n- --timeout: must be an integer [type]\n',
    );
    const range = await cli(['certificate', 'list', '--max-results', '5000']);
    expect(range.code).toBe(3);
    // The client's refusal names the flag, not the library option (options.maxResults).
    expect(range.stderr.slice(range.stderr.indexOf('error: '))).toBe(
      'error: invalid arguments (1 issue):\n- --max-results: must be at most 1000 [maximum]\n',
    );
    expect(running.emulator.requests).toHaveLength(0);
  });

  it('turns the retirement into an actionable message (exit 5), also as JSON', async () => {
    running.emulator.setMode('retired');
    const run = await cli(['certificate', 'list']);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(RETIREMENT);
    expect(run.stderr).toContain('  status: 400 CertificateRetired\n');
    expect(run.stderr).toContain(
      "  service message: The 'Azure Batch Certificates' feature was retired on 02/29/2024.\n",
    );
    const json = await cli(['certificate', 'list', '--json']);
    expect(json.code).toBe(5);
    expect(json.stdout).toBe('');
    const error = JSON.parse(json.stderr.split('\n').at(-2)!) as { error: Record<string, unknown> };
    expect(error.error).toMatchObject({
      exitCode: 5,
      code: 'CertificateRetired',
      retired: true,
      statusCode: 400,
    });
  });

  it('asks for an account when none is configured (exit 2)', async () => {
    const run = await runCliProcess(bundle, ['certificate', 'list']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: no Batch account configured: set BATCH_ACCOUNT_URL, BATCH_ACCOUNT_NAME, ' +
        'BATCH_ACCOUNT_KEY (or pass --emulator to use an in-process emulator)\n' +
        "Run 'batch-rest --help' for usage.\n",
    );
  });

  it('reports a wrong key as a service error without printing the key (exit 4)', async () => {
    const key = Buffer.from('a wrong key that is 32 bytes!!!!').toString('base64');
    const run = await cli(['certificate', 'list'], { env: { BATCH_ACCOUNT_KEY: key } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('403 AuthenticationFailed');
    expect(run.stderr).not.toContain(key);
  });

  it('reports a refused connection as a network error (exit 6)', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise<void>((done) => server.close(() => done()));
    const run = await cli(['certificate', 'list', '--max-retries', '0'], {
      env: { BATCH_ACCOUNT_URL: `http://127.0.0.1:${port}` },
    });
    expect(run.code).toBe(6);
    expect(run.stderr).toContain(
      "error: 'batch-rest certificate list' failed with a network error (ECONNREFUSED) after 1 attempt: no response was received from the Batch service.\n",
    );
  });

  it('refuses the password given where --password-env wants its variable name, without printing it', async () => {
    const run = await cli(
      ['certificate', 'add', '--file', files.pfx, '--password-env', PFX_PASSWORD],
      {
        env: { PFX_PASSWORD },
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: --password-env takes the name of an environment variable, but was given the value of ' +
        '$PFX_PASSWORD (not shown): write --password-env PFX_PASSWORD, without the $\n' +
        "Run 'batch-rest certificate add --help' for usage.\n",
    );
    expect(run.stdout).toBe('');
    expect(running.emulator.certificates(EMULATOR_ACCOUNT_NAME)).toEqual([]);
  });

  it.each([
    [
      ['certificate', 'frobnicate'],
      "error: unknown command 'certificate frobnicate' (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
    ],
    [['pool', 'list'], "error: unknown command 'pool' (commands: certificate, emulator)"],
    [['certificate', 'list', '--nope'], "error: unknown option '--nope'"],
    [
      ['certificate', 'get', 'sha1'],
      'error: expected 2 arguments (<thumbprint-algorithm> <thumbprint>), got 1',
    ],
    [[], 'error: missing command'],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe(message);
    expect(run.stderr).toMatch(/Run 'batch-rest( certificate)?( \w+)? --help' for usage\.\n$/);
  });
});

describe('--emulator and --help', () => {
  it('runs against an in-process emulator with no account configured', async () => {
    const add = await runCliProcess(bundle, [
      'certificate',
      'add',
      '--file',
      files.cer,
      '--emulator',
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/^certificate add: done\n/);
    const retired = await runCliProcess(bundle, ['--emulator', 'retired', 'certificate', 'list']);
    expect(retired.code).toBe(5);
    expect(retired.stderr).toContain(RETIREMENT);
  });

  it('prints help generated from the spec on stdout (exit 0)', async () => {
    const run = await runCliProcess(bundle, ['certificate', 'cancel-deletion', '--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Usage: batch-rest certificate cancel-deletion <thumbprint-algorithm> <thumbprint> \[flags\]\n/,
    );
    expect(run.stdout).toContain(
      'Returns a Certificate whose deletion failed to the active state.',
    );
    expect(run.stdout).toContain('Deprecated: certificate.cancelDeletion() is deprecated.');
    const global = await runCliProcess(bundle, ['--help']);
    expect(global.code).toBe(0);
    expect(global.stdout).toContain(
      'certificate                 add, cancel-deletion, delete, get, list, migrate-plan',
    );
    expect(global.stdout).toMatch(/^ {2}5 {3}the service answered CertificateRetired/m);
  });
});
