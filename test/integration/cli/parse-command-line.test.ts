/** Parsing the command line: words, flags, values, body sources and every refusal. */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { buildCommands, GLOBAL_FLAGS } from '../../../src/cli/command-table.js';
import { normalizeEmulatorFlag, parseCommandLine } from '../../../src/cli/parse-command-line.js';
import { EMULATOR_FLAGS } from '../../../src/cli/parse-emulator-flags.js';
import { MIGRATE_PLAN_FLAGS } from '../../../src/cli/parse-migrate-plan-flags.js';
import { parseDate, parseParameterValue } from '../../../src/cli/parse-value.js';
import { BatchValidationError } from '../../../src/errors/index.js';
import type { ParameterSpec } from '../../../src/table/operation-table.js';

const commands = buildCommands(operations, [certificateBodySource]);
const parse = (...argv: string[]) => parseCommandLine(argv, commands);
const TP = '0123456789abcdef0123456789abcdef01234567';

function usageError(run: () => unknown): CliUsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return error as CliUsageError;
  }
  throw new Error('expected a usage error');
}

function validationIssues(run: () => unknown): unknown[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BatchValidationError);
    return [...(error as BatchValidationError).issues];
  }
  throw new Error('expected a validation error');
}

describe('operation commands', () => {
  it('converts flags to client options by type', () => {
    const parsed = parse(
      'certificate',
      'list',
      '--max-results',
      '5',
      '--filter',
      "state eq 'active'",
      '--return-client-request-id',
      '--ocp-date',
      '2024-07-01T12:00:00Z',
      '--json',
    );
    expect(parsed).toEqual({
      kind: 'operation',
      command: commands.find((c) => c.name === 'list'),
      json: true,
      verbose: false,
      path: {},
      options: {
        maxResults: 5,
        filter: "state eq 'active'",
        returnClientRequestId: true,
        ocpDate: new Date(Date.UTC(2024, 6, 1, 12)),
      },
      body: { from: 'none' },
    });
  });

  it('takes path parameters positionally, flags anywhere after the command', () => {
    expect(
      parse('certificate', 'get', '--select', 'state', 'sha1', TP, '--timeout=7'),
    ).toMatchObject({
      path: { thumbprintAlgorithm: 'sha1', thumbprint: TP },
      options: { select: 'state', timeout: 7 },
    });
    expect(parse('certificate', 'get', 'sha1', '--', '-odd')).toMatchObject({
      path: { thumbprint: '-odd' },
    });
  });

  it('reads the global flags: --emulator with or without a mode, --max-retries', () => {
    expect(parse('--emulator', 'retired', 'certificate', 'list')).toMatchObject({
      emulator: 'retired',
    });
    expect(parse('certificate', 'get', '--emulator', 'sha1', TP)).toMatchObject({
      emulator: 'classic',
      path: { thumbprintAlgorithm: 'sha1', thumbprint: TP },
    });
    expect(parse('certificate', 'list', '--emulator=retired', '--max-retries', '0')).toMatchObject({
      emulator: 'retired',
      maxRetries: 0,
    });
    expect(parse('--max-retries', '2', 'certificate', 'list')).toMatchObject({ maxRetries: 2 });
    expect(
      normalizeEmulatorFlag(['--emulator', 'classic', '--emulator', '--', '--emulator']),
    ).toEqual(['--emulator=classic', '--emulator=classic', '--', '--emulator']);
  });

  it('lists every value that cannot be converted, without the values', () => {
    const issues = validationIssues(() =>
      parse(
        'certificate',
        'list',
        '--timeout',
        '1.5',
        '--ocp-date',
        'yesterday',
        '--emulator=mars',
        '--max-retries=-1',
      ),
    );
    expect(issues).toEqual([
      { path: '--timeout', rule: 'type', message: 'must be an integer' },
      {
        path: '--ocp-date',
        rule: 'format',
        message:
          'must be a date with its time zone: ISO 8601 (2024-07-01T12:00:00Z, 2024-07-01T14:00+02:00), ' +
          'a day (2024-07-01, read as 00:00 UTC) or RFC 1123 (Mon, 01 Jul 2024 12:00:00 GMT)',
      },
      { path: '--emulator', rule: 'enum', message: 'must be classic or retired' },
      { path: '--max-retries', rule: 'type', message: 'must be an integer from 0 to 999' },
    ]);
  });

  it.each([
    [
      ['certificate', 'list', '--nope'],
      "unknown option '--nope'",
      'batch-rest certificate list --help',
    ],
    [
      ['certificate', 'list', '--timeout'],
      "option '--timeout <value>' argument missing",
      'batch-rest certificate list --help',
    ],
    [
      ['certificate', 'list', '--json=yes'],
      "option '--json' does not take an argument",
      'batch-rest certificate list --help',
    ],
    [
      ['certificate', 'list', 'extra'],
      'unexpected argument: batch-rest certificate list [flags]',
      'batch-rest certificate list --help',
    ],
    [
      ['certificate', 'delete', 'sha1'],
      'expected 2 arguments (<thumbprint-algorithm> <thumbprint>), got 1',
      'batch-rest certificate delete --help',
    ],
    [
      ['certificate'],
      'missing command: batch-rest certificate <command>',
      'batch-rest certificate --help',
    ],
    [
      ['certificate', 'nope'],
      "unknown command 'certificate nope' (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
      'batch-rest certificate --help',
    ],
    [
      ['job', 'list'],
      "unknown command 'job' (commands: certificate, emulator)",
      'batch-rest --help',
    ],
    [[], 'missing command', 'batch-rest --help'],
  ])('refuses %j', (argv, message, help) => {
    const error = usageError(() => parse(...argv));
    expect(error.message).toBe(message);
    expect(error.helpCommand).toBe(help);
  });
});

