/**
 * The node operating system a plan is for: it decides the extension (`KeyVaultForLinux` or
 * `KeyVaultForWindows`) and where certificates land.
 */
import { addIssue, type IssueList } from './issues.js';

/** The node OS family. */
export type OsFamily = 'linux' | 'windows';

/** Where the plan's OS family came from. */
export type OsFamilySource = 'input' | 'nodeAgentSkuId' | 'cloudServiceConfiguration';

/** What the pool tells about its OS. */
export interface PoolOsHints {
  /** `virtualMachineConfiguration.nodeAgentSKUId` (data plane) or `nodeAgentSkuId` (ARM). */
  readonly nodeAgentSkuId?: string;
  /** The pool is a CloudServiceConfiguration pool (always Windows: Azure Cloud Services guest OS). */
  readonly cloudService: boolean;
}

/**
 * The OS family a Batch node agent SKU id names: `batch.node.windows …` is Windows, every other
 * `batch.node.<distribution> …` (ubuntu, centos, debian, el, mariner, azurelinux, …) is Linux.
 * `undefined` for anything else.
 */
export function osFamilyOfNodeAgentSku(nodeAgentSkuId: string): OsFamily | undefined {
  const id = nodeAgentSkuId.trim().toLowerCase();
  if (/^batch\.node\.windows\b/.test(id)) return 'windows';
  if (/^batch\.node\.[a-z]/.test(id)) return 'linux';
  return undefined;
}

/**
 * Resolves the OS family from the caller's `given` value and the pool: both must agree when both
 * are known; when neither is, an issue says how to give it.
 */
export function resolveOsFamily(
  given: unknown,
  hints: PoolOsHints,
  issues: IssueList,
): { osFamily: OsFamily; source: OsFamilySource } | undefined {
  let fromInput: OsFamily | undefined;
  if (given !== undefined) {
    if (given === 'linux' || given === 'windows') fromInput = given;
    else addIssue(issues, 'osFamily', 'enum', 'must be linux or windows');
  }
  let fromPool: { osFamily: OsFamily; source: OsFamilySource } | undefined;
  if (hints.cloudService) fromPool = { osFamily: 'windows', source: 'cloudServiceConfiguration' };
  else if (hints.nodeAgentSkuId !== undefined) {
    const family = osFamilyOfNodeAgentSku(hints.nodeAgentSkuId);
    if (family) fromPool = { osFamily: family, source: 'nodeAgentSkuId' };
  }
  if (fromInput && fromPool && fromInput !== fromPool.osFamily) {
    addIssue(
      issues,
      'osFamily',
      'conflict',
      `does not match the pool, whose ${fromPool.source} names a ${fromPool.osFamily} pool`,
    );
    return undefined;
  }
  if (fromInput) return { osFamily: fromInput, source: 'input' };
  if (fromPool) return fromPool;
  if (given === undefined) {
    addIssue(
      issues,
      'osFamily',
      'required',
      'cannot be determined from the pool (no batch.node.* nodeAgentSKUId and no cloudServiceConfiguration): give linux or windows',
    );
  }
  return undefined;
}
