/**
 * The properties a pool document may have, so anything else is reported instead of ignored.
 *
 * - Batch service (data plane): `CloudPool` of API 2024-07-01.20.0 (`az batch pool show`, Pool -
 *   Get), plus `cloudServiceConfiguration` and `applicationLicenses` of earlier versions (removed
 *   in 2024-07-01.20.0) and the `odata.*` annotations of the service's answers.
 * - Batch management (ARM): the resource (`id`, `name`, `type`, `etag`, `identity`,
 *   `properties`) and the pool properties of ARM API 2023-11-01 (`@azure/arm-batch` 9.1.0's
 *   `Pool`; a test keeps the two lists equal) plus `upgradePolicy` of later versions.
 */

/** Top-level properties of a data-plane pool (`CloudPool`). */
export const BATCH_POOL_PROPERTIES: ReadonlySet<string> = new Set([
  'id',
  'displayName',
  'url',
  'eTag',
  'lastModified',
  'creationTime',
  'state',
  'stateTransitionTime',
  'allocationState',
  'allocationStateTransitionTime',
  'vmSize',
  'cloudServiceConfiguration',
  'virtualMachineConfiguration',
  'resizeTimeout',
  'resizeErrors',
  'currentDedicatedNodes',
  'currentLowPriorityNodes',
  'targetDedicatedNodes',
  'targetLowPriorityNodes',
  'enableAutoScale',
  'autoScaleFormula',
  'autoScaleEvaluationInterval',
  'autoScaleRun',
  'enableInterNodeCommunication',
  'networkConfiguration',
  'startTask',
  'certificateReferences',
  'applicationPackageReferences',
  'applicationLicenses',
  'taskSlotsPerNode',
  'taskSchedulingPolicy',
  'userAccounts',
  'metadata',
  'stats',
  'mountConfiguration',
  'identity',
  'targetNodeCommunicationMode',
  'currentNodeCommunicationMode',
  'upgradePolicy',
  'resourceTags',
]);

/** Properties of an ARM pool resource around `properties`. */
export const ARM_POOL_RESOURCE_PROPERTIES: ReadonlySet<string> = new Set([
  'id',
  'name',
  'type',
  'etag',
  'identity',
  'properties',
]);

/** Properties of an ARM pool's `properties`. */
export const ARM_POOL_PROPERTIES: ReadonlySet<string> = new Set([
  'displayName',
  'lastModified',
  'creationTime',
  'provisioningState',
  'provisioningStateTransitionTime',
  'allocationState',
  'allocationStateTransitionTime',
  'vmSize',
  'deploymentConfiguration',
  'currentDedicatedNodes',
  'currentLowPriorityNodes',
  'scaleSettings',
  'autoScaleRun',
  'interNodeCommunication',
  'networkConfiguration',
  'taskSlotsPerNode',
  'taskSchedulingPolicy',
  'userAccounts',
  'metadata',
  'startTask',
  'certificates',
  'applicationPackages',
  'applicationLicenses',
  'resizeOperationStatus',
  'mountConfiguration',
  'targetNodeCommunicationMode',
  'currentNodeCommunicationMode',
  'resourceTags',
  'upgradePolicy',
]);

/** Properties of a data-plane certificate reference (`CertificateReference`). */
export const BATCH_CERTIFICATE_REFERENCE_PROPERTIES: ReadonlySet<string> = new Set([
  'thumbprint',
  'thumbprintAlgorithm',
  'storeLocation',
  'storeName',
  'visibility',
]);

/** Properties of an ARM certificate reference (`CertificateReference`). */
export const ARM_CERTIFICATE_REFERENCE_PROPERTIES: ReadonlySet<string> = new Set([
  'id',
  'storeLocation',
  'storeName',
  'visibility',
]);
