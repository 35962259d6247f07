/**
 * The Key Vault VM extension entry of a pool's
 * `deploymentConfiguration.virtualMachineConfiguration.extensions`, as Microsoft's "Enable
 * automatic certificate rotation in a Batch pool"
 * (https://learn.microsoft.com/azure/batch/automatic-certificate-rotation) shows it for Linux and
 * Windows nodes: publisher `Microsoft.Azure.KeyVault`, type `KeyVaultForLinux` /
 * `KeyVaultForWindows`, `typeHandlerVersion` `3.0`, `autoUpgradeMinorVersion` true,
 * `pollingIntervalInS` as a string, `requireInitialSync` true, and `authenticationSettings` with the
 * Azure Instance Metadata Service endpoint and the pool identity's client id. The Windows entries
 * add `certificateStoreName` per certificate, documented for version 3.0 in "Azure Key Vault
 * virtual machine extension for Windows".
 *
 * Types are object-literal aliases (not interfaces) so they are assignable to ARM's
 * `VMExtension.settings: Record<string, unknown>`.
 */
import type { CertificateStoreLocation } from './pool-certificate-reference.js';

/** The extension's publisher. */
export const KEY_VAULT_EXTENSION_PUBLISHER = 'Microsoft.Azure.KeyVault';
/** The handler version the Batch documentation uses for both OS families. */
export const KEY_VAULT_EXTENSION_VERSION = '3.0';
/** The managed identity endpoint of Azure VMs (Azure Instance Metadata Service). */
export const MSI_ENDPOINT = 'http://169.254.169.254/metadata/identity';
/** Default polling interval: one hour, in seconds (the extension docs' example). */
export const DEFAULT_POLLING_INTERVAL_IN_SECONDS = 3600;
/** Where the Batch documentation installs certificates on Linux nodes. */
export const DEFAULT_LINUX_CERTIFICATE_STORE_LOCATION = '/var/lib/waagent/Microsoft.Azure.KeyVault';

/** `authenticationSettings`: which identity the extension uses. */
export type KeyVaultAuthenticationSettings = {
  /** Always {@link MSI_ENDPOINT}. */
  msiEndpoint: string;
  /** The client id of the pool's user-assigned identity. */
  msiClientId: string;
};

/** `settings` of `KeyVaultForLinux`. */
export type KeyVaultForLinuxSettings = {
  secretsManagementSettings: {
    /** Polling interval in seconds, as a decimal string (for example `"3600"`). */
    pollingIntervalInS: string;
    /** Absolute directory the PEM files and their symbolic links are written to. */
    certificateStoreLocation: string;
    /** Report success only after every certificate was downloaded once. */
    requireInitialSync: boolean;
    /** Key Vault secret identifiers to install. */
    observedCertificates: string[];
  };
  authenticationSettings: KeyVaultAuthenticationSettings;
};

/** One observed certificate of `KeyVaultForWindows`. */
export type KeyVaultWindowsObservedCertificate = {
  /** The Key Vault secret identifier. */
  url: string;
  /** The Windows store name, e.g. `My`, `Root`, `TrustedPeople`. */
  certificateStoreName: string;
  /** The store location (case sensitive). */
  certificateStoreLocation: CertificateStoreLocation;
  /** Whether the private key is installed as exportable. */
  keyExportable: boolean;
};

/** `settings` of `KeyVaultForWindows`. */
export type KeyVaultForWindowsSettings = {
  secretsManagementSettings: {
    /** Polling interval in seconds, as a decimal string (for example `"3600"`). */
    pollingIntervalInS: string;
    /** Report success only after every certificate was installed once. */
    requireInitialSync: boolean;
    observedCertificates: KeyVaultWindowsObservedCertificate[];
  };
  authenticationSettings: KeyVaultAuthenticationSettings;
};

/** Fields common to both extension entries. */
export type KeyVaultExtensionBase = {
  /** The extension's name in the pool (unique among the pool's extensions). */
  name: string;
  publisher: typeof KEY_VAULT_EXTENSION_PUBLISHER;
  typeHandlerVersion: typeof KEY_VAULT_EXTENSION_VERSION;
  autoUpgradeMinorVersion: true;
};

/** The `KeyVaultForLinux` extension entry. */
export type KeyVaultForLinuxExtension = KeyVaultExtensionBase & {
  type: 'KeyVaultForLinux';
  settings: KeyVaultForLinuxSettings;
};

/** The `KeyVaultForWindows` extension entry. */
export type KeyVaultForWindowsExtension = KeyVaultExtensionBase & {
  type: 'KeyVaultForWindows';
  settings: KeyVaultForWindowsSettings;
};

/** Either extension entry. */
export type KeyVaultExtension = KeyVaultForLinuxExtension | KeyVaultForWindowsExtension;

/** What {@link keyVaultForLinuxExtension} needs. */
export interface LinuxExtensionInput {
  readonly clientId: string;
  readonly secretUrls: readonly string[];
  readonly pollingIntervalInSeconds: number;
  readonly certificateStoreLocation: string;
}

/** What {@link keyVaultForWindowsExtension} needs. */
export interface WindowsExtensionInput {
  readonly clientId: string;
  readonly certificates: readonly KeyVaultWindowsObservedCertificate[];
  readonly pollingIntervalInSeconds: number;
}

/** The `KeyVaultForLinux` entry observing `secretUrls` (duplicates dropped, order kept). */
export function keyVaultForLinuxExtension(input: LinuxExtensionInput): KeyVaultForLinuxExtension {
  return {
    name: 'KeyVaultForLinux',
    publisher: KEY_VAULT_EXTENSION_PUBLISHER,
    type: 'KeyVaultForLinux',
    typeHandlerVersion: KEY_VAULT_EXTENSION_VERSION,
    autoUpgradeMinorVersion: true,
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: String(input.pollingIntervalInSeconds),
        certificateStoreLocation: input.certificateStoreLocation,
        requireInitialSync: true,
        observedCertificates: [...new Set(input.secretUrls)],
      },
      authenticationSettings: { msiEndpoint: MSI_ENDPOINT, msiClientId: input.clientId },
    },
  };
}

/** The `KeyVaultForWindows` entry installing `certificates`. */
export function keyVaultForWindowsExtension(
  input: WindowsExtensionInput,
): KeyVaultForWindowsExtension {
  return {
    name: 'KeyVaultForWindows',
    publisher: KEY_VAULT_EXTENSION_PUBLISHER,
    type: 'KeyVaultForWindows',
    typeHandlerVersion: KEY_VAULT_EXTENSION_VERSION,
    autoUpgradeMinorVersion: true,
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: String(input.pollingIntervalInSeconds),
        requireInitialSync: true,
        observedCertificates: input.certificates.map((c) => ({ ...c })),
      },
      authenticationSettings: { msiEndpoint: MSI_ENDPOINT, msiClientId: input.clientId },
    },
  };
}