describe('bodies', () => {
  const add = (...rest: string[]) => parse('certificate', 'add', ...rest);

  it('takes the body from a file, stdin, or the certificate source', () => {
    expect(add('--body-file', 'b.json')).toMatchObject({ body: { from: 'file', path: 'b.json' } });
    expect(add('--body', '-')).toMatchObject({ body: { from: 'stdin' } });
    expect(add('--file', 'c.pfx', '--password-env', 'PW', '--format', 'pfx')).toMatchObject({
      body: {
        from: 'source',
        source: certificateBodySource,
        values: {
          file: 'c.pfx',
          'password-env': 'PW',
          format: 'pfx',
          'expected-thumbprint': undefined,
        },
      },
    });
  });

  it.each([
    [[], "'batch-rest certificate add' needs a body: --file PATH, --body-file PATH, --body -"],
    [
      ['--body', '{"thumbprint":"x"}'],
      "--body accepts only '-' (read the JSON body from stdin); put the JSON in a file and use --body-file, so secrets in bodies stay out of the process list",
    ],
    [
      ['--file', 'a.cer', '--body-file', 'b.json'],
      'give the body one way only, not --body-file and --file',
    ],
    [['--password-env', 'PW'], '--password-env needs --file'],
  ])('refuses %j', (rest, message) => {
    expect(usageError(() => add(...rest)).message).toBe(message);
  });

  it('never echoes an inline body (it may hold a password)', () => {
    expect(usageError(() => add('--body', '{"password":"hunter2"}')).message).not.toContain(
      'hunter2',
    );
  });
});

