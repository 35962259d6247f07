/**
 * The points of a migration plan that need a person: what the plan cannot decide or express, each
 * with the document that states the underlying fact. `required` items block a faithful migration
 * until someone acts; `advisory` items are worth a look.
 */
import { type DocumentationSource, MIGRATION_SOURCES } from './documentation-sources.js';
import type { OsFamily } from './os-family.js';
import type { CertificateVisibility } from './pool-certificate-reference.js';

/** What kind of point it is. */
export type MigrationAttentionCode =
  | 'cloud-service-configuration'
  | 'missing-secret-url'
  | 'certificate-without-private-key'
  | 'current-user-store'
  | 'visibility-without-equivalent'
  | 'linux-certificate-files'
  | 'existing-key-vault-extension'
  | 'existing-extensions'
  | 'existing-identities'
  | 'versioned-secret-url'
  | 'unused-secret-url'
  | 'unreferenced-local-certificate'
  | 'unexamined-pool-properties';

/** One point that needs a person. */
export interface MigrationAttention {
  readonly code: MigrationAttentionCode;
  /** `required`: the plan is incomplete until someone acts; `advisory`: worth checking. */
  readonly severity: 'required' | 'advisory';
  /** The certificate it is about, when it is about one. */
  readonly thumbprint?: string;
  /** What is wrong and what to do, in words. Holds no secret. */
  readonly message: string;
  /** The document that states the fact behind it. */
  readonly source: DocumentationSource;
}

const S = MIGRATION_SOURCES;
const VISIBILITY_WORDS: Readonly<Record<CertificateVisibility, string>> = {
  starttask: 'the start task',
  task: 'job tasks',
  remoteuser: 'remote users',
};

/** Lists visibilities in words: `job tasks and remote users`. */
export function visibilityWords(values: readonly CertificateVisibility[]): string {
  const words = values.map((v) => VISIBILITY_WORDS[v]);
  return words.length <= 1
    ? (words[0] ?? 'no account')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function item(
  code: MigrationAttentionCode,
  severity: MigrationAttention['severity'],
  message: string,
  source: DocumentationSource,
  thumbprint?: string,
): MigrationAttention {
  return Object.freeze({ code, severity, ...(thumbprint ? { thumbprint } : {}), message, source });
}

/** The constructors of every attention item. */
export const attention = {
  cloudServiceConfiguration: () =>
    item(
      'cloud-service-configuration',
      'required',
      'The pool uses CloudServiceConfiguration, which supports neither the Key Vault VM extension nor a managed identity (and was retired with Batch certificates). Move the workload to a VirtualMachineConfiguration pool first; the fragment below is for that pool.',
      S.migrationGuide,
    ),
  missingSecretUrl: (thumbprint: string, hasLocalFile: boolean) =>
    item(
      'missing-secret-url',
      'required',
      `No Key Vault secret URL is mapped to this certificate, so the plan leaves it out. Put it in Key Vault${hasLocalFile ? ' (a local file has this thumbprint)' : ''} and add its secret identifier to the secrets map.`,
      S.automaticRotation,
      thumbprint,
    ),
  certificateWithoutPrivateKey: (thumbprint: string) =>
    item(
      'certificate-without-private-key',
      'required',
      'This is a .cer without a private key: Key Vault does not import it as a certificate and the extension does not install it. Store it as a Key Vault secret (see the command) and have a start task fetch and install it with the pool identity, or ship it as a resource file.',
      S.migrationGuide,
      thumbprint,
    ),
  currentUserStore: (thumbprint: string, storeName: string) =>
    item(
      'current-user-store',
      'required',
      `The reference installed into CurrentUser\\${storeName}, the store of the accounts that ran tasks. The extension installs once per node, so the plan uses LocalMachine\\${storeName}; if code opens the CurrentUser store, change it, or copy the certificate there from a start task running as that user.`,
      S.keyVaultExtensionWindows,
      thumbprint,
    ),
  visibilityWithoutEquivalent: (
    thumbprint: string,
    values: readonly CertificateVisibility[],
    osFamily: OsFamily,
  ) =>
    item(
      'visibility-without-equivalent',
      'required',
      `The reference gave the private key to ${visibilityWords(values)}; the extension has no such setting. ${
        osFamily === 'windows'
          ? 'It grants Administrators and SYSTEM, plus the pool user accounts you name in its accounts setting; task-level auto-users cannot be named: run those tasks elevated, or grant access from an elevated start task.'
          : 'The file is readable by root only: run those tasks elevated, or copy it and set its owner and mode from an elevated start task.'
      }`,
      osFamily === 'windows' ? S.keyVaultExtensionWindows : S.migrationGuide,
      thumbprint,
    ),
  linuxCertificateFiles: (storeLocation: string) =>
    item(
      'linux-certificate-files',
      'required',
      `$AZ_BATCH_CERTIFICATES_DIR is no longer set. Tasks find each certificate at the path listed under Certificates (${storeLocation}/{vault}.{certificate}, a link to the newest version), as one PEM file holding the full chain and then the private key, readable by root only.`,
      S.keyVaultExtensionLinux,
    ),
  existingKeyVaultExtension: (name: string) =>
    item(
      'existing-key-vault-extension',
      'required',
      `The pool already has a Key Vault extension ('${name}'); the plan's entry does not include its certificates. Merge the two into one entry.`,
      S.poolExtensions,
    ),
  existingExtensions: (names: readonly string[]) =>
    item(
      'existing-extensions',
      'advisory',
      `The pool has other extensions (${names.join(', ')}); keep them in the new pool's extensions beside the Key Vault extension.`,
      S.poolExtensions,
    ),
  unexaminedPoolProperties: (paths: readonly string[]) =>
    item(
      'unexamined-pool-properties',
      'advisory',
      `The plan does not know ${paths.length === 1 ? 'this pool property' : 'these pool properties'} (from a newer API version, or misspelt), so ${paths.length === 1 ? 'it was' : 'they were'} not examined: ${paths.join(', ')}. Check whether the new pool needs ${paths.length === 1 ? 'it' : 'them'}; the fragment does not carry ${paths.length === 1 ? 'it' : 'them'}.`,
      S.migrationGuide,
    ),
  existingIdentities: (count: number) =>
    item(
      'existing-identities',
      'advisory',
      `The pool already has ${count} other user-assigned ${count === 1 ? 'identity' : 'identities'}; keep ${count === 1 ? 'it' : 'them'} in identity.userAssignedIdentities if tasks use ${count === 1 ? 'it' : 'them'}.`,
      S.managedIdentityPools,
    ),
  versionedSecretUrl: (thumbprint: string) =>
    item(
      'versioned-secret-url',
      'advisory',
      'The secret URL names one version. A base identifier (without the version) refers to the current version, so renewed certificates reach the nodes; keep the version only to pin this one.',
      S.keyVaultObjects,
      thumbprint,
    ),
  unusedSecretUrl: (thumbprint: string) =>
    item(
      'unused-secret-url',
      'advisory',
      'The secrets map has an entry for a certificate the pool does not reference; it is not used.',
      S.certificateReference,
      thumbprint,
    ),
  unreferencedLocalCertificate: (thumbprint: string) =>
    item(
      'unreferenced-local-certificate',
      'advisory',
      'A local certificate file has a thumbprint the pool does not reference.',
      S.certificateReference,
      thumbprint,
    ),
};
