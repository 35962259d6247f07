/**
 * The steps of a Key Vault VM extension migration, in order, each with the Microsoft document it
 * comes from. Pure.
 *
 * @module
 */
import { MIGRATION_SOURCES as S } from './documentation-sources.js';
import type { MigrationStep } from './migration-plan.js';
import type { OsFamily } from './os-family.js';

/**
 * @param plan - the identity the pool runs the extension as, the vaults the mapped secrets live
 *   in (none: "the vault"), and how many import commands the plan lists
 */
export function migrationSteps(
  plan: { identityResourceId: string; vaults: readonly string[]; imports: number },
  osFamily: OsFamily,
): MigrationStep[] {
  const vaults = plan.vaults.length > 0 ? plan.vaults.join(', ') : 'the vault';
  return [
    {
      title: 'Put each certificate in Key Vault',
      detail:
        (plan.imports > 0 ? 'Run the import commands listed. ' : '') +
        'A Key Vault certificate is imported from a PFX, or a PEM holding the private key; its secret identifier is the URL the extension observes.',
      source: S.keyVaultImport,
    },
    {
      title: 'Let the pool identity read the secrets',
      detail: `Give ${plan.identityResourceId} the Key Vault Secrets User role on ${vaults} (or an access policy with get and list on secrets).`,
      source: osFamily === 'windows' ? S.keyVaultExtensionWindows : S.keyVaultExtensionLinux,
    },
    {
      title: 'Create a new pool through Batch management (ARM)',
      detail:
        'Merge the ARM fragment into the new pool body (PUT …/Microsoft.Batch/batchAccounts/{account}/pools/{pool}, a template or a management SDK). Pools with a managed identity are created only through the management plane, and an existing pool cannot take the extension: it is recreated.',
      source: S.managedIdentityPools,
    },
    {
      title: 'Leave the certificate references out',
      detail:
        'Do not copy certificateReferences (ARM: certificates) into the new pool: the service no longer installs them.',
      source: S.migrationGuide,
    },
    {
      title: 'Switch the work over',
      detail:
        'Check a node of the new pool (the extension status and the certificates), move jobs to it, then delete the old pool.',
      source: S.automaticRotation,
    },
  ];
}
