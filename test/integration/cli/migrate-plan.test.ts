/**
 * `certificate migrate-plan` without a process: parsing, help, the text and JSON output (golden
 * texts for a Linux and a Windows plan), issue paths named by flag, and the runner with injected
 * I/O (stdin, prompts for a .pfx password that is never printed).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import {
  formatMigrationPlan,
  formatMigrationPlanJson,
} from '../../../src/cli/format-migration-plan.js';
import { groupHelp, migratePlanHelp } from '../../../src/cli/help-text.js';
import { parseCommandLine } from '../../../src/cli/parse-command-line.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { cliIssuePath } from '../../../src/cli/run-migrate-plan.js';
import { BatchValidationError } from '../../../src/errors/index.js';
import { planKeyVaultMigration } from '../../../src/migration/index.js';
import { FIXTURES, fixture, fixtureText, IDENTITY } from '../../unit/migration/support.js';
import {
  type CertificateFiles,
  makeCertificateFiles,
  PFX_PASSWORD,
} from './support/certificate-files.js';
import { fakeIo } from './support/fake-io.js';

const commands = buildCommands(operations, [certificateBodySource]);
const parse = (...argv: string[]) => parseCommandLine(argv, commands);
const REQUIRED = [
  '--pool',
  'pool.json',
  '--secrets',
  'secrets.json',
  '--identity',
  IDENTITY.resourceId,
  '--client-id',
  IDENTITY.clientId,
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

let dir: string;
let files: CertificateFiles;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-migrate-'));
  files = makeCertificateFiles(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('parsing', () => {
  it('reads every flag', () => {
    expect(
      parse(
        'certificate',
        'migrate-plan',
        ...REQUIRED,
        '--os',
        'windows',
        '--certificate-file',
        'a.pfx',
        '--certificate-file=b.cer',
        '--password-env',
        'PFX_PW',
        '--polling-interval',
        '300',
        '--linux-store-location',
        '/certs',
        '--json',
      ),
    ).toEqual({
      kind: 'migrate-plan',
      json: true,
      pool: { from: 'file', path: 'pool.json' },
      secrets: { from: 'file', path: 'secrets.json' },
      identity: IDENTITY,
      osFamily: 'windows',
      certificateFiles: ['a.pfx', 'b.cer'],
      passwordEnv: 'PFX_PW',
      pollingIntervalInSeconds: 300,
      linuxStoreLocation: '/certs',
    });
  });

  it("reads one of the JSON inputs from stdin with '-'", () => {
    expect(parse('certificate', 'migrate-plan', ...REQUIRED.slice(2), '--pool', '-')).toMatchObject(
      {
        pool: { from: 'stdin' },
        certificateFiles: [],
        json: false,
      },
    );
    const both = thrown(() =>
      parse('certificate', 'migrate-plan', ...REQUIRED.slice(4), '--pool', '-', '--secrets', '-'),
    );
    expect(both).toBeInstanceOf(CliUsageError);
    expect((both as Error).message).toBe('only one of --pool and --secrets can read stdin');
  });

  it('refuses missing flags, arguments, unknown flags (exit 2) and bad values (exit 3)', () => {
    const missing = thrown(() => parse('certificate', 'migrate-plan', '--pool', 'p.json'));
    expect((missing as Error).message).toBe('missing required --secrets, --identity, --client-id');
    expect((missing as CliUsageError).helpCommand).toBe(
      'batch-rest certificate migrate-plan --help',
    );
    expect(
      (thrown(() => parse('certificate', 'migrate-plan', ...REQUIRED, 'extra')) as Error).message,
    ).toBe('migrate-plan takes no arguments, only flags');
    expect(
      thrown(() => parse('certificate', 'migrate-plan', ...REQUIRED, '--emulator')),
    ).toBeInstanceOf(CliUsageError);
    const bad = thrown(() =>
      parse('certificate', 'migrate-plan', ...REQUIRED, '--os', 'macos', '--polling-interval', '0'),
    );
    expect(bad).toBeInstanceOf(BatchValidationError);
    expect((bad as BatchValidationError).issues).toEqual([
      { path: '--os', rule: 'enum', message: 'must be linux or windows' },
      {
        path: '--polling-interval',
        rule: 'range',
        message: 'must be a whole number of seconds from 1',
      },
    ]);
  });

  it('has its help, reached three ways, with its exit codes', () => {
    for (const argv of [
      ['certificate', 'migrate-plan', '--help'],
      ['certificate', 'migrate-plan', '-h', ...REQUIRED],
      ['help', 'certificate', 'migrate-plan'],
    ]) {
      expect(parse(...argv)).toEqual({ kind: 'help', topic: { kind: 'migrate-plan' } });
    }
    const help = migratePlanHelp();
    expect(help.split('\n')[0]).toBe(
      'Usage: batch-rest certificate migrate-plan --pool PATH --secrets PATH --identity RESOURCE_ID',
    );
    for (const flag of [
      '--pool PATH',
      '--secrets PATH',
      '--client-id GUID',
      '--certificate-file PATH',
      '--password-env VAR',
    ]) {
      expect(help).toContain(flag);
    }
    expect(help).toMatch(/Exit codes:\n {2}0 +the plan was printed/);
    expect(help).toMatch(/\n {2}7 +a --certificate-file cannot be read/);
    expect(groupHelp(commands, 'certificate')).toContain(
      '  migrate-plan      Plans the move of a pool',
    );
  });
});

describe('output', () => {
  const plan = (pool: string, secrets: string) =>
    planKeyVaultMigration({
      pool: fixture(pool),
      secretUrls: fixture(secrets) as Record<string, string>,
      identity: IDENTITY,
    });

  it.each([
    ['linux', 'linux-pool.json', 'linux-secrets.json'],
    ['windows', 'windows-pool-arm.json', 'windows-secrets.json'],
  ])('prints the %s golden plan as text', (name, pool, secrets) => {
    expect(formatMigrationPlan(plan(pool, secrets))).toBe(fixtureText(`${name}-plan.txt`));
  });

  it('prints the plan as one JSON document', () => {
    const text = formatMigrationPlanJson(plan('linux-pool.json', 'linux-secrets.json'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(fixture('linux-plan.json'));
  });

  it('names flags in issue paths', () => {
    expect(cliIssuePath('identity.resourceId')).toBe('--identity');
    expect(cliIssuePath('identity.clientId')).toBe('--client-id');
    expect(cliIssuePath('osFamily')).toBe('--os');
    expect(cliIssuePath('pollingIntervalInSeconds')).toBe('--polling-interval');
    expect(cliIssuePath('linuxCertificateStoreLocation')).toBe('--linux-store-location');
    expect(cliIssuePath('localCertificates[2].passwordEnvironmentVariable')).toBe('--password-env');
    expect(cliIssuePath('pool.certificateReferences[0].thumbprint')).toBe(
      '--pool pool.certificateReferences[0].thumbprint',
    );
    expect(cliIssuePath('secretUrls.abc')).toBe('--secrets abc');
    expect(cliIssuePath('secretUrls (entry 2)')).toBe('--secrets (entry 2)');
    expect(cliIssuePath('secretUrls')).toBe('--secrets');
  });
});

describe('running in process', () => {
  const argv = (...extra: string[]) => [
    'certificate',
    'migrate-plan',
    '--pool',
    join(FIXTURES, 'linux-pool.json'),
    '--secrets',
    join(FIXTURES, 'linux-secrets.json'),
    '--identity',
    IDENTITY.resourceId,
    '--client-id',
    IDENTITY.clientId,
    ...extra,
  ];

  it('reads the pool from stdin', async () => {
    const fake = fakeIo({ stdin: fixtureText('linux-pool.json') });
    const args = argv('--json');
    args[args.indexOf('--pool') + 1] = '-';
    expect(await runCli(args, fake.io)).toBe(0);
    expect(JSON.parse(fake.stdout())).toEqual(fixture('linux-plan.json'));
    expect(fake.stderr()).toBe('');
  });

  it('asks a terminal for a .pfx password and names $PFX_PASSWORD, never the password', async () => {
    const fake = fakeIo({ tty: true, answers: [PFX_PASSWORD] });
    const secrets = { [files.pfxThumbprint]: 'https://contoso-kv.vault.azure.net/secrets/app' };
    const args = argv('--certificate-file', files.pfx, '--os', 'linux');
    args[args.indexOf('--secrets') + 1] = join(dir, 'secrets.json');
    args[args.indexOf('--pool') + 1] = join(dir, 'pool.json');
    await writeFile(join(dir, 'secrets.json'), JSON.stringify(secrets));
    await writeFile(
      join(dir, 'pool.json'),
      JSON.stringify({
        id: 'p',
        certificateReferences: [{ thumbprint: files.pfxThumbprint, thumbprintAlgorithm: 'sha1' }],
      }),
    );
    expect(await runCli(args, fake.io)).toBe(0);
    expect(fake.prompts).toEqual([`Password for ${files.pfx}: `]);
    expect(fake.stdout()).toContain(
      `az keyvault certificate import --vault-name contoso-kv --name app --file ${files.pfx} --password "$PFX_PASSWORD"`,
    );
    expect(fake.stdout()).toContain('read -rs PFX_PASSWORD && export PFX_PASSWORD');
    expect(fake.stdout() + fake.stderr()).not.toContain(PFX_PASSWORD);
  });

  it('names the flag when the library refuses a value (exit 3)', async () => {
    const fake = fakeIo({});
    const args = argv('--json');
    args[args.indexOf('--client-id') + 1] = 'not-a-guid';
    expect(await runCli(args, fake.io)).toBe(3);
    expect(JSON.parse(fake.stderr())).toEqual({
      error: {
        exitCode: 3,
        name: 'BatchValidationError',
        message:
          'Invalid arguments (1 issue):\n- --client-id: must be a GUID (8-4-4-4-12 hexadecimal digits) [format]',
        issues: [
          {
            path: '--client-id',
            rule: 'format',
            message: 'must be a GUID (8-4-4-4-12 hexadecimal digits)',
          },
        ],
      },
    });
  });
});
