/**
 * The user-assigned managed identity the new pool runs the Key Vault extension as: its ARM
 * resource id (a key of the pool's `identity.userAssignedIdentities`) and its client id (the
 * extension's `authenticationSettings.msiClientId`). Facts from "Enable automatic certificate
 * rotation in a Batch pool" (https://learn.microsoft.com/azure/batch/automatic-certificate-rotation).
 */
import { addIssue, checkKnownProperties, type IssueList, isRecord } from './issues.js';

/** The pool's user-assigned managed identity. */
export interface UserAssignedIdentityReference {
  /**
   * The identity's ARM resource id:
   * `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{identityName}`.
   */
  readonly resourceId: string;
  /** The identity's client id (a GUID), shown as "Client ID" in the Azure portal. */
  readonly clientId: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const RESOURCE_ID =
  /^\/subscriptions\/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[0-9A-Za-z][-\w]{2,127}$/i;

const KNOWN = new Set(['resourceId', 'clientId']);

/** Validates the identity; returns it trimmed, or `undefined` after adding issues. */
export function readUserAssignedIdentity(
  value: unknown,
  path: string,
  issues: IssueList,
): UserAssignedIdentityReference | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, 'type', 'must be an object with resourceId and clientId');
    return undefined;
  }
  checkKnownProperties(value, KNOWN, path, issues, 'a user-assigned identity reference');
  const before = issues.length;
  const { resourceId, clientId } = value;
  if (typeof resourceId !== 'string') {
    addIssue(
      issues,
      `${path}.resourceId`,
      'required',
      'must be the ARM resource id of a user-assigned managed identity',
    );
  } else if (!RESOURCE_ID.test(resourceId.trim())) {
    addIssue(
      issues,
      `${path}.resourceId`,
      'pattern',
      'must be /subscriptions/{subscription-guid}/resourceGroups/{group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}',
    );
  }
  if (typeof clientId !== 'string') {
    addIssue(issues, `${path}.clientId`, 'required', "must be the identity's client id (a GUID)");
  } else if (!GUID.test(clientId.trim())) {
    addIssue(
      issues,
      `${path}.clientId`,
      'format',
      'must be a GUID (8-4-4-4-12 hexadecimal digits)',
    );
  }
  if (issues.length > before) return undefined;
  return {
    resourceId: (resourceId as string).trim(),
    clientId: (clientId as string).trim().toLowerCase(),
  };
}
