/** The node OS: from the caller, from the pool's node agent SKU, and when they disagree. */
import { describe, expect, it } from '@jest/globals';
import { osFamilyOfNodeAgentSku, planKeyVaultMigration } from '../../../src/migration/index.js';
import { batchPool, input, issuesOf } from './support.js';

describe('OS family', () => {
  it.each([
    ['batch.node.windows amd64', 'windows'],
    ['Batch.Node.Windows amd64', 'windows'],
    ['batch.node.ubuntu 22.04', 'linux'],
    ['batch.node.centos 7', 'linux'],
    ['batch.node.el 9', 'linux'],
    ['batch.node.mariner 2.0', 'linux'],
    ['batch.node.azurelinux 3.0', 'linux'],
    ['custom.agent', undefined],
  ])('%s → %s', (sku, family) => {
    expect(osFamilyOfNodeAgentSku(sku)).toBe(family);
  });

  it('comes from nodeAgentSKUId (REST spelling) or nodeAgentSkuId (SDK/ARM spelling)', () => {
    const rest = planKeyVaultMigration(input());
    expect(rest.pool).toMatchObject({ osFamily: 'linux', osFamilySource: 'nodeAgentSkuId' });
    const sdk = planKeyVaultMigration(
      input({
        pool: batchPool({
          virtualMachineConfiguration: { nodeAgentSkuId: 'batch.node.windows amd64' },
        }),
      }),
    );
    expect(sdk.pool.osFamily).toBe('windows');
  });

  it('is taken from the caller when the pool does not tell', () => {
    const plan = planKeyVaultMigration(
      input({ pool: batchPool({ virtualMachineConfiguration: undefined }), osFamily: 'windows' }),
    );
    expect(plan.pool).toMatchObject({ osFamily: 'windows', osFamilySource: 'input' });
  });

  it('agrees with the pool or is refused', () => {
    expect(issuesOf(() => planKeyVaultMigration(input({ osFamily: 'windows' })))).toEqual([
      {
        path: 'osFamily',
        rule: 'conflict',
        message: 'does not match the pool, whose nodeAgentSkuId names a linux pool',
      },
    ]);
    expect(planKeyVaultMigration(input({ osFamily: 'linux' })).pool.osFamilySource).toBe('input');
  });

  it('is required when nothing tells', () => {
    expect(
      issuesOf(() =>
        planKeyVaultMigration(
          input({ pool: batchPool({ virtualMachineConfiguration: undefined }) }),
        ),
      ),
    ).toEqual([expect.objectContaining({ path: 'osFamily', rule: 'required' })]);
    expect(
      issuesOf(() =>
        planKeyVaultMigration(
          input({
            pool: batchPool({ virtualMachineConfiguration: { nodeAgentSKUId: 'custom.agent' } }),
          }),
        ),
      ),
    ).toEqual([expect.objectContaining({ path: 'osFamily', rule: 'required' })]);
  });

  it('must be linux or windows', () => {
    expect(issuesOf(() => planKeyVaultMigration(input({ osFamily: 'macos' })))).toEqual([
      { path: 'osFamily', rule: 'enum', message: 'must be linux or windows' },
    ]);
  });
});
