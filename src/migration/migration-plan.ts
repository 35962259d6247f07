/**
 * The shape of a Key Vault migration plan: what {@link planKeyVaultMigration} returns.
 *
 * @module
 */
import type { ArmPoolFragment } from './arm-pool-fragment.js';
import type { DocumentationSource } from './documentation-sources.js';
import type { KeyVaultImportCommand } from './key-vault-import-command.js';
import type { MigrationAttention } from './migration-attention.js';
import type { OsFamily, OsFamilySource } from './os-family.js';
import type {
  CertificateStoreLocation,
  CertificateVisibility,
} from './pool-certificate-reference.js';
import type { PoolDocumentShape } from './read-pool.js';

/** What the old certificate reference said, with the service's defaults applied. */
export interface OldCertificateReference {
  /** Where it is in the pool document, e.g. `pool.certificateReferences[0]`. */
  readonly path: string;
  readonly storeLocation: CertificateStoreLocation;
  readonly storeName: string;
  readonly visibility: readonly CertificateVisibility[];
  /** What it meant on the node, in words. */
  readonly meaning: string;
}

/** Where a certificate lands on a Windows node. */
export interface WindowsCertificateLanding {
  readonly osFamily: 'windows';
  readonly certificateStoreLocation: CertificateStoreLocation;
  readonly certificateStoreName: string;
  /** In words, e.g. `LocalMachine\My; private key for Administrators and SYSTEM`. */
  readonly description: string;
}

/** Where a certificate lands on a Linux node. */
export interface LinuxCertificateLanding {
  readonly osFamily: 'linux';
  /** The stable path: a symbolic link `{store}/{vault}.{certificate}` to the newest version. */
  readonly path: string;
  readonly description: string;
}

/** How one referenced certificate moves. */
export interface CertificateMigration {
  /** The SHA-1 thumbprint: 40 lowercase hex digits. */
  readonly thumbprint: string;
  readonly reference: OldCertificateReference;
  /** The mapped Key Vault secret identifier (canonical form), if any. */
  readonly secretUrl?: string;
  /**
   * Who installs it: the Key Vault extension (listed in the fragment), a start task you write
   * (a `.cer` without private key), or nobody yet (no secret URL mapped).
   */
  readonly installedBy: 'key-vault-extension' | 'start-task' | 'nobody';
  /** Where the extension puts it; absent unless `installedBy` is `key-vault-extension`. */
  readonly landing?: WindowsCertificateLanding | LinuxCertificateLanding;
}

/** One step of the checklist, in order. */
export interface MigrationStep {
  readonly title: string;
  readonly detail: string;
  readonly source: DocumentationSource;
}

/** A migration plan for one pool. */
export interface KeyVaultMigrationPlan {
  readonly pool: {
    /** The pool's id or ARM name, when the document has one. */
    readonly id?: string;
    /** The shape of the document read: `batch` (data plane) or `arm`. */
    readonly shape: PoolDocumentShape;
    readonly osFamily: OsFamily;
    /** Where the OS family came from. */
    readonly osFamilySource: OsFamilySource;
  };
  /** Identity and extension to merge into the new pool's ARM body. */
  readonly armPoolFragment: ArmPoolFragment;
  /** One entry per certificate reference, in the pool's order. */
  readonly certificates: readonly CertificateMigration[];
  /** Commands that put the given local files into Key Vault. */
  readonly keyVaultImports: readonly KeyVaultImportCommand[];
  /** What to do, in order. */
  readonly steps: readonly MigrationStep[];
  /** What needs a person. */
  readonly attention: readonly MigrationAttention[];
}
