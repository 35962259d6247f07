/**
 * `403 AuthenticationFailed` (issue 22, item 3): one hint line naming what to check — the
 * account name, the key (variable or prompt) and the machine's clock — instead of the service's
 * string-to-sign, which `--verbose` and `--json` still give. Both causes are produced for real:
 * a wrong key, and an emulator whose clock is 20 minutes ahead (the service's 15-minute rule).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import {
  authenticationHint,
  describeError,
  SERVICE_MAX_CLOCK_SKEW_IN_MINUTES,
} from '../../../src/cli/format-error.js';
import { globalHelp } from '../../../src/cli/help-text.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { resetDeprecationWarnings } from '../../../src/deprecation/deprecation-warnings.js';
import { DEFAULT_MAX_CLOCK_SKEW_IN_MS } from '../../../src/emulator/constants.js';
import { BatchServiceError } from '../../../src/errors/index.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type RunningBatchEmulator,
  startBatchEmulator,
} from '../../../src/testing/index.js';

/** A well-formed key (64 bytes, as Azure issues them) that is not the emulator's. */
const WRONG_KEY = Buffer.from('wrong-key-'.repeat(7).slice(0, 64)).toString('base64');
const SERVICE_MESSAGE =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';
const HINT =
  "hint: check BATCH_ACCOUNT_NAME and BATCH_ACCOUNT_KEY (a key of that account, as Azure shows it), and this machine's clock: the service refuses requests dated more than 15 minutes from its own time.";
const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const DATE = /[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g;
/** Request ids and dates vary from run to run. */
const stable = (text: string) => text.replace(ID, '<id>').replace(DATE, '<date>');

let running: RunningBatchEmulator;
let skewed: RunningBatchEmulator;

beforeAll(async () => {
  running = await startBatchEmulator();
  skewed = await startBatchEmulator({ now: () => Date.now() + 20 * 60_000 });
});
beforeEach(() => resetDeprecationWarnings());
afterAll(async () => {
  await running?.close();
  await skewed?.close();
});

async function run(argv: string[], env: Record<string, string>, answers: string[] = []) {
  let stdout = '';
  let stderr = '';
  const io = {
    env,
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    stdinIsTTY: answers.length > 0,
    promptSecret: async () => answers.shift() ?? '',
    noDeprecation: true,
  } as unknown as CliIo;
  const exitCode = await runCli(argv, io);
  expect(stdout).toBe('');
  return { exitCode, stderr };
}

const wrongKey = () => ({
  BATCH_ACCOUNT_URL: running.url,
  BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
  BATCH_ACCOUNT_KEY: WRONG_KEY,
});

describe('a wrong key', () => {
  it('prints the status, the first line of the detail and the hint (was: 13 lines of string-to-sign)', async () => {
    const { exitCode, stderr } = await run(['certificate', 'list'], wrongKey());
    expect(exitCode).toBe(4);
    expect(stable(stderr)).toBe(
      [
        `error: ${SERVICE_MESSAGE}`,
        '  status: 403 AuthenticationFailed',
        "  AuthenticationErrorDetail: The MAC signature found in the HTTP request is not the same as any computed signature. Server used following string to sign: 'GET … (14 more lines; --verbose shows them)",
        '  request id: <id>',
        HINT,
        '',
      ].join('\n'),
    );
  });

  it('prints the whole string-to-sign with --verbose, indented under its key', async () => {
    const { stderr } = await run(['certificate', 'list', '--verbose'], wrongKey());
    expect(stable(stderr)).toBe(
      [
        `error: ${SERVICE_MESSAGE}`,
        '  status: 403 AuthenticationFailed',
        "  AuthenticationErrorDetail: The MAC signature found in the HTTP request is not the same as any computed signature. Server used following string to sign: 'GET",
        ...Array(11).fill(''),
        '    ocp-date:<date>',
        `    /${EMULATOR_ACCOUNT_NAME}/certificates`,
        `    api-version:${operations.Certificate_List.apiVersion}'.`,
        '  request id: <id>',
        HINT,
        '',
      ].join('\n'),
    );
  });

  it('keeps every detail in --json and adds the hint', async () => {
    const { exitCode, stderr } = await run(['certificate', 'list', '--json'], wrongKey());
    expect(exitCode).toBe(4);
    const { error } = JSON.parse(stderr) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      name: 'BatchServiceError',
      statusCode: 403,
      code: 'AuthenticationFailed',
      hint: HINT.replace('hint: ', ''),
    });
    const [detail] = error.values as { key: string; value: string }[];
    expect(detail!.key).toBe('AuthenticationErrorDetail');
    expect(detail!.value.split('\n')).toHaveLength(15);
  });

  it('names the prompt when the key was typed there', async () => {
    const env = { BATCH_ACCOUNT_URL: running.url, BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME };
    const { exitCode, stderr } = await run(['certificate', 'list'], env, [WRONG_KEY]);
    expect(exitCode).toBe(4);
    expect(stderr.split('\n').at(-2)).toBe(
      "hint: check BATCH_ACCOUNT_NAME and the key typed at the prompt (a key of that account, as Azure shows it), and this machine's clock: the service refuses requests dated more than 15 minutes from its own time.",
    );
  });
});