describe('help, version and the emulator command', () => {
  it('finds the help topic from --help, -h or help', () => {
    expect(parse('--help')).toEqual({ kind: 'help', topic: { kind: 'global' } });
    expect(parse('certificate', '-h')).toEqual({
      kind: 'help',
      topic: { kind: 'group', group: 'certificate' },
    });
    expect(parse('certificate', 'add', '--file', 'x', '--help')).toMatchObject({
      kind: 'help',
      topic: { kind: 'command', command: { name: 'add' } },
    });
    expect(parse('help', 'certificate', 'list')).toMatchObject({
      topic: { kind: 'command', command: { name: 'list' } },
    });
    expect(parse('help', 'emulator')).toEqual({ kind: 'help', topic: { kind: 'emulator' } });
    expect(parse('emulator', '--help')).toEqual({ kind: 'help', topic: { kind: 'emulator' } });
    expect(parse('--version')).toEqual({ kind: 'version' });
  });

  it('parses the emulator flags', () => {
    expect(parse('emulator')).toEqual({ kind: 'emulator', json: false, port: 0, mode: 'classic' });
    expect(
      parse(
        'emulator',
        '--port',
        '8123',
        '--mode',
        'retired',
        '--account-name',
        'me',
        '--account-key-env',
        'K',
        '--json',
      ),
    ).toEqual({
      kind: 'emulator',
      json: true,
      port: 8123,
      mode: 'retired',
      account: { name: 'me', keyEnv: 'K' },
    });
    expect(validationIssues(() => parse('emulator', '--port', 'x', '--mode', 'gone'))).toEqual([
      { path: '--port', rule: 'range', message: 'must be an integer from 0 to 65535' },
      { path: '--mode', rule: 'enum', message: 'must be classic or retired' },
    ]);
    expect(parse('emulator', '--delete-delay-ms', '0')).toEqual({
      kind: 'emulator',
      json: false,
      port: 0,
      mode: 'classic',
      deleteDelayInMs: 0,
    });
    expect(parse('emulator', '--delete-delay-ms', '1500')).toMatchObject({ deleteDelayInMs: 1500 });
    for (const bad of ['-1', '1.5', 'soon', '']) {
      expect(validationIssues(() => parse('emulator', `--delete-delay-ms=${bad}`))).toEqual([
        {
          path: '--delete-delay-ms',
          rule: 'range',
          message: 'must be a whole number of milliseconds, 0 or more',
        },
      ]);
    }
    expect(usageError(() => parse('emulator', 'now')).message).toBe('emulator takes no arguments');
    expect(usageError(() => parse('emulator', '--account-key-env', 'K')).message).toBe(
      '--account-name and --account-key-env go together',
    );
  });

  it('parses --path-prefix, normalised, and refuses one that is not a gateway path', () => {
    expect(parse('emulator', '--path-prefix', '/batch/acct1/')).toMatchObject({
      pathPrefix: '/batch/acct1',
    });
    expect(validationIssues(() => parse('emulator', '--path-prefix', 'batch'))).toEqual([
      { path: '--path-prefix', rule: 'pattern', message: "must start with '/'" },
    ]);
  });

  it('refuses an --account-name that cannot be an account name, without showing it', () => {
    const key = Buffer.alloc(64, 1).toString('base64');
    const issues = validationIssues(() =>
      parse('emulator', '--account-name', key, '--account-key-env', 'K'),
    );
    expect(issues).toEqual([
      {
        path: '--account-name',
        rule: 'pattern',
        message:
          'must be a Batch account name, 1 to 24 letters and digits (the value is not shown)',
      },
    ]);
    expect(JSON.stringify(issues)).not.toContain(key);
  });
});

describe('flags, by the rule that no message repeats a value', () => {
  it("takes the value of any known flag before the command as that flag's, not as a command", () => {
    expect(parse('--timeout', '5', 'certificate', 'list')).toMatchObject({
      command: { name: 'list' },
      options: { timeout: 5 },
    });
    expect(parse('--password-env', 'PW', 'certificate', 'add', '--file', 'c.pfx')).toMatchObject({
      command: { name: 'add' },
      body: { from: 'source', values: { file: 'c.pfx', 'password-env': 'PW' } },
    });
  });

  it('every flag name means the same kind (switch or value) in every command', () => {
    const kinds = new Map<string, Set<string>>();
    const all = [
      ...GLOBAL_FLAGS,
      ...commands.flatMap((c) => [...c.parameterFlags, ...c.bodyFlags]),
      ...EMULATOR_FLAGS,
      ...MIGRATE_PLAN_FLAGS,
    ];
    for (const flag of all)
      kinds.set(flag.name, (kinds.get(flag.name) ?? new Set()).add(flag.kind));
    expect([...kinds].filter(([, k]) => k.size > 1)).toEqual([]);
  });

  it.each([
    [
      ['certificate', 'list', '--timeout', '5', '--timeout=6'],
      "option '--timeout' is given more than once; give it once",
    ],
    [
      ['certificate', 'list', '--timeout', '-5'],
      "option '--timeout' argument is ambiguous: give a value that starts with '-' as --timeout=-…",
    ],
    [
      ['certificate', 'list', '--Timeout=s3cr3t'],
      'unknown option (not shown: it is not written like an option name)',
    ],
    [
      ['certificate', 'list', `--${'a'.repeat(39)}`],
      'unknown option (not shown: it is not written like an option name)',
    ],
    [['certificate', 'list', `--${'a'.repeat(38)}=s3cr3t`], `unknown option '--${'a'.repeat(38)}'`],
    [['certificate', 'list', '-x=s3cr3t'], "unknown option '-x'"],
    [
      ['emulator', '--port', '1', '--port', '2'],
      "option '--port' is given more than once; give it once",
    ],
    [
      ['s3cr3t!'],
      'unknown command (not shown: it is not written like a command) (commands: certificate, emulator)',
    ],
    [
      ['Certificate', 'list'],
      'unknown command (not shown: it is not written like a command) (commands: certificate, emulator)',
    ],
    [
      ['certificate', 'S3cr3t'],
      "unknown command 'certificate …' (not shown: it is not written like a command) (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
    ],
  ])('refuses %j', (argv, message) => {
    const error = usageError(() => parse(...argv));
    expect(error.message).toBe(message);
    expect(error.message).not.toMatch(/s3cr3t/i);
  });

  it('keeps a repeatable flag repeatable', () => {
    expect(
      parse(
        'certificate',
        'migrate-plan',
        '--pool=p',
        '--secrets=s',
        '--identity=i',
        '--client-id=c',
        '--certificate-file=a.pfx',
        '--certificate-file=b.pfx',
      ),
    ).toMatchObject({ certificateFiles: ['a.pfx', 'b.pfx'] });
  });
});

