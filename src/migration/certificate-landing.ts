/**
 * What a certificate reference meant on the node, and where the Key Vault extension puts the
 * certificate instead.
 *
 * - Old (Batch service REST API, `CertificateReference`): on Windows, the store
 *   `storeLocation\storeName`; on Linux, a directory inside the task working directory named by
 *   `AZ_BATCH_CERTIFICATES_DIR`, and `~/certs` for remote users; the private key for the accounts
 *   in `visibility`.
 * - New, Windows ("Azure Key Vault virtual machine extension for Windows"): the store
 *   `certificateStoreLocation\certificateStoreName`; the private key for Administrators and
 *   SYSTEM, plus accounts named in `accounts`.
 * - New, Linux ("Key Vault virtual machine extension for Linux"): a PEM file with the full chain
 *   and the private key in `certificateStoreLocation`, reached through the symbolic link
 *   `{VaultName}.{CertificateName}` that follows renewals; readable by root only (migration
 *   guide).
 */
import type { KeyVaultSecretIdentifier } from './key-vault-secret-url.js';
import { visibilityWords } from './migration-attention.js';
import type { LinuxCertificateLanding, WindowsCertificateLanding } from './migration-plan.js';
import type { OsFamily } from './os-family.js';
import type { PoolCertificateReference } from './pool-certificate-reference.js';

/** The old reference in words. */
export function oldReferenceMeaning(
  reference: PoolCertificateReference,
  osFamily: OsFamily,
): string {
  const readers = `private key for ${visibilityWords(reference.visibility)}`;
  if (osFamily === 'windows') {
    return `Batch installed it into ${reference.storeLocation}\\${reference.storeName}; ${readers}`;
  }
  return `Batch wrote it to $AZ_BATCH_CERTIFICATES_DIR in the task working directory (~/certs for remote users); ${readers}`;
}

/** Where the extension installs the certificate of `reference`, observed as `secret`. */
export function certificateLanding(
  reference: PoolCertificateReference,
  secret: KeyVaultSecretIdentifier,
  osFamily: OsFamily,
  linuxStoreLocation: string,
): WindowsCertificateLanding | LinuxCertificateLanding {
  if (osFamily === 'windows') {
    return {
      osFamily: 'windows',
      certificateStoreLocation: 'LocalMachine',
      certificateStoreName: reference.storeName,
      description: `LocalMachine\\${reference.storeName}; private key for Administrators and SYSTEM (and accounts named in the extension's accounts setting)`,
    };
  }
  const directory = linuxStoreLocation === '/' ? '' : linuxStoreLocation;
  return {
    osFamily: 'linux',
    path: `${directory}/${secret.vaultName}.${secret.name}`,
    description:
      'PEM file: full chain, then the private key; a link to the newest version; readable by root only',
  };
}
