/**
 * No CLI message repeats a secret (issue 18, item 6). Each entry runs `runCli` in process with a
 * distinctive secret where a user might put one by mistake — after `--password-env` or
 * `--account-key-env` instead of a variable name, in an unknown or repeated flag, as a value of a
 * switch, as a stray argument or command word, in `BATCH_ACCOUNT_*`, in a body — in text and in
 * `--json` mode, and scans everything written to stdout and stderr. Each entry also asserts the
 * message it gets, so a run that printed nothing (or the wrong refusal) cannot pass.
 *
 * The rule: a flag value is repeated only when the flag is known and its value cannot be a
 * secret; a variable name only when it is a valid name (letters, digits and _); a command or
 * flag word only when it is written like one (kebab-case); a refused account name or key never.
 * "Did you mean" suggestions are names from the command table, offered only for a word that is
 * quoted (issue 22); the 403 AuthenticationFailed hint names variables, never their values.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../../src/cli/run-cli.js';
import { resetDeprecationWarnings } from '../../../src/deprecation/deprecation-warnings.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type RunningBatchEmulator,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import { IDENTITY } from '../../unit/migration/support.js';
import { type CertificateFiles, makeCertificateFiles } from './support/certificate-files.js';
import { fakeIo } from './support/fake-io.js';

/** A password that cannot be a variable name. */
const PASSWORD = 'Pa55:w0rd!zQ7-secret';
/** A password that happens to be a valid variable name (the regex alone cannot tell). */
const NAME_LIKE_PASSWORD = 'hunter2XqSecret';
/** An account key as Azure issues them: 64 bytes, 88 base64 characters. */
const ACCOUNT_KEY = Buffer.from('k3y-'.repeat(16)).toString('base64');
const SECRETS = [PASSWORD, NAME_LIKE_PASSWORD, ACCOUNT_KEY];

let dir: string;
let files: CertificateFiles;
let running: RunningBatchEmulator;
/** An emulator whose clock is 20 minutes ahead: every request is dated too far from it. */
let skewed: RunningBatchEmulator;
let bodyWithSecrets: string;
let notJson: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-no-echo-'));
  files = makeCertificateFiles(dir);
  running = await startBatchEmulator();
  skewed = await startBatchEmulator({ now: () => Date.now() + 20 * 60_000 });
  bodyWithSecrets = join(dir, 'body.json');
  await writeFile(
    bodyWithSecrets,
    JSON.stringify({
      thumbprint: 'not hex',
      thumbprintAlgorithm: 'sha1',
      data: PASSWORD,
      certificateFormat: 'pfx',
      password: NAME_LIKE_PASSWORD,
    }),
  );
  notJson = join(dir, 'not-json.json');
  await writeFile(notJson, `{"password": "${PASSWORD}", `);
});

afterAll(async () => {
  await running?.close();
  await skewed?.close();
  await rm(dir, { recursive: true, force: true });
});

/** No prompt may be left unanswered, and no command here may start the emulator and wait. */
const io = (env: Record<string, string>, answers: readonly string[] = []) =>
  fakeIo({
    env,
    answers,
    noDeprecation: true,
    waitForStop: () => Promise.reject(new Error('the command should have been refused')),
  });

interface Entry {
  readonly argv: () => string[];
  readonly env?: () => Record<string, string>;
  /** Answers typed at a prompt (stdin is then a terminal). */
  readonly answers?: readonly string[];
  readonly exitCode: number;
  /** The first line of stderr in text mode, after `error: `. */
  readonly message: string | RegExp;
  /** The "did you mean" suggestions (text: their line; JSON: `error.suggestions`). */
  readonly suggestions?: readonly string[];
  /** The 403 hint (text: its line; JSON: `error.hint`). */
  readonly hint?: string;
}

const account = () => ({
  BATCH_ACCOUNT_URL: running.url,
  BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
  BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
});
const add =
  (...rest: string[]) =>
  () => ['certificate', 'add', '--file', files.pfx, ...rest];
const migratePlan =
  (...rest: string[]) =>
  () => [
    'certificate',
    'migrate-plan',
    '--pool',
    join(dir, 'pool.json'),
    '--secrets',
    join(dir, 'secrets.json'),
    '--identity',
    IDENTITY.resourceId,
    '--client-id',
    IDENTITY.clientId,
    ...rest,
  ];
