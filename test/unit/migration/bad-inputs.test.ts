/**
 * Bad inputs give one BatchValidationError listing every issue with a path, a rule and the rule in
 * words, and never the value.
 */
import { describe, expect, it } from '@jest/globals';
import { BatchValidationError } from '../../../src/errors/index.js';
import { planKeyVaultMigration } from '../../../src/migration/index.js';
import { batchPool, IDENTITY, input, issuesOf, TP_A, URL_A } from './support.js';

const plan = (overrides: Parameters<typeof input>[0]) => () =>
  planKeyVaultMigration(input(overrides));
const paths = (run: () => unknown) => issuesOf(run).map((i) => `${i.path} [${i.rule}]`);

describe('bad inputs', () => {
  it('the input itself: not an object, unknown properties', () => {
    expect(issuesOf(() => planKeyVaultMigration(null as never))).toEqual([
      { path: 'input', rule: 'type', message: 'must be an object' },
    ]);
    expect(paths(plan({ extraOption: true } as never))).toEqual(['input.extraOption [unknown]']);
  });

  it('a pool that is not an object, or has nothing to migrate', () => {
    expect(paths(plan({ pool: 'pool.json' }))).toEqual(['pool [type]']);
    expect(issuesOf(plan({ pool: batchPool({ certificateReferences: [] }) }))).toEqual([
      {
        path: 'pool.certificateReferences',
        rule: 'required',
        message: 'must list at least one certificate reference: the pool has nothing to migrate',
      },
    ]);
    expect(paths(plan({ pool: batchPool({ certificateReferences: {} }) }))).toEqual([
      'pool.certificateReferences [type]',
    ]);
  });

  it('an unknown certificate-reference property is an error; unknown pool properties are reported as not examined', () => {
    const pool = batchPool({
      'odata.metadata': 'https://contoso.westeurope.batch.azure.com/$metadata#pools/@Element',
      colour: 'blue',
      'odd key': 1,
      certificateReferences: [{ thumbprint: TP_A, thumbprintAlgorithm: 'sha1', storeLocaton: 'x' }],
    });
    expect(paths(plan({ pool }))).toEqual(['pool.certificateReferences[0].storeLocaton [unknown]']);
    // A pool from a newer API version (or with a misspelt property) still gets a plan, and the
    // properties the plan did not read are named, never silently dropped.
    const newer = planKeyVaultMigration({
      pool: batchPool({ 'odata.metadata': 'x', colour: 'blue', 'odd key': 1 }),
      secretUrls: { [TP_A]: URL_A },
      identity: IDENTITY,
    });
    expect(newer.attention.filter((a) => a.code === 'unexamined-pool-properties')).toEqual([
      expect.objectContaining({
        severity: 'advisory',
        message: expect.stringContaining('not examined: pool.colour, pool["odd key"]'),
      }),
    ]);
    const arm = {
      name: 'p',
      extra: 1,
      properties: { certificateReferences: [], certificates: [] },
    };
    expect(paths(plan({ pool: arm, osFamily: 'linux' }))).toEqual([
      'pool.properties.certificates [required]',
    ]);
  });

  it('every reference problem at once, with paths into the caller’s document', () => {
    const pool = batchPool({
      certificateReferences: [
        { thumbprint: `${TP_A}0`, thumbprintAlgorithm: 'sha1' },
        { thumbprint: TP_A, thumbprintAlgorithm: 'sha256' },
        {
          thumbprint: 42,
          thumbprintAlgorithm: 'sha1',
          storeLocation: 'Machine',
          visibility: ['task', 'everyone'],
        },
        { thumbprint: TP_A, thumbprintAlgorithm: 'sha1', storeName: '', visibility: 'task' },
        'not a reference',
      ],
    });
    expect(paths(plan({ pool }))).toEqual([
      'pool.certificateReferences[0].thumbprint [pattern]',
      'pool.certificateReferences[1].thumbprintAlgorithm [enum]',
      'pool.certificateReferences[2].thumbprint [type]',
      'pool.certificateReferences[2].storeLocation [enum]',
      'pool.certificateReferences[2].visibility[1] [enum]',
      'pool.certificateReferences[3].storeName [type]',
      'pool.certificateReferences[3].visibility [type]',
      'pool.certificateReferences[4] [type]',
    ]);
    expect(issuesOf(plan({ pool }))[0]?.message).toBe(
      'must be a SHA-1 thumbprint: 40 hexadecimal digits (spaces, colons and invisible direction marks are ignored)',
    );
  });

  it('an ARM reference must name a Batch account certificate sha1-{thumbprint}', () => {
    const arm = (id: unknown) => ({
      properties: {
        deploymentConfiguration: {
          virtualMachineConfiguration: { nodeAgentSkuId: 'batch.node.ubuntu 22.04' },
        },
        certificates: [{ id }],
      },
    });
    const account = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Batch/batchAccounts/a';
    expect(paths(plan({ pool: arm(`${account}/certificates/sha256-${TP_A}`) }))).toEqual([
      'pool.properties.certificates[0].id [format]',
    ]);
    expect(paths(plan({ pool: arm(`/subscriptions/s/certificates/sha1-${TP_A}`) }))).toEqual([
      'pool.properties.certificates[0].id [format]',
    ]);
    expect(paths(plan({ pool: arm(`${account}/certificates/sha1-abc`) }))).toEqual([
      'pool.properties.certificates[0].id [pattern]',
    ]);
    expect(paths(plan({ pool: arm(undefined) }))).toEqual([
      'pool.properties.certificates[0].id [required]',
    ]);
  });

  it('the secrets map: thumbprint keys (named by position when malformed), secret URLs, duplicates', () => {
    const secretUrls = {
      [TP_A]: 'https://kv1.vault.azure.net/certificates/app',
      'not-a-thumbprint-Secret-Xy7': URL_A,
      [TP_A.toUpperCase().replace(/(..)/g, '$1 ')]: URL_A,
    };
    const issues = issuesOf(plan({ secretUrls }));
    expect(issues.map((i) => `${i.path} [${i.rule}]`)).toEqual([
      `secretUrls.${TP_A} [format]`,
      'secretUrls (entry 2) [pattern]',
      `secretUrls.${TP_A} [duplicate]`,
    ]);
    expect(JSON.stringify(issues)).not.toContain('not-a-thumbprint-Secret-Xy7');
    expect(paths(plan({ secretUrls: [URL_A] }))).toEqual(['secretUrls [type]']);
  });

  it('the identity: resource id and client id forms, unknown properties', () => {
    expect(
      issuesOf(
        plan({
          identity: {
            resourceId: '/subscriptions/x/identities/y',
            clientId: 'client',
            principalId: 'p',
          },
        }),
      ),
    ).toEqual([
      {
        path: 'identity.principalId',
        rule: 'unknown',
        message: 'is not a property of a user-assigned identity reference',
      },
      {
        path: 'identity.resourceId',
        rule: 'pattern',
        message:
          'must be /subscriptions/{subscription-guid}/resourceGroups/{group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}',
      },
      {
        path: 'identity.clientId',
        rule: 'format',
        message: 'must be a GUID (8-4-4-4-12 hexadecimal digits)',
      },
    ]);
    expect(paths(plan({ identity: {} }))).toEqual([
      'identity.resourceId [required]',
      'identity.clientId [required]',
    ]);
    expect(paths(plan({ identity: IDENTITY.resourceId }))).toEqual(['identity [type]']);
  });

  it('options and local files', () => {
    expect(
      paths(
        plan({
          pollingIntervalInSeconds: 0.5,
          linuxCertificateStoreLocation: 'relative/dir',
          localCertificates: [
            { path: '', thumbprint: 'xyz', certificateFormat: 'p12', colour: 1 },
            {
              path: 'a.cer',
              thumbprint: TP_A,
              certificateFormat: 'cer',
              passwordEnvironmentVariable: 'PW',
            },
            {
              path: 'a.pfx',
              thumbprint: TP_A,
              certificateFormat: 'pfx',
              passwordEnvironmentVariable: '1-bad',
            },
          ],
        }),
      ),
    ).toEqual([
      'localCertificates[0].colour [unknown]',
      'localCertificates[0].path [required]',
      'localCertificates[0].thumbprint [pattern]',
      'localCertificates[0].certificateFormat [enum]',
      'localCertificates[1].passwordEnvironmentVariable [forbidden]',
      'localCertificates[2].passwordEnvironmentVariable [pattern]',
      'pollingIntervalInSeconds [range]',
      'linuxCertificateStoreLocation [pattern]',
    ]);
    expect(paths(plan({ linuxCertificateStoreLocation: '/var/lib/../etc' }))).toEqual([
      'linuxCertificateStoreLocation [pattern]',
    ]);
    expect(paths(plan({ localCertificates: 'a.pfx' }))).toEqual(['localCertificates [type]']);
  });

  it('options that are fine shape the extension', () => {
    const planned = planKeyVaultMigration(
      input({ pollingIntervalInSeconds: 300, linuxCertificateStoreLocation: '/' }),
    );
    const settings =
      planned.armPoolFragment.properties.deploymentConfiguration.virtualMachineConfiguration
        .extensions[0].settings;
    expect(settings.secretsManagementSettings).toMatchObject({
      pollingIntervalInS: '300',
      certificateStoreLocation: '/',
    });
    expect(planned.certificates[0]?.landing).toMatchObject({ path: '/contoso-kv.app-tls' });
  });

  it('is a BatchValidationError (a TypeError) whose message lists the issues', () => {
    try {
      planKeyVaultMigration(input({ secretUrls: { [TP_A]: 'nope' }, osFamily: 'bsd' }));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(BatchValidationError);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^Invalid arguments \(2 issues\):\n- secretUrls\./);
    }
  });
});
