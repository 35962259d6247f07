/**
 * CLI words in CLI errors (issue 22, item 3): what the client library refuses reaches the user
 * named by flags, arguments and environment variables, never by library option names
 * (`options.clientRequestId`, `accountKeyBase64`, `allowInsecureConnection`, `timeoutInMs`).
 * The mapping comes from the command table, so it is checked for every command and parameter.
 */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { CertificateFileError } from '../../../src/certificate-file/certificate-file-error.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { bodyFlagOf, cliIssuePath, withCliNames } from '../../../src/cli/cli-names.js';
import { buildCommands, positionalName } from '../../../src/cli/command-table.js';
import { describeError, RETIRED_HINT } from '../../../src/cli/format-error.js';
import { runCli } from '../../../src/cli/run-cli.js';
import {
  BatchNetworkError,
  BatchResponseError,
  BatchTimeoutError,
  BatchValidationError,
} from '../../../src/errors/index.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from '../../../src/testing/index.js';

const commands = buildCommands(operations, [certificateBodySource]);
const command = (name: string) => commands.find((c) => c.name === name)!;
/** Library words a CLI user cannot act on. */
const LIBRARY_WORDS = /options\.|accountKeyBase64|allowInsecureConnection|timeoutInMs|accountUrl/;

async function run(argv: string[], env: Record<string, string> = {}, stdin = '') {
  let stderr = '';
  const io = {
    env,
    stdout: () => {
      throw new Error('nothing on stdout expected');
    },
    stderr: (text: string) => {
      stderr += text;
    },
    readStdin: async () => stdin,
    stdinIsTTY: false,
    noDeprecation: true,
  } as unknown as CliIo;
  const exitCode = await runCli(argv, io);
  expect(stderr).not.toMatch(LIBRARY_WORDS);
  return { exitCode, stderr };
}

describe('library issue paths in the command line words, by the command table', () => {
  it('names every option of every command by its flag, every path parameter by its argument', () => {
    let checked = 0;
    for (const c of commands) {
      for (const flag of c.parameterFlags) {
        const name = flag.parameter!.clientName;
        expect(cliIssuePath(`options.${name}`, c)).toBe(`--${flag.name}`);
        checked++;
      }
      for (const p of c.positionals) {
        expect(cliIssuePath(p.clientName, c)).toBe(positionalName(p));
        checked++;
      }
    }
    // Every non-body parameter of the table was checked, none skipped.
    const parameters = Object.values(operations).flatMap((op) =>
      op.parameters.filter((p) => (p.location as string) !== 'body'),
    );
    expect(checked).toBe(parameters.length);
    expect(checked).toBe(30);
  });

  it('names body fields inside the JSON the body flag gave, as jq writes a path', () => {
    const add = command('add');
    expect(cliIssuePath('certificate.thumbprint', add, '--body-file')).toBe(
      '--body-file .thumbprint',
    );
    expect(cliIssuePath('certificate.data', add, '--body -')).toBe('--body - .data');
    expect(cliIssuePath('certificate.data', add, '--file')).toBe('--file .data');
    expect(cliIssuePath('certificate.values[0].name', add, '--body-file')).toBe(
      '--body-file .values[0].name',
    );
    expect(cliIssuePath('certificate', add, '--body-file')).toBe('--body-file');
    expect(cliIssuePath('options.select.1', command('get'))).toBe('--select[1]');
  });

  it('leaves paths that are already the command line words, or name nothing of the command', () => {
    const list = command('list');
    for (const path of ['--timeout', '<thumbprint>', '--body-file', 'options.retry', 'x.y']) {
      expect(cliIssuePath(path, list)).toBe(path);
    }
    // Without knowing the body flag, a body path keeps the library's form.
    expect(cliIssuePath('certificate.thumbprint', command('add'))).toBe('certificate.thumbprint');
  });

  it('tells each body flag by how the body was given', () => {
    expect(bodyFlagOf({ from: 'none' })).toBeUndefined();
    expect(bodyFlagOf({ from: 'file', path: 'b.json' })).toBe('--body-file');
    expect(bodyFlagOf({ from: 'stdin' })).toBe('--body -');
    expect(bodyFlagOf({ from: 'source', source: certificateBodySource, values: {} })).toBe(
      '--file',
    );
  });

  it('returns a new error and leaves the library error and other errors as they are', () => {
    const error = new BatchValidationError([
      { path: 'options.clientRequestId', rule: 'format', message: 'must be a UUID' },
    ]);
    const named = withCliNames(error, command('list')) as BatchValidationError;
    expect(named.message).toBe(
      'Invalid arguments (1 issue):\n- --client-request-id: must be a UUID [format]',
    );
    expect(error.issues[0]!.path).toBe('options.clientRequestId');
    const other = new Error('x');
    expect(withCliNames(other, command('list'))).toBe(other);
  });
});

