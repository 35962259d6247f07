/**
 * `batch-rest-client/migration`: plans the move from Batch certificate references (retired on 29
 * February 2024) to the Azure Key Vault VM extension. Pure functions, browser-safe, no network:
 * give a pool's JSON, a thumbprint → Key Vault secret URL map and a user-assigned identity; get the
 * ARM pool fragment (identity + extension), where each certificate lands, the steps and what needs
 * a person.
 *
 * @module batch-rest-client/migration
 */

export type { ArmPoolFragment, ArmPoolIdentity } from './arm-pool-fragment.js';
export { type DocumentationSource, MIGRATION_SOURCES } from './documentation-sources.js';
export {
  DEFAULT_LINUX_CERTIFICATE_STORE_LOCATION,
  DEFAULT_POLLING_INTERVAL_IN_SECONDS,
  KEY_VAULT_EXTENSION_PUBLISHER,
  KEY_VAULT_EXTENSION_VERSION,
  type KeyVaultAuthenticationSettings,
  type KeyVaultExtension,
  type KeyVaultExtensionBase,
  type KeyVaultForLinuxExtension,
  type KeyVaultForLinuxSettings,
  type KeyVaultForWindowsExtension,
  type KeyVaultForWindowsSettings,
  type KeyVaultWindowsObservedCertificate,
  MSI_ENDPOINT,
} from './key-vault-extension.js';
export {
  type KeyVaultImportCommand,
  type KeyVaultImportCommandInput,
  keyVaultImportCommand,
  type LocalCertificateFormat,
  shellQuote,
} from './key-vault-import-command.js';
export {
  KEY_VAULT_DNS_SUFFIXES,
  type KeyVaultSecretIdentifier,
  parseKeyVaultSecretUrl,
} from './key-vault-secret-url.js';
export type { UserAssignedIdentityReference } from './managed-identity.js';
export type { MigrationAttention, MigrationAttentionCode } from './migration-attention.js';
export type { KeyVaultMigrationInput, LocalCertificateFile } from './migration-input.js';
export type {
  CertificateMigration,
  KeyVaultMigrationPlan,
  LinuxCertificateLanding,
  MigrationStep,
  OldCertificateReference,
  WindowsCertificateLanding,
} from './migration-plan.js';
export { type OsFamily, type OsFamilySource, osFamilyOfNodeAgentSku } from './os-family.js';
export { planKeyVaultMigration } from './plan-key-vault-migration.js';
export type {
  CertificateStoreLocation,
  CertificateVisibility,
} from './pool-certificate-reference.js';
export type { PoolDocumentShape } from './read-pool.js';