describe('parseParameterValue and parseDate', () => {
  const p = (type: ParameterSpec['type'], extra: Partial<ParameterSpec> = {}): ParameterSpec => ({
    wireName: 'x',
    clientName: 'x',
    location: 'query',
    type,
    required: false,
    ...extra,
  });

  it('converts integers, numbers, booleans, lists and text', () => {
    expect(parseParameterValue(p('integer'), '-42', '--x')).toEqual({ ok: true, value: -42 });
    expect(parseParameterValue(p('integer'), '9007199254740993', '--x').ok).toBe(false);
    expect(parseParameterValue(p('number'), '2.5e3', '--x')).toEqual({ ok: true, value: 2500 });
    expect(parseParameterValue(p('number'), 'NaN', '--x').ok).toBe(false);
    expect(parseParameterValue(p('boolean'), true, '--x')).toEqual({ ok: true, value: true });
    expect(parseParameterValue(p('array', { itemType: 'integer' }), '1, 2,3', '--x')).toEqual({
      ok: true,
      value: [1, 2, 3],
    });
    expect(parseParameterValue(p('array', { itemType: 'integer' }), '1,b', '--x')).toEqual({
      ok: false,
      issue: { path: '--x', rule: 'type', message: 'must be an integer' },
    });
    expect(parseParameterValue(p('string'), ' keep spaces ', '--x')).toEqual({
      ok: true,
      value: ' keep spaces ',
    });
  });

  it.each([
    ['Mon, 01 Jul 2024 12:00:00 GMT', '2024-07-01T12:00:00.000Z'],
    ['Mon, 1 Jul 2024 12:00:00 UTC', '2024-07-01T12:00:00.000Z'],
    ['mon, 01 JUL 2024 14:00:00 +0200', '2024-07-01T12:00:00.000Z'],
    ['2024-07-01', '2024-07-01T00:00:00.000Z'],
    ['2024-07-01T14:00:00+02:00', '2024-07-01T12:00:00.000Z'],
    ['2024-07-01T14:00+0200', '2024-07-01T12:00:00.000Z'],
    ['2024-07-01T06:15:00.1234567-05:45', '2024-07-01T12:00:00.123Z'],
    ['2024-07-01t12:00z', '2024-07-01T12:00:00.000Z'],
    [' 2024-02-29T12:00:00Z ', '2024-02-29T12:00:00.000Z'],
  ])('reads %p as the same instant on every host', (text, iso) => {
    expect(parseDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    // A time without a zone: new Date would read it in the host's time zone.
    '2024-07-01T12:00:00',
    '2024-07-01T12:00',
    'Mon, 01 Jul 2024 12:00:00',
    'Mon Jul  1 12:00:00 2024',
    // Not a real day or time (Date.parse would roll 30 February over to March).
    '2024-02-30',
    '2023-02-29T12:00:00Z',
    '2024-13-45',
    '2024-07-01T24:00:00Z',
    '2024-07-01T12:00:00+24:00',
    'Mon, 31 Jun 2024 12:00:00 GMT',
    'Mon, 01 Foo 2024 12:00:00 GMT',
    // Other forms.
    '1',
    'July 1, 2024',
    '2024-07-01Z',
    '',
  ])('refuses %p', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('a date flag refused names the flag and the forms, never the value', () => {
    const parsed = parseParameterValue(
      p('string', { format: 'date-time-rfc1123' }),
      '2024-07-01T12:00:00',
      '--ocp-date',
    );
    expect(parsed).toEqual({
      ok: false,
      issue: {
        path: '--ocp-date',
        rule: 'format',
        message:
          'must be a date with its time zone: ISO 8601 (2024-07-01T12:00:00Z, 2024-07-01T14:00+02:00), ' +
          'a day (2024-07-01, read as 00:00 UTC) or RFC 1123 (Mon, 01 Jul 2024 12:00:00 GMT)',
      },
    });
  });
});