describe('what the user sees', () => {
  it('the client refusing --client-request-id (was: options.clientRequestId)', async () => {
    const { exitCode, stderr } = await run([
      'certificate',
      'list',
      '--emulator',
      '--client-request-id',
      'not-a-uuid',
    ]);
    expect(exitCode).toBe(3);
    expect(stderr).toBe(
      'error: invalid arguments (1 issue):\n- --client-request-id: must be a UUID: 32 hex digits in groups of 8-4-4-4-12 separated by hyphens, without braces [pattern]\n',
    );
  });

  it('the client refusing both arguments and a flag (was: thumbprintAlgorithm, thumbprint, options.timeout)', async () => {
    const { exitCode, stderr } = await run([
      'certificate',
      'get',
      'sha256',
      'zz',
      '--timeout',
      '0',
      '--emulator',
    ]);
    expect(exitCode).toBe(3);
    expect(stderr).toBe(
      [
        'error: invalid arguments (3 issues):',
        '- <thumbprint-algorithm>: must be "sha1" [enum]',
        '- <thumbprint>: must be 1 to 40 hex digits (white space, colons and invisible marks are removed first) [pattern]',
        '- --timeout: must be at least 1 [minimum]',
        '',
      ].join('\n'),
    );
  });

  it('the same paths in --json issues', async () => {
    const { stderr } = await run(['certificate', 'get', 'sha1', 'zz', '--emulator', '--json']);
    const { error } = JSON.parse(stderr) as { error: { issues: { path: string }[] } };
    expect(error.issues.map((i) => i.path)).toEqual(['<thumbprint>']);
  });

  it('a body from stdin (was: certificate.thumbprint)', async () => {
    const body = JSON.stringify({ thumbprint: 'zz', thumbprintAlgorithm: 'sha1' });
    const { exitCode, stderr } = await run(
      ['certificate', 'add', '--body', '-', '--emulator'],
      {},
      body,
    );
    expect(exitCode).toBe(3);
    expect(stderr).toBe(
      [
        'error: invalid arguments (2 issues):',
        '- --body - .data: is required [required]',
        '- --body - .thumbprint: must be 1 to 40 hex digits (white space, colons and invisible marks are removed first) [pattern]',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['ht\ttp://acct.westus.batch.azure.com', 'a tab inside the scheme (the URL parser drops it)'],
    ['HTTP://acct.westus.batch.azure.com', 'capitals'],
    ['http://acct.westus.batch.azure.com', 'plain'],
  ])('an http URL, %j: what the CLI accepts, not allowInsecureConnection (%s)', async (url) => {
    const { exitCode, stderr } = await run(['certificate', 'list'], {
      BATCH_ACCOUNT_URL: url,
      BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
      BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
    });
    expect(exitCode).toBe(2);
    expect(stderr).toBe(
      'error: BATCH_ACCOUNT_URL uses http:, which would send signed requests in clear text; use https: (http: is allowed only for a local emulator on 127.0.0.1, [::1] or localhost)\n' +
        "Run 'batch-rest --help' for usage.\n",
    );
  });

  it('a key that is not base64 names its variable (BATCH_ACCOUNT_KEY, or the emulator flag)', async () => {
    const account = await run(['certificate', 'list'], {
      BATCH_ACCOUNT_URL: 'https://acct.westus.batch.azure.com',
      BATCH_ACCOUNT_NAME: 'acct',
      BATCH_ACCOUNT_KEY: 'not base64!',
    });
    expect(account).toEqual({
      exitCode: 2,
      stderr:
        'error: BATCH_ACCOUNT_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)\n' +
        "Run 'batch-rest --help' for usage.\n",
    });
    // Was exit 1: "The key of emulator account 'custom' must be base64."
    const emulator = await run(
      ['emulator', '--account-name', 'custom', '--account-key-env', 'EMU_KEY'],
      { EMU_KEY: 'not base64!' },
    );
    expect(emulator).toEqual({
      exitCode: 2,
      stderr:
        'error: --account-key-env EMU_KEY: the variable EMU_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)\n' +
        "Run 'batch-rest emulator --help' for usage.\n",
    });
  });

  it('a timeout names the command and no library option (was: per-attempt timeoutInMs)', () => {
    const error = new BatchTimeoutError({
      timeoutInMs: 30000,
      attempts: 4,
      operation: 'certificate.list',
    });
    const context = { json: false, command: command('list') };
    expect(describeError(error, context).text).toBe(
      "error: 'batch-rest certificate list' timed out: no response within 30000 ms per attempt, after 4 attempts.\n",
    );
    const json = JSON.parse(describeError(error, { ...context, json: true }).text) as {
      error: Record<string, unknown>;
    };
    expect(json.error.message).toBe(
      "'batch-rest certificate list' timed out: no response within 30000 ms per attempt, after 4 attempts.",
    );
    expect(describeError(new BatchTimeoutError({ timeoutInMs: 5 }), { json: false }).text).toBe(
      'error: The request timed out: no response within 5 ms per attempt.\n',
    );
  });

  it.each([
    [
      'FORMAT_MISMATCH',
      'The file is not of the format --format names: drop --format, or give the other file.',
    ],
    [
      'INVALID_THUMBPRINT',
      '--expected-thumbprint takes the 40 hex digits of a SHA-1 thumbprint (spaces and colons are ignored).',
    ],
    [
      'THUMBPRINT_MISMATCH',
      'The file is not the certificate --expected-thumbprint names: check the file and the thumbprint.',
    ],
  ])('a certificate file refused for %s names the flag to change', (code, hint) => {
    const error = new CertificateFileError(code as 'FORMAT_MISMATCH', 'the file says why');
    expect(describeError(error, { json: false })).toEqual({
      exitCode: 7,
      text: `error: the file says why [${code}]\n${hint}\n`,
    });
  });

  it("a retired operation: the CLI's alternatives after the library's advice", async () => {
    const { exitCode, stderr } = await run(['certificate', 'list', '--emulator', 'retired']);
    expect(exitCode).toBe(5);
    expect(stderr).toContain(
      "For tests, use the emulator from 'batch-rest-client/testing'.\n  status: 400 CertificateRetired\n",
    );
    expect(stderr.split('\n').at(-2)).toBe(
      "hint: --emulator runs the command against a local emulator of the service as it was; 'batch-rest certificate migrate-plan' plans a pool's move to Azure Key Vault.",
    );
    expect(RETIRED_HINT).toBe(stderr.split('\n').at(-2));
    const json = await run(['certificate', 'list', '--emulator', 'retired', '--json']);
    const { error } = JSON.parse(json.stderr) as { error: Record<string, unknown> };
    expect(error.hint).toBe(RETIRED_HINT.replace('hint: ', ''));
  });

  it('a port in use names --port (was: exit 1, listen EADDRINUSE …)', async () => {
    const taken = await startBatchEmulator();
    try {
      const port = new URL(taken.url).port;
      const { exitCode, stderr } = await run(['emulator', '--port', port]);
      expect(exitCode).toBe(2);
      expect(stderr).toBe(
        `error: --port ${port}: the port is in use (EADDRINUSE); give another, or 0 for any free port\n` +
          "Run 'batch-rest emulator --help' for usage.\n",
      );
    } finally {
      await taken.close();
    }
  });

  it('network and response errors begin with the command, not the client method', async () => {
    const { exitCode, stderr } = await run(['certificate', 'list', '--max-retries', '0'], {
      BATCH_ACCOUNT_URL: 'http://127.0.0.1:1',
      BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
      BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
    });
    expect(exitCode).toBe(6);
    expect(stderr).toBe(
      "error: 'batch-rest certificate list' failed with a network error (ECONNREFUSED) after 1 attempt: no response was received from the Batch service.\n",
    );
    const response = new BatchResponseError({
      problem: 'emptyBody',
      statusCode: 200,
      expected: 'Certificate',
      operation: 'certificate.get',
    });
    const context = { json: false, command: command('get') };
    const text = describeError(response, context).text;
    expect(
      text.startsWith(
        "error: 'batch-rest certificate get' got a 200 answer that cannot be a Certificate: ",
      ),
    ).toBe(true);
    const json = JSON.parse(describeError(response, { ...context, json: true }).text) as {
      error: Record<string, unknown>;
    };
    expect(`error: ${json.error.message}\n`).toBe(text);
    expect(json.error.operation).toBe('certificate.get');
    // Without a command (an error outside an operation) the library's words stay.
    expect(
      describeError(new BatchNetworkError({ operation: 'certificate.get' }), { json: false }).text,
    ).toBe(
      "error: Operation 'certificate.get' failed with a network error: no response was received from the Batch service.\n",
    );
  });
});
