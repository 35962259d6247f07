/**
 * Pools carry secrets (user passwords, protected extension settings, start task environment):
 * none of them reaches a plan, its text, or an error.
 */
import { describe, expect, it } from '@jest/globals';
import { formatMigrationPlan } from '../../../src/cli/format-migration-plan.js';
import { planKeyVaultMigration } from '../../../src/migration/index.js';
import { batchPool, FIXTURE_SECRETS, fixture, IDENTITY, input, issuesOf } from './support.js';

function expectClean(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('secrets never appear', () => {
  it.each([
    ['linux-pool.json', 'linux-secrets.json'],
    ['windows-pool-arm.json', 'windows-secrets.json'],
  ])('in the plan of %s, as JSON or text', (pool, secrets) => {
    const plan = planKeyVaultMigration({
      pool: fixture(pool),
      secretUrls: fixture(secrets) as Record<string, string>,
      identity: IDENTITY,
    });
    expectClean(JSON.stringify(plan), FIXTURE_SECRETS);
    expectClean(formatMigrationPlan(plan), FIXTURE_SECRETS);
  });

  it('in errors about a pool holding secrets', () => {
    const secret = 'fixture-secret-inline-Wm3';
    const pool = batchPool({
      userAccounts: [{ name: 'u', password: secret }],
      startTask: {
        commandLine: `run --token ${secret}`,
        environmentSettings: [{ name: 'T', value: secret }],
      },
      passwords: secret,
      certificateReferences: [
        { thumbprint: secret, thumbprintAlgorithm: secret, storeName: 7, visibility: [secret] },
      ],
    });
    const issues = issuesOf(() =>
      planKeyVaultMigration(
        input({
          pool,
          secretUrls: { [secret]: secret },
          identity: { resourceId: secret, clientId: secret },
        }),
      ),
    );
    expect(issues.length).toBeGreaterThan(5);
    expectClean(JSON.stringify(issues), [secret]);
  });

  it('no password, only the name of its variable, in import commands', () => {
    const plan = planKeyVaultMigration(
      input({
        localCertificates: [
          {
            path: 'app.pfx',
            thumbprint: '3f1c0de5b7e4a2f9d8c1b0a3f1c0de5b7e4a2f9d',
            certificateFormat: 'pfx',
            passwordEnvironmentVariable: 'APP_PFX_PASSWORD',
          },
        ],
      }),
    );
    expect(plan.keyVaultImports[0]?.command).toContain('--password "$APP_PFX_PASSWORD"');
  });
});
