/**
 * The part of an ARM pool body (`PUT …/Microsoft.Batch/batchAccounts/{account}/pools/{pool}`) the
 * migration adds: the pool's user-assigned `identity` and the Key Vault extension in
 * `properties.deploymentConfiguration.virtualMachineConfiguration.extensions`, as in "Enable
 * automatic certificate rotation in a Batch pool"
 * (https://learn.microsoft.com/azure/batch/automatic-certificate-rotation). Merge it into the new
 * pool's full body (vmSize, image, nodeAgentSkuId, scale settings, …); a test checks it against
 * the management SDK's published types (`@azure/arm-batch`: `Pool`, `BatchPoolIdentity`,
 * `VMExtension`).
 */
import type { KeyVaultExtension } from './key-vault-extension.js';

/** The pool `identity` (ARM `BatchPoolIdentity`) with one user-assigned identity. */
export type ArmPoolIdentity = {
  type: 'UserAssigned';
  /** Keyed by the identity's resource id; the value is an empty object, filled in by ARM. */
  userAssignedIdentities: { [resourceId: string]: Record<string, never> };
};

/** The ARM pool body fragment of a migration plan. */
export type ArmPoolFragment = {
  identity: ArmPoolIdentity;
  properties: {
    deploymentConfiguration: {
      virtualMachineConfiguration: {
        /** The Key Vault extension; keep the pool's other extensions beside it. */
        extensions: [KeyVaultExtension];
      };
    };
  };
};

/** The fragment for `identityResourceId` and `extension`. */
export function armPoolFragment(
  identityResourceId: string,
  extension: KeyVaultExtension,
): ArmPoolFragment {
  return {
    identity: { type: 'UserAssigned', userAssignedIdentities: { [identityResourceId]: {} } },
    properties: {
      deploymentConfiguration: { virtualMachineConfiguration: { extensions: [extension] } },
    },
  };
}
