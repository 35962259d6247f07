/**
 * Reads what a migration needs from a pool document, in either shape:
 *
 * - the Batch service's (data plane: `az batch pool show`, Pool - Get): `certificateReferences`,
 *   `virtualMachineConfiguration` / `cloudServiceConfiguration` at the top level;
 * - Batch management's (ARM: the `Microsoft.Batch/batchAccounts/pools` resource):
 *   `properties.certificates`, `properties.deploymentConfiguration.…`.
 *
 * Only certificate references, the OS hints, the names of existing extensions, existing identity
 * ids and the start task's elevation are read; nothing else of the pool (which may hold
 * passwords, keys or protected settings) is copied anywhere.
 */
import { addIssue, childPath, type IssueList, isRecord } from './issues.js';
import type { PoolOsHints } from './os-family.js';
import {
  type PoolCertificateReference,
  readCertificateReference,
} from './pool-certificate-reference.js';
import {
  ARM_POOL_PROPERTIES,
  ARM_POOL_RESOURCE_PROPERTIES,
  BATCH_POOL_PROPERTIES,
} from './pool-properties.js';

/** Which API the pool document comes from. */
export type PoolDocumentShape = 'batch' | 'arm';

/** An extension the pool already has: its identifying fields only (never its settings). */
export interface ExistingPoolExtension {
  readonly name: string;
  readonly publisher?: string;
  readonly type?: string;
}

/** What the migration reads from a pool document. */
export interface PoolDocument {
  readonly shape: PoolDocumentShape;
  /** The pool's id (data plane `id`, ARM `name`), when present. */
  readonly id?: string;
  readonly references: readonly PoolCertificateReference[];
  readonly osHints: PoolOsHints;
  readonly extensions: readonly ExistingPoolExtension[];
  /** Resource ids of user-assigned identities the pool already has. */
  readonly identityResourceIds: readonly string[];
  /** Whether the start task runs elevated (admin); `undefined` when there is no start task. */
  readonly startTaskElevated?: boolean;
  /**
   * Pool properties the plan does not know (from a newer API version, or misspelt), by path:
   * reported to the user as not examined, never silently dropped, and no reason to refuse the pool.
   */
  readonly unexaminedProperties: readonly string[];
}

/** The paths of `value`'s properties not in `known` (`odata.*` annotations are the service's). */
function unknownProperties(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
): string[] {
  return Object.keys(value)
    .filter((key) => !known.has(key) && !key.startsWith('odata.'))
    .map((key) => childPath(path, key));
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function readExtensions(value: unknown): ExistingPoolExtension[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((extension) => {
    const name = optionalString(extension.name);
    if (name === undefined) return [];
    const publisher = optionalString(extension.publisher);
    const type = optionalString(extension.type);
    return [{ name, ...(publisher ? { publisher } : {}), ...(type ? { type } : {}) }];
  });
}

function readIdentityIds(identity: unknown): string[] {
  if (!isRecord(identity)) return [];
  const assigned = identity.userAssignedIdentities;
  if (Array.isArray(assigned)) {
    return assigned.flatMap((item) =>
      isRecord(item) && typeof item.resourceId === 'string' ? [item.resourceId] : [],
    );
  }
  return isRecord(assigned) ? Object.keys(assigned) : [];
}

/** `true` when the start task's auto-user is admin, or its named user account is. */
function startTaskElevation(startTask: unknown, userAccounts: unknown): boolean | undefined {
  if (!isRecord(startTask)) return undefined;
  const identity = startTask.userIdentity;
  if (!isRecord(identity)) return false;
  const autoUser = identity.autoUser;
  if (isRecord(autoUser)) return String(autoUser.elevationLevel).toLowerCase() === 'admin';
  const userName = identity.userName;
  if (typeof userName !== 'string' || !Array.isArray(userAccounts)) return false;
  const account = userAccounts.find((a) => isRecord(a) && a.name === userName);
  return isRecord(account) && String(account.elevationLevel).toLowerCase() === 'admin';
}

function readReferences(
  value: unknown,
  path: string,
  shape: PoolDocumentShape,
  issues: IssueList,
): PoolCertificateReference[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    addIssue(
      issues,
      path,
      'required',
      'must list at least one certificate reference: the pool has nothing to migrate',
    );
    return [];
  }
  if (!Array.isArray(value)) {
    addIssue(issues, path, 'type', 'must be an array of certificate references');
    return [];
  }
  return value.flatMap((item, i) => {
    const reference = readCertificateReference(item, `${path}[${i}]`, shape, issues);
    return reference ? [reference] : [];
  });
}

function readBatchPool(pool: Record<string, unknown>, issues: IssueList): PoolDocument {
  const unexaminedProperties = unknownProperties(pool, BATCH_POOL_PROPERTIES, 'pool');
  const vm = isRecord(pool.virtualMachineConfiguration) ? pool.virtualMachineConfiguration : {};
  const sku = optionalString(vm.nodeAgentSKUId) ?? optionalString(vm.nodeAgentSkuId);
  const elevated = startTaskElevation(pool.startTask, pool.userAccounts);
  const id = optionalString(pool.id);
  return {
    shape: 'batch',
    ...(id ? { id } : {}),
    references: readReferences(
      pool.certificateReferences,
      'pool.certificateReferences',
      'batch',
      issues,
    ),
    osHints: {
      ...(sku ? { nodeAgentSkuId: sku } : {}),
      cloudService: isRecord(pool.cloudServiceConfiguration),
    },
    extensions: readExtensions(vm.extensions),
    identityResourceIds: readIdentityIds(pool.identity),
    ...(elevated === undefined ? {} : { startTaskElevated: elevated }),
    unexaminedProperties,
  };
}

function readArmPool(pool: Record<string, unknown>, issues: IssueList): PoolDocument {
  const properties = pool.properties as Record<string, unknown>;
  const unexaminedProperties = [
    ...unknownProperties(pool, ARM_POOL_RESOURCE_PROPERTIES, 'pool'),
    ...unknownProperties(properties, ARM_POOL_PROPERTIES, 'pool.properties'),
  ];
  const deployment = isRecord(properties.deploymentConfiguration)
    ? properties.deploymentConfiguration
    : {};
  const vm = isRecord(deployment.virtualMachineConfiguration)
    ? deployment.virtualMachineConfiguration
    : {};
  const sku = optionalString(vm.nodeAgentSkuId);
  const elevated = startTaskElevation(properties.startTask, properties.userAccounts);
  const id = optionalString(pool.name);
  return {
    shape: 'arm',
    ...(id ? { id } : {}),
    references: readReferences(
      properties.certificates,
      'pool.properties.certificates',
      'arm',
      issues,
    ),
    osHints: {
      ...(sku ? { nodeAgentSkuId: sku } : {}),
      cloudService: isRecord(deployment.cloudServiceConfiguration),
    },
    extensions: readExtensions(vm.extensions),
    identityResourceIds: readIdentityIds(pool.identity),
    ...(elevated === undefined ? {} : { startTaskElevated: elevated }),
    unexaminedProperties,
  };
}

/**
 * Reads `value` as a pool document: the ARM shape when it has a `properties` object, the Batch
 * service's shape otherwise. Returns `undefined` after adding an issue when it is not an object.
 */
export function readPool(value: unknown, issues: IssueList): PoolDocument | undefined {
  if (!isRecord(value)) {
    addIssue(
      issues,
      'pool',
      'type',
      'must be a JSON object: a pool as the Batch service or ARM returns it',
    );
    return undefined;
  }
  return isRecord(value.properties) ? readArmPool(value, issues) : readBatchPool(value, issues);
}
