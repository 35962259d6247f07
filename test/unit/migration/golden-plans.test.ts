/**
 * Golden plans: one Linux pool (Batch service JSON, as `az batch pool show` prints it) and one
 * Windows pool (ARM resource JSON), with the plans we wrote down for them.
 */
import { describe, expect, it } from '@jest/globals';
import { planKeyVaultMigration } from '../../../src/migration/index.js';
import { fixture, IDENTITY } from './support.js';

function plan(pool: string, secrets: string) {
  return planKeyVaultMigration({
    pool: fixture(pool),
    secretUrls: fixture(secrets) as Record<string, string>,
    identity: IDENTITY,
  });
}

describe('golden plans', () => {
  it('Linux pool from the Batch service: KeyVaultForLinux, file paths, root-only files', () => {
    const linux = plan('linux-pool.json', 'linux-secrets.json');
    expect(JSON.parse(JSON.stringify(linux))).toEqual(fixture('linux-plan.json'));
    const [extension] =
      linux.armPoolFragment.properties.deploymentConfiguration.virtualMachineConfiguration
        .extensions;
    expect(extension.type).toBe('KeyVaultForLinux');
    expect(
      linux.certificates.map((c) => c.landing && 'path' in c.landing && c.landing.path),
    ).toEqual([
      '/var/lib/waagent/Microsoft.Azure.KeyVault/contoso-render-kv.render-tls',
      '/var/lib/waagent/Microsoft.Azure.KeyVault/contoso-render-kv.license-server',
    ]);
  });

  it('Windows pool from ARM: KeyVaultForWindows, stores, the unmapped certificate left out', () => {
    const windows = plan('windows-pool-arm.json', 'windows-secrets.json');
    expect(JSON.parse(JSON.stringify(windows))).toEqual(fixture('windows-plan.json'));
    expect(windows.certificates.map((c) => c.installedBy)).toEqual([
      'key-vault-extension',
      'key-vault-extension',
      'nobody',
    ]);
    expect(windows.attention.map((a) => `${a.severity} ${a.code}`)).toEqual([
      'required visibility-without-equivalent',
      'required current-user-store',
      'required visibility-without-equivalent',
      'required missing-secret-url',
      'advisory existing-extensions',
      'advisory unused-secret-url',
    ]);
  });

  it('is the same plan whatever the spelling of thumbprints and enum values', () => {
    const pool = fixture('linux-pool.json') as { certificateReferences: Record<string, unknown>[] };
    pool.certificateReferences[0]!.thumbprint =
      '\u200e3f:1c:0d:e5:b7:e4:a2:f9:d8:c1:b0:a3:f1:c0:de:5b:7e:4a:2f:9d';
    pool.certificateReferences[1]!.visibility = ['StartTask', 'TASK'];
    const again = planKeyVaultMigration({
      pool,
      secretUrls: fixture('linux-secrets.json') as Record<string, string>,
      identity: IDENTITY,
    });
    expect(JSON.parse(JSON.stringify(again))).toEqual(fixture('linux-plan.json'));
  });
});
