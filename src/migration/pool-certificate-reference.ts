/**
 * A pool's certificate reference, read from either document shape into one form. Facts from the
 * Batch service REST API's `CertificateReference` (Pool - Add): `storeLocation` defaults to
 * CurrentUser, `storeName` to My, `visibility` to all accounts; visibility values are `starttask`
 * (the account the start task runs as), `task` (the accounts job tasks run as) and `remoteuser`
 * (the accounts users remotely access the node with). The ARM form names the certificate by
 * resource id (`…/certificates/sha1-{thumbprint}`) and spells values in PascalCase.
 */
import { addIssue, checkKnownProperties, type IssueList, isRecord } from './issues.js';
import {
  ARM_CERTIFICATE_REFERENCE_PROPERTIES,
  BATCH_CERTIFICATE_REFERENCE_PROPERTIES,
} from './pool-properties.js';
import { readThumbprint } from './read-thumbprint.js';

/** Which accounts a reference gave the private key to (the Batch service's spelling). */
export type CertificateVisibility = 'starttask' | 'task' | 'remoteuser';

/** The Windows certificate store location (the spelling of ARM and the Key Vault extension). */
export type CertificateStoreLocation = 'CurrentUser' | 'LocalMachine';

/** Every visibility, in the service's order: what an absent `visibility` means. */
export const ALL_VISIBILITIES: readonly CertificateVisibility[] = Object.freeze([
  'starttask',
  'task',
  'remoteuser',
]);

/** One certificate reference of the pool, with the service's defaults applied. */
export interface PoolCertificateReference {
  /** Where it is in the pool document, e.g. `pool.certificateReferences[0]`. */
  readonly path: string;
  /** The SHA-1 thumbprint: 40 lowercase hex digits. */
  readonly thumbprint: string;
  /** The store location (default `CurrentUser`). */
  readonly storeLocation: CertificateStoreLocation;
  /** The store name (default `My`). */
  readonly storeName: string;
  /** The accounts with access to the private key (default: all three). */
  readonly visibility: readonly CertificateVisibility[];
}

const STORE_LOCATIONS: Readonly<Record<string, CertificateStoreLocation>> = {
  currentuser: 'CurrentUser',
  localmachine: 'LocalMachine',
};
const VISIBILITIES: Readonly<Record<string, CertificateVisibility>> = {
  starttask: 'starttask',
  task: 'task',
  remoteuser: 'remoteuser',
};
const ARM_CERTIFICATE_ID =
  /\/providers\/Microsoft\.Batch\/batchAccounts\/[^/]+\/certificates\/([^/]+)$/i;

function readStoreLocation(
  value: unknown,
  path: string,
  issues: IssueList,
): CertificateStoreLocation {
  if (value === undefined || value === null) return 'CurrentUser';
  const location = typeof value === 'string' ? STORE_LOCATIONS[value.toLowerCase()] : undefined;
  if (!location) addIssue(issues, path, 'enum', 'must be CurrentUser or LocalMachine');
  return location ?? 'CurrentUser';
}

function readStoreName(value: unknown, path: string, issues: IssueList): string {
  if (value === undefined || value === null) return 'My';
  if (typeof value !== 'string' || value.trim() === '') {
    addIssue(issues, path, 'type', 'must be a non-empty string (a Windows certificate store name)');
    return 'My';
  }
  return value.trim();
}

function readVisibility(value: unknown, path: string, issues: IssueList): CertificateVisibility[] {
  if (value === undefined || value === null) return [...ALL_VISIBILITIES];
  if (!Array.isArray(value)) {
    addIssue(issues, path, 'type', 'must be an array of StartTask, Task or RemoteUser');
    return [];
  }
  const found = new Set<CertificateVisibility>();
  value.forEach((item, i) => {
    const visibility = typeof item === 'string' ? VISIBILITIES[item.toLowerCase()] : undefined;
    if (visibility) found.add(visibility);
    else addIssue(issues, `${path}[${i}]`, 'enum', 'must be StartTask, Task or RemoteUser');
  });
  if (value.length === 0) return [...ALL_VISIBILITIES];
  return ALL_VISIBILITIES.filter((v) => found.has(v));
}

function readArmThumbprint(value: unknown, path: string, issues: IssueList): string | undefined {
  const rule =
    'must be the ARM id of a Batch account certificate: /subscriptions/…/providers/Microsoft.Batch/batchAccounts/{account}/certificates/sha1-{thumbprint}';
  if (typeof value !== 'string') {
    addIssue(issues, path, 'required', rule);
    return undefined;
  }
  const name = ARM_CERTIFICATE_ID.exec(value.trim())?.[1];
  const match = name === undefined ? null : /^sha1-(.*)$/i.exec(name);
  if (!match) {
    addIssue(issues, path, 'format', rule);
    return undefined;
  }
  return readThumbprint(match[1], path, issues);
}

/**
 * Reads one reference. `shape` says which spelling the document uses; issues name the paths in
 * the caller's document.
 */
export function readCertificateReference(
  value: unknown,
  path: string,
  shape: 'batch' | 'arm',
  issues: IssueList,
): PoolCertificateReference | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, 'type', 'must be an object (a certificate reference)');
    return undefined;
  }
  const known =
    shape === 'batch'
      ? BATCH_CERTIFICATE_REFERENCE_PROPERTIES
      : ARM_CERTIFICATE_REFERENCE_PROPERTIES;
  checkKnownProperties(value, known, path, issues, 'a certificate reference');
  let thumbprint: string | undefined;
  if (shape === 'batch') {
    const algorithm = value.thumbprintAlgorithm;
    if (typeof algorithm !== 'string' || algorithm.toLowerCase() !== 'sha1') {
      addIssue(issues, `${path}.thumbprintAlgorithm`, 'enum', 'must be sha1');
    }
    thumbprint = readThumbprint(value.thumbprint, `${path}.thumbprint`, issues);
  } else {
    thumbprint = readArmThumbprint(value.id, `${path}.id`, issues);
  }
  const storeLocation = readStoreLocation(value.storeLocation, `${path}.storeLocation`, issues);
  const storeName = readStoreName(value.storeName, `${path}.storeName`, issues);
  const visibility = readVisibility(value.visibility, `${path}.visibility`, issues);
  if (thumbprint === undefined) return undefined;
  return Object.freeze({
    path,
    thumbprint,
    storeLocation,
    storeName,
    visibility: Object.freeze(visibility),
  });
}
