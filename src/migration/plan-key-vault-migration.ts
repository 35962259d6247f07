/**
 * From a pool's certificate references to a Key Vault VM extension migration plan. Pure: nothing
 * is read from disk or sent over the network.
 */
import { armPoolFragment } from './arm-pool-fragment.js';
import { certificateLanding, oldReferenceMeaning } from './certificate-landing.js';
import { type IssueList, throwIfIssues } from './issues.js';
import {
  type KeyVaultExtension,
  type KeyVaultWindowsObservedCertificate,
  keyVaultForLinuxExtension,
  keyVaultForWindowsExtension,
} from './key-vault-extension.js';
import { type KeyVaultImportCommand, keyVaultImportCommand } from './key-vault-import-command.js';
import type { KeyVaultSecretIdentifier } from './key-vault-secret-url.js';
import { readUserAssignedIdentity } from './managed-identity.js';
import { attention, type MigrationAttention } from './migration-attention.js';
import {
  type CheckedLocalCertificate,
  checkInputProperties,
  type KeyVaultMigrationInput,
  readLocalCertificates,
  readOptions,
  readSecretUrls,
} from './migration-input.js';
import type { CertificateMigration, KeyVaultMigrationPlan } from './migration-plan.js';
import { migrationSteps } from './migration-steps.js';
import { type OsFamily, resolveOsFamily } from './os-family.js';
import type {
  CertificateVisibility,
  PoolCertificateReference,
} from './pool-certificate-reference.js';
import { type PoolDocument, readPool } from './read-pool.js';

/** Visibilities the extension cannot give: all but an elevated start task's. */
function visibilityGaps(
  reference: PoolCertificateReference,
  pool: PoolDocument,
): CertificateVisibility[] {
  return reference.visibility.filter((v) => {
    if (v === 'starttask') return pool.startTaskElevated === false;
    return true;
  });
}

interface PlannedCertificates {
  readonly certificates: CertificateMigration[];
  readonly linuxUrls: string[];
  readonly windowsEntries: KeyVaultWindowsObservedCertificate[];
  readonly attention: MigrationAttention[];
}

function planCertificates(
  pool: PoolDocument,
  osFamily: OsFamily,
  secrets: ReadonlyMap<string, KeyVaultSecretIdentifier>,
  locals: ReadonlyMap<string, CheckedLocalCertificate>,
  storeLocation: string,
): PlannedCertificates {
  const out: PlannedCertificates = {
    certificates: [],
    linuxUrls: [],
    windowsEntries: [],
    attention: [],
  };
  for (const reference of pool.references) {
    const { thumbprint } = reference;
    const secret = secrets.get(thumbprint);
    const local = locals.get(thumbprint);
    const old = {
      path: reference.path,
      storeLocation: reference.storeLocation,
      storeName: reference.storeName,
      visibility: reference.visibility,
      meaning: oldReferenceMeaning(reference, osFamily),
    };
    if (!secret) {
      out.attention.push(attention.missingSecretUrl(thumbprint, local !== undefined));
      out.certificates.push({ thumbprint, reference: old, installedBy: 'nobody' });
      continue;
    }
    if (secret.version !== undefined) out.attention.push(attention.versionedSecretUrl(thumbprint));
    if (local?.certificateFormat === 'cer') {
      out.attention.push(attention.certificateWithoutPrivateKey(thumbprint));
      out.certificates.push({
        thumbprint,
        reference: old,
        secretUrl: secret.url,
        installedBy: 'start-task',
      });
      continue;
    }
    const landing = certificateLanding(reference, secret, osFamily, storeLocation);
    if (osFamily === 'windows') {
      if (reference.storeLocation === 'CurrentUser') {
        out.attention.push(attention.currentUserStore(thumbprint, reference.storeName));
      }
      out.windowsEntries.push({
        url: secret.url,
        certificateStoreName: reference.storeName,
        certificateStoreLocation: 'LocalMachine',
        keyExportable: true,
      });
    } else out.linuxUrls.push(secret.url);
    const gaps = visibilityGaps(reference, pool);
    if (gaps.length > 0)
      out.attention.push(attention.visibilityWithoutEquivalent(thumbprint, gaps, osFamily));
    out.certificates.push({
      thumbprint,
      reference: old,
      secretUrl: secret.url,
      installedBy: 'key-vault-extension',
      landing,
    });
  }
  return out;
}

function poolAttention(pool: PoolDocument, identityResourceId: string): MigrationAttention[] {
  const items: MigrationAttention[] = [];
  if (pool.osHints.cloudService) items.push(attention.cloudServiceConfiguration());
  const keyVault = pool.extensions.find(
    (e) =>
      e.publisher?.toLowerCase() === 'microsoft.azure.keyvault' ||
      /^KeyVaultFor(Linux|Windows)$/i.test(e.type ?? ''),
  );
  if (keyVault) items.push(attention.existingKeyVaultExtension(keyVault.name));
  const others = pool.extensions.filter((e) => e !== keyVault).map((e) => e.name);
  if (others.length > 0) items.push(attention.existingExtensions(others));
  const otherIdentities = pool.identityResourceIds.filter(
    (id) => id.toLowerCase() !== identityResourceId.toLowerCase(),
  );
  if (otherIdentities.length > 0) items.push(attention.existingIdentities(otherIdentities.length));
  if (pool.unexaminedProperties.length > 0) {
    items.push(attention.unexaminedPoolProperties(pool.unexaminedProperties));
  }
  return items;
}

