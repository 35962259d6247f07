/** Every point of a plan that needs a person, one case each, with what the plan does around it. */
import { describe, expect, it } from '@jest/globals';
import {
  type KeyVaultForWindowsExtension,
  type KeyVaultMigrationPlan,
  MIGRATION_SOURCES,
  planKeyVaultMigration,
} from '../../../src/migration/index.js';
import { batchPool, IDENTITY, input, TP_A, TP_B, URL_A, URL_B, windowsPool } from './support.js';

const codes = (plan: KeyVaultMigrationPlan) => plan.attention.map((a) => a.code);
const item = (plan: KeyVaultMigrationPlan, code: string) =>
  plan.attention.find((a) => a.code === code);
const extensionOf = (plan: KeyVaultMigrationPlan) =>
  plan.armPoolFragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions[0];

describe('points that need a person', () => {
  it('a CloudServiceConfiguration pool (data plane or ARM): Windows, and required', () => {
    const dataPlane = planKeyVaultMigration(
      input({
        pool: batchPool({
          virtualMachineConfiguration: undefined,
          cloudServiceConfiguration: { osFamily: '6' },
        }),
      }),
    );
    expect(dataPlane.pool).toMatchObject({
      osFamily: 'windows',
      osFamilySource: 'cloudServiceConfiguration',
    });
    expect(item(dataPlane, 'cloud-service-configuration')).toMatchObject({
      severity: 'required',
      source: MIGRATION_SOURCES.migrationGuide,
    });
    const arm = planKeyVaultMigration(
      input({
        pool: {
          name: 'old',
          properties: {
            deploymentConfiguration: { cloudServiceConfiguration: { osFamily: '5' } },
            certificates: [
              {
                id: `/subscriptions/x/resourceGroups/g/providers/Microsoft.Batch/batchAccounts/a/certificates/sha1-${TP_A}`,
              },
            ],
          },
        },
      }),
    );
    expect(codes(arm)).toContain('cloud-service-configuration');
  });

  it('a reference without a mapping is left out of the extension', () => {
    const plan = planKeyVaultMigration(
      input({
        pool: batchPool({
          certificateReferences: [
            { thumbprint: TP_A, thumbprintAlgorithm: 'sha1' },
            { thumbprint: TP_B, thumbprintAlgorithm: 'sha1' },
          ],
        }),
      }),
    );
    expect(item(plan, 'missing-secret-url')).toMatchObject({
      severity: 'required',
      thumbprint: TP_B,
    });
    expect(plan.certificates[1]).toMatchObject({ thumbprint: TP_B, installedBy: 'nobody' });
    expect(plan.certificates[1]).not.toHaveProperty('landing');
    expect(extensionOf(plan).settings.secretsManagementSettings.observedCertificates).toEqual([
      URL_A,
    ]);
  });

  it('the missing mapping says when a local file has the thumbprint', () => {
    const plan = planKeyVaultMigration(
      input({
        secretUrls: {},
        localCertificates: [{ path: 'app.pfx', thumbprint: TP_A, certificateFormat: 'pfx' }],
      }),
    );
    expect(item(plan, 'missing-secret-url')?.message).toContain('a local file has this thumbprint');
    expect(plan.keyVaultImports).toEqual([]);
  });

  it('a .cer without private key: a secret, a start task, not the extension', () => {
    const plan = planKeyVaultMigration(
      input({
        localCertificates: [{ path: 'root.cer', thumbprint: TP_A, certificateFormat: 'cer' }],
      }),
    );
    expect(item(plan, 'certificate-without-private-key')).toMatchObject({
      severity: 'required',
      thumbprint: TP_A,
      source: MIGRATION_SOURCES.migrationGuide,
    });
    expect(plan.certificates[0]).toMatchObject({ installedBy: 'start-task', secretUrl: URL_A });
    expect(extensionOf(plan).settings.secretsManagementSettings.observedCertificates).toEqual([]);
    expect(plan.keyVaultImports).toEqual([
      {
        kind: 'secret-set',
        path: 'root.cer',
        vaultName: 'contoso-kv',
        name: 'app-tls',
        command:
          'az keyvault secret set --vault-name contoso-kv --name app-tls --file root.cer --encoding base64',
      },
    ]);
  });

  it('a CurrentUser store on Windows goes to LocalMachine, and says so', () => {
    const plan = planKeyVaultMigration(
      input({
        pool: windowsPool({
          certificateReferences: [
            { thumbprint: TP_A, thumbprintAlgorithm: 'sha1', storeName: 'TrustedPeople' },
          ],
        }),
      }),
    );
    expect(item(plan, 'current-user-store')).toMatchObject({
      severity: 'required',
      thumbprint: TP_A,
    });
    expect(item(plan, 'current-user-store')?.message).toContain('CurrentUser\\TrustedPeople');
    const extension = extensionOf(plan) as KeyVaultForWindowsExtension;
    expect(extension.settings.secretsManagementSettings.observedCertificates).toEqual([
      {
        url: URL_A,
        certificateStoreName: 'TrustedPeople',
        certificateStoreLocation: 'LocalMachine',
        keyExportable: true,
      },
    ]);
  });

  it('a CurrentUser store on Linux means nothing (the store was Windows only)', () => {
    const plan = planKeyVaultMigration(input());
    expect(codes(plan)).not.toContain('current-user-store');
  });

  describe('visibility', () => {
    const withVisibility = (visibility: string[], startTask?: unknown, extra = {}) =>
      planKeyVaultMigration(
        input({
          pool: windowsPool({
            certificateReferences: [
              {
                thumbprint: TP_A,
                thumbprintAlgorithm: 'sha1',
                storeLocation: 'localmachine',
                visibility,
              },
            ],
            ...(startTask ? { startTask } : {}),
            ...extra,
          }),
        }),
      );

    it('job tasks and remote users have no equivalent', () => {
      const plan = withVisibility(['task', 'remoteuser']);
      expect(item(plan, 'visibility-without-equivalent')).toMatchObject({
        severity: 'required',
        thumbprint: TP_A,
        message: expect.stringContaining('job tasks and remote users'),
      });
    });

    it('the start task is covered when it runs elevated (auto-user or admin account)', () => {
      const admin = { commandLine: 'x', userIdentity: { autoUser: { elevationLevel: 'admin' } } };
      expect(codes(withVisibility(['starttask'], admin))).not.toContain(
        'visibility-without-equivalent',
      );
      const named = { commandLine: 'x', userIdentity: { userName: 'ops' } };
      const accounts = { userAccounts: [{ name: 'ops', password: 'p', elevationLevel: 'admin' }] };
      expect(codes(withVisibility(['starttask'], named, accounts))).not.toContain(
        'visibility-without-equivalent',
      );
    });

    it('the start task is not covered when it runs without elevation', () => {
      const plain = { commandLine: 'x' };
      expect(
        item(withVisibility(['starttask'], plain), 'visibility-without-equivalent')?.message,
      ).toContain('the start task');
      const named = { commandLine: 'x', userIdentity: { userName: 'ops' } };
      const accounts = {
        userAccounts: [{ name: 'ops', password: 'p', elevationLevel: 'nonadmin' }],
      };
      expect(codes(withVisibility(['starttask'], named, accounts))).toContain(
        'visibility-without-equivalent',
      );
    });

    it('no visibility means every account (the service default)', () => {
      const plan = planKeyVaultMigration(input({ pool: windowsPool() }));
      expect(plan.certificates[0]?.reference.visibility).toEqual([
        'starttask',
        'task',
        'remoteuser',
      ]);
      expect(item(plan, 'visibility-without-equivalent')?.message).toContain(
        'job tasks and remote users',
      );
    });

    it('on Linux the advice is about root-only files', () => {
      const plan = planKeyVaultMigration(input());
      expect(item(plan, 'visibility-without-equivalent')?.message).toContain(
        'readable by root only',
      );
    });
  });

  it('every Linux plan says $AZ_BATCH_CERTIFICATES_DIR is gone and where files are now', () => {
    const plan = planKeyVaultMigration(
      input({ linuxCertificateStoreLocation: '/etc/render/certs/' }),
    );
    expect(item(plan, 'linux-certificate-files')).toMatchObject({
      severity: 'required',
      source: MIGRATION_SOURCES.keyVaultExtensionLinux,
    });
    expect(item(plan, 'linux-certificate-files')?.message).toContain(
      '/etc/render/certs/{vault}.{certificate}',
    );
    expect(plan.certificates[0]?.landing).toMatchObject({
      path: '/etc/render/certs/contoso-kv.app-tls',
    });
    expect(codes(planKeyVaultMigration(input({ pool: windowsPool() })))).not.toContain(
      'linux-certificate-files',
    );
  });

  it('an existing Key Vault extension must be merged; other extensions are kept', () => {
    const pool = batchPool({
      virtualMachineConfiguration: {
        nodeAgentSKUId: 'batch.node.ubuntu 22.04',
        imageReference: {},
        extensions: [
          {
            name: 'kv',
            publisher: 'Microsoft.Azure.KeyVault',
            type: 'KeyVaultForLinux',
            protectedSettings: { k: 'v' },
          },
          { name: 'agent', publisher: 'Microsoft.Azure.Monitor', type: 'AzureMonitorLinuxAgent' },
        ],
      },
    });
    const plan = planKeyVaultMigration(input({ pool }));
    expect(item(plan, 'existing-key-vault-extension')).toMatchObject({ severity: 'required' });
    expect(item(plan, 'existing-key-vault-extension')?.message).toContain("'kv'");
    expect(item(plan, 'existing-extensions')).toMatchObject({ severity: 'advisory' });
    expect(item(plan, 'existing-extensions')?.message).toContain('(agent)');
  });

  it('other user-assigned identities of the pool are kept (both identity shapes)', () => {
    const dataPlane = batchPool({
      identity: {
        type: 'UserAssigned',
        userAssignedIdentities: [
          { resourceId: '/subscriptions/x/other' },
          { resourceId: IDENTITY.resourceId.toUpperCase() },
        ],
      },
    });
    expect(
      item(planKeyVaultMigration(input({ pool: dataPlane })), 'existing-identities')?.message,
    ).toContain('1 other user-assigned identity');
    const arm = {
      identity: { type: 'UserAssigned', userAssignedIdentities: { '/a': {}, '/b': {} } },
      properties: {
        deploymentConfiguration: {
          virtualMachineConfiguration: { nodeAgentSkuId: 'batch.node.ubuntu 22.04' },
        },
        certificates: [
          {
            id: `/x/providers/Microsoft.Batch/batchAccounts/a/certificates/SHA1-${TP_A.toUpperCase()}`,
          },
        ],
      },
    };
    expect(
      item(planKeyVaultMigration(input({ pool: arm })), 'existing-identities')?.message,
    ).toContain('2 other user-assigned identities');
  });

  it('advisories: a versioned URL, an unused map entry, an unreferenced local file', () => {
    const plan = planKeyVaultMigration(
      input({
        secretUrls: { [TP_A]: `${URL_A}/0123456789abcdef0123456789abcdef`, [TP_B]: URL_B },
        localCertificates: [{ path: 'b.pfx', thumbprint: TP_B, certificateFormat: 'pfx' }],
      }),
    );
    expect(
      plan.attention.filter((a) => a.severity === 'advisory').map((a) => [a.code, a.thumbprint]),
    ).toEqual([
      ['versioned-secret-url', TP_A],
      ['unreferenced-local-certificate', TP_B],
      ['unused-secret-url', TP_B],
    ]);
    expect(plan.keyVaultImports.map((c) => c.name)).toEqual(['partner-root']);
  });

  it('lists required points before advisory ones, each with a source', () => {
    const plan = planKeyVaultMigration(
      input({ secretUrls: { [TP_A]: `${URL_A}/0123456789abcdef0123456789abcdef` } }),
    );
    const severities = plan.attention.map((a) => a.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => (a === b ? 0 : a === 'required' ? -1 : 1)),
    );
    const sources = new Set(Object.values(MIGRATION_SOURCES));
    for (const a of plan.attention) expect(sources.has(a.source)).toBe(true);
    for (const s of plan.steps) expect(sources.has(s.source)).toBe(true);
  });
});
