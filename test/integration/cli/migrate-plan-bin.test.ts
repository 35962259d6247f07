/**
 * The bundled `batch-rest` bin running `certificate migrate-plan`: golden output on stdout, JSON,
 * stdin, import commands for local files, every exit code, and no secret (pool passwords,
 * protected settings, the .pfx password) in anything it prints.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  FIXTURE_SECRETS,
  FIXTURES,
  fixture,
  fixtureText,
  IDENTITY,
} from '../../unit/migration/support.js';
import {
  type CertificateFiles,
  makeCertificateFiles,
  PFX_PASSWORD,
} from './support/certificate-files.js';
import { type CliRun, cliBundle, runCliProcess } from './support/cli-process.js';

let dir: string;
let bundle: string;
let files: CertificateFiles;
let localPool: string;
let localSecrets: string;

const identityFlags = ['--identity', IDENTITY.resourceId, '--client-id', IDENTITY.clientId];
const plan = (pool: string, secrets: string, ...extra: string[]) => [
  'certificate',
  'migrate-plan',
  '--pool',
  pool,
  '--secrets',
  secrets,
  ...identityFlags,
  ...extra,
];
const cli = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) =>
  runCliProcess(bundle, args, options);

function expectNoSecrets(
  run: CliRun,
  secrets: readonly string[] = [...FIXTURE_SECRETS, PFX_PASSWORD],
) {
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-migrate-bin-'));
  bundle = await cliBundle();
  files = makeCertificateFiles(dir);
  localPool = join(dir, 'pool.json');
  localSecrets = join(dir, 'secrets.json');
  await writeFile(
    localPool,
    JSON.stringify({
      id: 'app-pool',
      virtualMachineConfiguration: {
        nodeAgentSKUId: 'batch.node.windows amd64',
        imageReference: {},
      },
      userAccounts: [{ name: 'app', password: FIXTURE_SECRETS[1] }],
      certificateReferences: [
        {
          thumbprint: files.pfxThumbprint,
          thumbprintAlgorithm: 'sha1',
          storeLocation: 'localmachine',
        },
        {
          thumbprint: files.cerThumbprint,
          thumbprintAlgorithm: 'sha1',
          storeLocation: 'localmachine',
          storeName: 'Root',
        },
      ],
    }),
  );
  await writeFile(
    localSecrets,
    JSON.stringify({
      [files.pfxThumbprint]: 'https://contoso-kv.vault.azure.net/secrets/app-tls',
      [files.cerThumbprint]: 'https://contoso-kv.vault.azure.net/secrets/partner-root',
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('batch-rest certificate migrate-plan', () => {
  it.each([
    ['linux', 'linux-pool.json', 'linux-secrets.json'],
    ['windows', 'windows-pool-arm.json', 'windows-secrets.json'],
  ])('prints the %s golden plan (exit 0), with no secret of the pool', async (name, pool, secrets) => {
    const run = await cli(plan(join(FIXTURES, pool), join(FIXTURES, secrets)));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(fixtureText(`${name}-plan.txt`));
    expect(run.stderr).toBe('');
    expectNoSecrets(run);
  });

  it('prints JSON with --json, reading the pool from stdin', async () => {
    const run = await cli(plan('-', join(FIXTURES, 'windows-secrets.json'), '--json'), {
      stdin: fixtureText('windows-pool-arm.json'),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(fixture('windows-plan.json'));
    expectNoSecrets(run);
  });

  it('prints the Key Vault commands for local files; the password only as its variable', async () => {
    const run = await cli(
      plan(
        localPool,
        localSecrets,
        '--certificate-file',
        files.pfx,
        '--certificate-file',
        files.cer,
        '--password-env',
        'APP_PFX_PW',
      ),
      { env: { APP_PFX_PW: PFX_PASSWORD } },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `  az keyvault certificate import --vault-name contoso-kv --name app-tls --file ${files.pfx} --password "$APP_PFX_PW"\n`,
    );
    expect(run.stdout).toContain(
      `  az keyvault secret set --vault-name contoso-kv --name partner-root --file ${files.cer} --encoding base64\n`,
    );
    expect(run.stdout).toContain('    read -rs APP_PFX_PW && export APP_PFX_PW\n');
    expect(run.stdout).toContain(`  - [certificate-without-private-key] ${files.cerThumbprint}\n`);
    expect(run.stderr).toBe('');
    expectNoSecrets(run);
  });

  it('a .pfx that needs a password it cannot get is exit 7, naming no password', async () => {
    const run = await cli(plan(localPool, localSecrets, '--certificate-file', files.pfx));
    expect(run.code).toBe(7);
    expect(run.stderr).toMatch(/\[PASSWORD_REQUIRED\]/);
    const wrong = await cli(
      plan(localPool, localSecrets, '--certificate-file', files.pfx, '--password-env', 'PW'),
      { env: { PW: `${PFX_PASSWORD}-wrong` } },
    );
    expect(wrong.code).toBe(7);
    expect(wrong.stderr).toMatch(/\[WRONG_PASSWORD\]/);
    expectNoSecrets(wrong, [PFX_PASSWORD]);
    expect(wrong.stdout).toBe('');
  });

  it('usage errors are exit 2: missing flags, unreadable files, an unset password variable', async () => {
    const missing = await cli(['certificate', 'migrate-plan', '--pool', localPool]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "error: missing required --secrets, --identity, --client-id\nRun 'batch-rest certificate migrate-plan --help' for usage.\n",
    );
    const unreadable = await cli(plan(join(dir, 'nope.json'), localSecrets));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.split('\n')[0]).toBe(
      `error: cannot read --pool '${join(dir, 'nope.json')}' (ENOENT)`,
    );
    const unset = await cli(
      plan(localPool, localSecrets, '--certificate-file', files.pfx, '--password-env', 'UNSET_PW'),
    );
    expect(unset.code).toBe(2);
    expect(unset.stderr.split('\n')[0]).toBe(
      'error: --password-env UNSET_PW: the variable UNSET_PW is not set',
    );
  });

  it('invalid input is exit 3, every issue listed, no value echoed', async () => {
    const notJson = await cli(plan('-', localSecrets), {
      stdin: `{"password": "${FIXTURE_SECRETS[0]}"`,
    });
    expect(notJson.code).toBe(3);
    expect(notJson.stderr).toBe(
      'error: invalid arguments (1 issue):\n- --pool -: is not valid JSON [json]\n',
    );
    const badSecrets = join(dir, 'bad-secrets.json');
    await writeFile(
      badSecrets,
      JSON.stringify({
        [files.pfxThumbprint]: `https://contoso-kv.vault.azure.net/certificates/app?token=${FIXTURE_SECRETS[2]}`,
      }),
    );
    const bad = await cli([...plan(localPool, badSecrets, '--os', 'linux', '--json')]);
    expect(bad.code).toBe(3);
    const error = JSON.parse(bad.stderr).error;
    expect(
      error.issues.map((i: { path: string; rule: string }) => `${i.path} [${i.rule}]`),
    ).toEqual([`--secrets ${files.pfxThumbprint} [format]`, '--os [conflict]']);
    expectNoSecrets(bad);
  });

  it('answers --help with the usage and exit codes', async () => {
    const run = await cli(['certificate', 'migrate-plan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: batch-rest certificate migrate-plan --pool PATH/);
    expect(run.stdout).toContain('Exit codes:');
  });
});
