/**
 * Microsoft Entra ID token credential types: the part of `@azure/core-auth`'s `TokenCredential`
 * contract this client uses, declared here so consumers need no `@azure/core-auth` install for our
 * declaration files. Credentials from `@azure/identity` (e.g. `DefaultAzureCredential`) match it
 * structurally; test/package/core-auth-compat.ts keeps that true at compile time.
 *
 * @module
 */

/** An access token and its expiry, as `@azure/core-auth`'s `AccessToken`. */
export interface AccessToken {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** When the token expires, in milliseconds since the UNIX epoch. */
  expiresOnTimestamp: number;
  /** When the token should be refreshed, in milliseconds since the UNIX epoch. */
  refreshAfterTimestamp?: number;
  /** The token type; this client sends only `Bearer` tokens. */
  tokenType?: 'Bearer' | 'pop';
}

/**
 * Options of {@link TokenCredential.getToken}: the subset of `@azure/core-auth`'s options that a
 * browser and Node share. This client passes none (it stops waiting on abort instead).
 */
export interface GetTokenOptions {
  /** Aborts the token request. */
  abortSignal?: AbortSignal;
}

/**
 * A Microsoft Entra ID credential, as `@azure/core-auth`'s `TokenCredential`: anything with
 * `getToken(scopes, options)`, such as `DefaultAzureCredential` from `@azure/identity`.
 */
export interface TokenCredential {
  /**
   * Gets a token for `scopes`.
   *
   * @param scopes - The scopes the token is for (this client asks for the Batch scope).
   * @param options - Options of the token request.
   * @returns The token, or `null` when the credential has none.
   */
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

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