const NOT_A_NAME = (flag: string) =>
  `${flag} takes the name of an environment variable (letters, digits and _, not starting with a digit); the value given is not one and is not shown`;
const AUTHENTICATION_FAILED =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';
const HINT = (key: string) =>
  `check BATCH_ACCOUNT_NAME and ${key} (a key of that account, as Azure shows it), and this machine's clock: the service refuses requests dated more than 15 minutes from its own time.`;
const VALUE_OF = (flag: string, variable: string) =>
  `${flag} takes the name of an environment variable, but was given the value of $${variable} (not shown): write ${flag} ${variable}, without the $`;

const ENTRIES: Record<string, Entry> = {
  'the password after --password-env (the reported case)': {
    argv: add('--password-env', PASSWORD),
    env: () => ({ ...account(), PFX_PASSWORD: PASSWORD }),
    exitCode: 2,
    message: VALUE_OF('--password-env', 'PFX_PASSWORD'),
  },
  'a password that looks like a name after --password-env': {
    argv: add('--password-env', NAME_LIKE_PASSWORD),
    env: () => ({ ...account(), PFX_PASSWORD: NAME_LIKE_PASSWORD }),
    exitCode: 2,
    message: VALUE_OF('--password-env', 'PFX_PASSWORD'),
  },
  'a password typed literally after --password-env': {
    argv: add('--password-env', PASSWORD),
    env: account,
    exitCode: 2,
    message: NOT_A_NAME('--password-env'),
  },
  '--password-env=<password>': {
    argv: add(`--password-env=${PASSWORD}`),
    env: account,
    exitCode: 2,
    message: NOT_A_NAME('--password-env'),
  },
  '--password-env given twice, the second time with the password': {
    argv: add('--password-env', 'PFX_PASSWORD', '--password-env', PASSWORD),
    env: () => ({ ...account(), PFX_PASSWORD: PASSWORD }),
    exitCode: 2,
    message: "option '--password-env' is given more than once; give it once",
  },
  'a password starting with - after --password-env': {
    argv: add('--password-env', `-${PASSWORD}`),
    env: account,
    exitCode: 2,
    message:
      "option '--password-env' argument is ambiguous: give a value that starts with '-' as --password-env=-…",
  },
  '--password-env and the password before the command': {
    argv: () => ['--password-env', PASSWORD, 'certificate', 'add', '--file', files.pfx],
    env: account,
    exitCode: 2,
    message: NOT_A_NAME('--password-env'),
  },
  'the wrong password in the variable': {
    argv: add('--password-env', 'PFX_PASSWORD'),
    env: () => ({ ...account(), PFX_PASSWORD: PASSWORD }),
    exitCode: 7,
    message: /^the password given for certificate file .* is wrong/,
  },
  'the key after the emulator --account-key-env': {
    argv: () => ['emulator', '--account-name', 'custom', '--account-key-env', ACCOUNT_KEY],
    env: () => ({ EMU_KEY: ACCOUNT_KEY }),
    exitCode: 2,
    message: VALUE_OF('--account-key-env', 'EMU_KEY'),
  },
  'a key typed literally after --account-key-env': {
    argv: () => ['emulator', '--account-name', 'custom', '--account-key-env', ACCOUNT_KEY],
    exitCode: 2,
    message: NOT_A_NAME('--account-key-env'),
  },
  'the key as the emulator --account-name': {
    argv: () => ['emulator', '--account-name', ACCOUNT_KEY, '--account-key-env', 'EMU_KEY'],
    env: () => ({ EMU_KEY: ACCOUNT_KEY }),
    exitCode: 3,
    message:
      'Invalid arguments (1 issue):\n- --account-name: must be a Batch account name, 1 to 24 letters and digits (the value is not shown) [pattern]',
  },
  'the emulator --account-key=<key> (no such flag)': {
    argv: () => ['emulator', `--account-key=${ACCOUNT_KEY}`],
    exitCode: 2,
    message: "unknown option '--account-key'",
    suggestions: ['--account-key-env'],
  },
  'a key that is not base64 in the emulator --account-key-env variable': {
    argv: () => ['emulator', '--account-name', 'custom', '--account-key-env', 'EMU_KEY'],
    env: () => ({ EMU_KEY: PASSWORD }),
    exitCode: 2,
    message:
      '--account-key-env EMU_KEY: the variable EMU_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)',
  },
  'the password after migrate-plan --password-env': {
    argv: migratePlan('--password-env', PASSWORD),
    env: () => ({ PFX_PASSWORD: PASSWORD }),
    exitCode: 2,
    message: VALUE_OF('--password-env', 'PFX_PASSWORD'),
  },
  'a password typed literally after migrate-plan --password-env': {
    argv: migratePlan(`--password-env=${PASSWORD}`),
    exitCode: 2,
    message: NOT_A_NAME('--password-env'),
  },
  'a misspelt flag with the password: --passwrd=<password>': {
    argv: () => ['certificate', 'add', `--passwrd=${PASSWORD}`],
    exitCode: 2,
    message: "unknown option '--passwrd'",
  },
  '--password <password> (no such flag)': {
    argv: add('--password', PASSWORD),
    exitCode: 2,
    message: "unknown option '--password'",
    suggestions: ['--password-env'],
  },
  '--password=<password> (no such flag)': {
    argv: add(`--password=${NAME_LIKE_PASSWORD}`),
    exitCode: 2,
    message: "unknown option '--password'",
    suggestions: ['--password-env'],
  },
  '--key=<key> (no such flag)': {
    argv: () => ['certificate', 'list', `--key=${ACCOUNT_KEY}`],
    exitCode: 2,
    message: "unknown option '--key'",
  },
  'a misspelt flag with the key: --filtr=<key>': {
    argv: () => ['certificate', 'list', `--filtr=${ACCOUNT_KEY}`],
    exitCode: 2,
    message: "unknown option '--filtr'",
    suggestions: ['--filter'],
  },
  'a flag given with one dash and the password: -filter=<password>': {
    argv: () => ['certificate', 'list', `-filter=${PASSWORD}`],
    exitCode: 2,
    message: "unknown option '-filter'",
    suggestions: ['--filter'],
  },
  'the secret as a flag with one dash: -<password>': {
    argv: () => ['certificate', 'list', `-${NAME_LIKE_PASSWORD}`],
    exitCode: 2,
    message: 'unknown option (not shown: it is not written like an option name)',
  },
  'a flag that is the secret itself: --<password>': {
    argv: () => ['certificate', 'list', `--${PASSWORD}`],
    exitCode: 2,
    message: 'unknown option (not shown: it is not written like an option name)',
  },
  'a flag that is the secret itself: ---<key>': {
    argv: () => ['certificate', 'list', `---${ACCOUNT_KEY}`],
    exitCode: 2,
    message: 'unknown option (not shown: it is not written like an option name)',
  },
  'an empty flag name with the secret: --=<password>': {
    argv: () => ['certificate', 'list', `--=${PASSWORD}`],
    exitCode: 2,
    message: 'unknown option (not shown: it is not written like an option name)',
  },
  'the secret given to a switch: --json=<password>': {
    argv: () => ['certificate', 'list', `--json=${PASSWORD}`],
    exitCode: 2,
    message: "option '--json' does not take an argument",
  },
  'the secret given to a switch: --return-client-request-id=<key>': {
    argv: () => ['certificate', 'list', `--return-client-request-id=${ACCOUNT_KEY}`],
    exitCode: 2,
    message: "option '--return-client-request-id' does not take an argument",
  },
  'a stray argument': {
    argv: () => ['certificate', 'list', PASSWORD],
    exitCode: 2,
    message: 'unexpected argument: batch-rest certificate list [flags]',
  },
  'a stray argument to the emulator': {
    argv: () => ['emulator', ACCOUNT_KEY],
    exitCode: 2,
    message: 'emulator takes no arguments',
  },
  'a stray argument to migrate-plan': {
    argv: migratePlan(NAME_LIKE_PASSWORD),
    exitCode: 2,
    message: 'migrate-plan takes no arguments, only flags',
  },
  'the secret as the command': {
    argv: () => [PASSWORD, 'list'],
    exitCode: 2,
    message:
      'unknown command (not shown: it is not written like a command) (commands: certificate, emulator)',
  },
  'the secret as the command of a group': {
    argv: () => ['certificate', ACCOUNT_KEY],
    exitCode: 2,
    message: /^unknown command 'certificate …' \(not shown: it is not written like a command\) /,
  },
  'the secret after --emulator': {
    argv: () => ['--emulator', ACCOUNT_KEY, 'certificate', 'list'],
    exitCode: 2,
    message: /^unknown command \(not shown/,
  },
  'the secret as a number or a date': {
    argv: () => ['certificate', 'list', '--max-results', PASSWORD, '--ocp-date', ACCOUNT_KEY],
    env: account,
    exitCode: 3,
    message: /^Invalid arguments \(2 issues\):\n- --max-results: must be an integer/,
  },
  'the secret as --max-retries': {
    argv: () => ['certificate', 'list', '--max-retries', PASSWORD],
    env: account,
    exitCode: 3,
    message: /^Invalid arguments \(1 issue\):\n- --max-retries: /,
  },
  'the secret as a client request id': {
    argv: () => ['certificate', 'list', '--client-request-id', PASSWORD, '--emulator'],
    exitCode: 3,
    message: /^Invalid arguments \(1 issue\):\n- --client-request-id: must be a UUID/,
  },
  'the secret as a thumbprint': {
    argv: () => ['certificate', 'get', 'sha1', PASSWORD, '--emulator'],
    exitCode: 3,
    message: /^Invalid arguments \(1 issue\):\n- <thumbprint>: must be 1 to 40 hex digits/,
  },
  'a JSON body on the command line': {
    argv: add('--body', `{"password":"${PASSWORD}"}`),
    exitCode: 2,
    message: /^--body accepts only '-'/,
  },
  'a body file that is not JSON': {
    argv: () => ['certificate', 'add', '--body-file', notJson],
    env: account,
    exitCode: 3,
    message: /--body-file: is not valid JSON/,
  },
  'a body file whose data and password are refused': {
    argv: () => ['certificate', 'add', '--body-file', bodyWithSecrets],
    env: account,
    exitCode: 3,
    message:
      /- --body-file \.thumbprint: must be 1 to 40 hex digits.*\n- --body-file \.data: must be base64/,
  },
  'a wrong key (403 AuthenticationFailed: the hint, not the string-to-sign)': {
    argv: () => ['certificate', 'list'],
    env: () => ({ ...account(), BATCH_ACCOUNT_KEY: ACCOUNT_KEY }),
    exitCode: 4,
    message: AUTHENTICATION_FAILED,
    hint: HINT('BATCH_ACCOUNT_KEY'),
  },
  'a wrong key, --verbose': {
    argv: () => ['certificate', 'list', '--verbose'],
    env: () => ({ ...account(), BATCH_ACCOUNT_KEY: ACCOUNT_KEY }),
    exitCode: 4,
    message: AUTHENTICATION_FAILED,
    hint: HINT('BATCH_ACCOUNT_KEY'),
  },
  'a wrong key typed at the prompt': {
    argv: () => ['certificate', 'list', '--verbose'],
    env: () => ({ BATCH_ACCOUNT_URL: running.url, BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME }),
    answers: [ACCOUNT_KEY],
    exitCode: 4,
    message: AUTHENTICATION_FAILED,
    hint: HINT('the key typed at the prompt'),
  },
  'the right key and a clock 20 minutes off': {
    argv: () => ['certificate', 'list', '--verbose'],
    env: () => ({ ...account(), BATCH_ACCOUNT_URL: skewed.url }),
    exitCode: 4,
    message: AUTHENTICATION_FAILED,
    hint: HINT('BATCH_ACCOUNT_KEY'),
  },
  'BATCH_ACCOUNT_KEY that is not base64': {
    argv: () => ['certificate', 'list'],
    env: () => ({ ...account(), BATCH_ACCOUNT_KEY: PASSWORD }),
    exitCode: 2,
    message:
      'BATCH_ACCOUNT_KEY must be the account key as Azure shows it, padded base64 (the value is not shown)',
  },
  'the key in BATCH_ACCOUNT_NAME (name and key swapped)': {
    argv: () => ['certificate', 'list'],
    env: () => ({ ...account(), BATCH_ACCOUNT_NAME: ACCOUNT_KEY, BATCH_ACCOUNT_KEY: 'acct' }),
    exitCode: 2,
    message:
      'BATCH_ACCOUNT_NAME must be a Batch account name, 1 to 24 letters and digits (the value is not shown)',
  },
  'a password in BATCH_ACCOUNT_URL': {
    argv: () => ['certificate', 'list'],
    env: () => ({ ...account(), BATCH_ACCOUNT_URL: `https://me:${PASSWORD}@acct.batch.azure.com` }),
    exitCode: 2,
    message: 'BATCH_ACCOUNT_URL must not contain credentials',
  },
  'a signature in BATCH_ACCOUNT_URL': {
    argv: () => ['certificate', 'list'],
    env: () => ({
      ...account(),
      BATCH_ACCOUNT_URL: `https://acct.batch.azure.com/x?sig=${PASSWORD}`,
    }),
    exitCode: 2,
    message: 'BATCH_ACCOUNT_URL must not have a query string',
  },
  'the key as BATCH_ACCOUNT_URL': {
    argv: () => ['certificate', 'list'],
    env: () => ({ ...account(), BATCH_ACCOUNT_URL: ACCOUNT_KEY }),
    exitCode: 2,
    message: /^BATCH_ACCOUNT_URL must be an absolute URL/,
  },
  'a key typed at the prompt that is not base64': {
    argv: () => ['certificate', 'list'],
    env: () => ({ BATCH_ACCOUNT_URL: running.url, BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME }),
    answers: [PASSWORD],
    exitCode: 2,
    message:
      'the key typed at the prompt must be the account key as Azure shows it, padded base64 (the value is not shown)',
  },
};

describe('no CLI message repeats a secret', () => {
  describe.each([
    ['text', false],
    ['--json', true],
  ])('%s', (_mode, json) => {
    it.each(Object.entries(ENTRIES))('%s', async (_label, entry) => {
      resetDeprecationWarnings();
      const argv = [...entry.argv(), ...(json ? ['--json'] : [])];
      const fake = io(entry.env?.() ?? {}, entry.answers ?? []);
      const exitCode = await runCli(argv, fake.io);
      const printed = `${fake.stdout()}${fake.stderr()}`;
      for (const secret of SECRETS) {
        if (printed.includes(secret)) throw new Error(`printed ${secret}:\n${printed}`);
      }
      expect(exitCode).toBe(entry.exitCode);
      expect(fake.stdout()).toBe('');
      const message = json
        ? (JSON.parse(fake.stderr()) as { error: { message: string } }).error.message
        : // The text line starts the library's sentence in lower case ("error: invalid arguments").
          fake
            .stderr()
            .replace(/^error: invalid /, 'Invalid ')
            .replace(/^error: /, '');
      if (typeof entry.message === 'string') expect(message.startsWith(entry.message)).toBe(true);
      else expect(message).toMatch(entry.message);
      const suggestions = entry.suggestions ?? [];
      const hint = entry.hint;
      if (json) {
        const error = (JSON.parse(fake.stderr()) as { error: Record<string, unknown> }).error;
        expect(error.suggestions).toEqual(suggestions.length > 0 ? suggestions : undefined);
        expect(error.hint).toBe(hint);
      } else {
        const lines = fake.stderr().split('\n');
        const offered = lines.filter((line) => line.startsWith('Did you mean'));
        const quoted = suggestions.map((s) => `'${s}'`).join(' or ');
        expect(offered).toEqual(suggestions.length > 0 ? [`Did you mean ${quoted}?`] : []);
        expect(lines.filter((line) => line.startsWith('hint: '))).toEqual(
          hint === undefined ? [] : [`hint: ${hint}`],
        );
      }
    });
  });

  it('still names a valid variable that is not set, and runs with one that is', async () => {
    const unset = io(account());
    expect(await runCli(add('--password-env', 'PFX_PASSWORD')(), unset.io)).toBe(2);
    expect(unset.stderr().split('\n')[0]).toBe(
      'error: --password-env PFX_PASSWORD: the variable PFX_PASSWORD is not set',
    );
    const emulator = io({});
    expect(
      await runCli(
        ['emulator', '--account-name', 'custom', '--account-key-env', 'EMU_KEY'],
        emulator.io,
      ),
    ).toBe(2);
    expect(emulator.stderr().split('\n')[0]).toBe(
      'error: --account-key-env EMU_KEY: the variable EMU_KEY is not set',
    );
  });
});