describe('a clock more than 15 minutes off', () => {
  it('prints the service detail, one line, and the same hint', async () => {
    const { exitCode, stderr } = await run(['certificate', 'list'], {
      BATCH_ACCOUNT_URL: skewed.url,
      BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
      BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
    });
    expect(exitCode).toBe(4);
    expect(stable(stderr)).toBe(
      [
        `error: ${SERVICE_MESSAGE}`,
        '  status: 403 AuthenticationFailed',
        "  AuthenticationErrorDetail: The ocp-date header value '<date>' differs from the server time '<date>' by more than 15 minutes.",
        '  request id: <id>',
        HINT,
        '',
      ].join('\n'),
    );
  });
});

describe('the hint', () => {
  const error = (statusCode: number, code: string) =>
    new BatchServiceError({ statusCode, code, message: 'm', values: [] });
  const account = { name: 'BATCH_ACCOUNT_NAME', key: 'BATCH_ACCOUNT_KEY' };

  it('is given for 403 AuthenticationFailed only, and only when an account was used', () => {
    expect(describeError(error(403, 'AuthenticationFailed'), { json: false, account }).text).toBe(
      `error: m\n  status: 403 AuthenticationFailed\n${HINT}\n`,
    );
    expect(describeError(error(403, 'AuthenticationFailed'), { json: false }).text).toBe(
      'error: m\n  status: 403 AuthenticationFailed\n',
    );
    expect(describeError(error(403, 'Forbidden'), { json: false, account }).text).toBe(
      'error: m\n  status: 403 Forbidden\n',
    );
    expect(describeError(error(404, 'AuthenticationFailed'), { json: false, account }).text).toBe(
      'error: m\n  status: 404 AuthenticationFailed\n',
    );
    expect(authenticationHint(account)).toBe(HINT);
  });

  it("states the service's 15 minutes, which the emulator applies too", () => {
    expect(SERVICE_MAX_CLOCK_SKEW_IN_MINUTES).toBe(15);
    expect(DEFAULT_MAX_CLOCK_SKEW_IN_MS).toBe(SERVICE_MAX_CLOCK_SKEW_IN_MINUTES * 60_000);
  });

  it('is announced in the global help, with --verbose', () => {
    const help = globalHelp(buildCommands(operations)).replace(/\s+/g, ' ');
    expect(help).toContain(
      "A 403 AuthenticationFailed answer means a wrong name or key, or a clock more than 15 minutes off the service's: the error names what to check, and --verbose adds the service's detail.",
    );
    expect(help).toContain(
      "--verbose Print an error's every detail in full, e.g. the string-to-sign the service sends with 403 AuthenticationFailed (shortened to its first line otherwise).",
    );
  });
});
