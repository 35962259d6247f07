/**
 * The Microsoft documents every fact of a migration plan comes from. Each plan item names one, so
 * a reader can check the rule against its source; the texts of the plan are ours.
 */

/** A document a fact comes from: its title and address. */
export interface DocumentationSource {
  /** The document's title as Microsoft publishes it. */
  readonly title: string;
  /** Its address on learn.microsoft.com. */
  readonly url: string;
}

function source(title: string, url: string): DocumentationSource {
  return Object.freeze({ title, url });
}

/** The documents the migration plan relies on, by topic. */
export const MIGRATION_SOURCES = Object.freeze({
  /**
   * Retirement on 29 February 2024; the Key Vault VM extension with a pool user-assigned managed
   * identity as the replacement; `$AZ_BATCH_CERTIFICATES_DIR` no longer set; CloudServiceConfiguration
   * pools not supported; existing pools cannot be updated (recreate them); Linux certificates
   * readable by root only; `.cer` files without a private key go to Key Vault as secrets; task-level
   * auto-users cannot be named in the extension's `accounts`.
   */
  migrationGuide: source(
    'Migrate Batch account certificates to Azure Key Vault',
    'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide',
  ),
  /**
   * The Batch pool body with the extension (`KeyVaultForLinux` / `KeyVaultForWindows`,
   * `typeHandlerVersion` 3.0, `pollingIntervalInS` as a string, `requireInitialSync`,
   * `certificateStoreLocation` `/var/lib/waagent/Microsoft.Azure.KeyVault` on Linux,
   * `{ url, certificateStoreLocation, keyExportable }` on Windows, `authenticationSettings` with
   * `msiEndpoint` `http://169.254.169.254/metadata/identity` and `msiClientId`) and the pool's
   * `identity`; the secret identifier of the certificate as the URL; existing pools cannot take
   * the extension.
   */
  automaticRotation: source(
    'Enable automatic certificate rotation in a Batch pool',
    'https://learn.microsoft.com/azure/batch/automatic-certificate-rotation',
  ),
  /** Pools with a managed identity are created only through the Batch management plane (ARM). */
  managedIdentityPools: source(
    'Configure managed identities in Batch pools',
    'https://learn.microsoft.com/azure/batch/managed-identity-pools',
  ),
  /** Extensions need Virtual Machine Configuration and cannot be added to an existing pool. */
  poolExtensions: source(
    'Use extensions with Batch pools',
    'https://learn.microsoft.com/azure/batch/create-pool-extensions',
  ),
  /**
   * Linux: observed URLs use the `/secrets` path; certificates are installed as PEM files with
   * the full chain and the private key; a symbolic link `[VaultName].[CertificateName]` in the
   * store location points to the newest version; the identity needs the Key Vault Secrets User
   * role.
   */
  keyVaultExtensionLinux: source(
    'Key Vault virtual machine extension for Linux',
    'https://learn.microsoft.com/azure/virtual-machines/extensions/key-vault-linux',
  ),
  /**
   * Windows (version 3.0): `observedCertificates` entries with `url`, `certificateStoreName`,
   * `certificateStoreLocation` (`LocalMachine` or `CurrentUser`, case sensitive), optional
   * `keyExportable` and `accounts` (Administrators and SYSTEM get full control by default).
   */
  keyVaultExtensionWindows: source(
    'Azure Key Vault virtual machine extension for Windows',
    'https://learn.microsoft.com/azure/virtual-machines/extensions/key-vault-windows',
  ),
  /**
   * Object identifiers `https://{vault-name}.vault.azure.net/{object-type}/{object-name}/{object-version}`;
   * vault names of 3–24 characters (0-9, a-z, A-Z, no consecutive `-`); object names of 1–127
   * characters (0-9, a-z, A-Z, `-`); 32-character versions; identifiers without a version are
   * base identifiers.
   */
  keyVaultObjects: source(
    'Azure Key Vault keys, secrets and certificates overview',
    'https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates',
  ),
  /** Importing needs a PFX or PEM holding the private key; `az keyvault certificate import` flags. */
  keyVaultImport: source(
    'Tutorial: Import a certificate in Azure Key Vault',
    'https://learn.microsoft.com/azure/key-vault/certificates/tutorial-import-certificate',
  ),
  /** `az keyvault secret set --file … --encoding base64`. */
  keyVaultSecretSet: source(
    'az keyvault secret',
    'https://learn.microsoft.com/cli/azure/keyvault/secret#az-keyvault-secret-set',
  ),
  /**
   * The old reference: `storeLocation` (default CurrentUser), `storeName` (default My), the
   * Windows store; on Linux a directory in the task working directory named by
   * `AZ_BATCH_CERTIFICATES_DIR`, and `~/certs` for remote users; `visibility` (default: all
   * accounts).
   */
  certificateReference: source(
    'Pool - Add (Batch service REST API): CertificateReference',
    'https://learn.microsoft.com/rest/api/batchservice/pool/add#certificatereference',
  ),
});
