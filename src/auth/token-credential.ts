/**
 * Microsoft Entra ID token credential types, shared with `@azure/identity` through
 * `@azure/core-auth` (types only: nothing from it is loaded at run time).
 *
 * @module
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

export type { AccessToken, GetTokenOptions, TokenCredential };

/**
 * Whether `value` looks like a {@link TokenCredential} (e.g. a `DefaultAzureCredential`): an
 * object with a `getToken` method. Like `@azure/core-auth`, an object that also has `signRequest`
 * counts only when its `getToken` declares parameters, so legacy `ServiceClientCredentials` and
 * `BatchSharedKeyCredential` are not mistaken for one.
 *
 * @param value - Anything.
 * @returns `true` when `value` can be used as a token credential.
 */
export function isTokenCredential(value: unknown): value is TokenCredential {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { getToken?: unknown; signRequest?: unknown };
  return (
    typeof candidate.getToken === 'function' &&
    (candidate.signRequest === undefined || candidate.getToken.length > 0)
  );
}