/**
 * Plans the move of one pool from Batch certificate references to the Azure Key Vault VM
 * extension. Pure and browser-safe: nothing is read or sent.
 *
 * The plan holds the ARM fragment to merge into the new pool (`identity` with the user-assigned
 * identity, and a `KeyVaultForLinux` / `KeyVaultForWindows` extension observing the mapped secret
 * URLs), one entry per certificate reference (what it meant, where the certificate lands now), the
 * `az` commands for the given local files, the steps in order, and what needs a person. Facts and
 * their sources: `MIGRATION_SOURCES`.
 *
 * @param input - the pool document, the thumbprint → secret URL map, the identity, and options
 * @returns the plan
 * @throws BatchValidationError listing every problem of the input (`path`, `rule`, `message`;
 *   never a value): unknown properties, a pool without certificate references, bad thumbprints
 *   (40 hex digits after removing white space, colons and direction marks), secret URLs that are
 *   not Key Vault secret identifiers, a malformed identity, an OS family that is missing or
 *   contradicts the pool
 *
 * @example
 * ```ts
 * import { planKeyVaultMigration } from 'batch-rest-client/migration';
 * const plan = planKeyVaultMigration({
 *   pool, // JSON of `az batch pool show`
 *   secretUrls: { '3f1c…': 'https://contoso-kv.vault.azure.net/secrets/render-tls' },
 *   identity: { resourceId: '/subscriptions/…/userAssignedIdentities/pool-id', clientId: '…' },
 * });
 * plan.armPoolFragment; // merge into the new pool's ARM body
 * ```
 */
export function planKeyVaultMigration(input: KeyVaultMigrationInput): KeyVaultMigrationPlan {
  const issues: IssueList = [];
  if (!checkInputProperties(input, issues)) throwIfIssues(issues);
  const raw = input as unknown as Record<string, unknown>;
  const pool = readPool(raw.pool, issues);
  const secrets = readSecretUrls(raw.secretUrls, issues);
  const identity = readUserAssignedIdentity(raw.identity, 'identity', issues);
  const localList = readLocalCertificates(raw.localCertificates, issues);
  const options = readOptions(raw, issues);
  const os = pool ? resolveOsFamily(raw.osFamily, pool.osHints, issues) : undefined;
  throwIfIssues(issues);
  if (!pool || !identity || !os) throw new Error('unreachable: input checks passed without values');

  const locals = new Map(localList.map((l) => [l.thumbprint, l]));
  const planned = planCertificates(
    pool,
    os.osFamily,
    secrets,
    locals,
    options.linuxCertificateStoreLocation,
  );
  const extension: KeyVaultExtension =
    os.osFamily === 'windows'
      ? keyVaultForWindowsExtension({
          clientId: identity.clientId,
          certificates: planned.windowsEntries,
          pollingIntervalInSeconds: options.pollingIntervalInSeconds,
        })
      : keyVaultForLinuxExtension({
          clientId: identity.clientId,
          secretUrls: planned.linuxUrls,
          pollingIntervalInSeconds: options.pollingIntervalInSeconds,
          certificateStoreLocation: options.linuxCertificateStoreLocation,
        });

  const referenced = new Set(pool.references.map((r) => r.thumbprint));
  const keyVaultImports: KeyVaultImportCommand[] = [];
  const extra: MigrationAttention[] = [];
  for (const local of localList) {
    const secret = secrets.get(local.thumbprint);
    if (secret) {
      keyVaultImports.push(
        keyVaultImportCommand({
          path: local.path,
          certificateFormat: local.certificateFormat,
          secret,
          ...(local.passwordEnvironmentVariable
            ? { passwordEnvironmentVariable: local.passwordEnvironmentVariable }
            : {}),
        }),
      );
    }
    if (!referenced.has(local.thumbprint))
      extra.push(attention.unreferencedLocalCertificate(local.thumbprint));
  }
  for (const thumbprint of secrets.keys()) {
    if (!referenced.has(thumbprint)) extra.push(attention.unusedSecretUrl(thumbprint));
  }
  const allAttention = [
    ...poolAttention(pool, identity.resourceId),
    ...(os.osFamily === 'linux'
      ? [attention.linuxCertificateFiles(options.linuxCertificateStoreLocation)]
      : []),
    ...planned.attention,
    ...extra,
  ];
  const vaults = [
    ...new Set(
      [...secrets].filter(([thumbprint]) => referenced.has(thumbprint)).map(([, s]) => s.vaultName),
    ),
  ];
  return {
    pool: {
      ...(pool.id ? { id: pool.id } : {}),
      shape: pool.shape,
      osFamily: os.osFamily,
      osFamilySource: os.source,
    },
    armPoolFragment: armPoolFragment(identity.resourceId, extension),
    certificates: planned.certificates,
    keyVaultImports,
    steps: migrationSteps(
      { identityResourceId: identity.resourceId, vaults, imports: keyVaultImports.length },
      os.osFamily,
    ),
    attention: [
      ...allAttention.filter((a) => a.severity === 'required'),
      ...allAttention.filter((a) => a.severity === 'advisory'),
    ],
  };
}
