import type { AccessToken, TokenCredential } from './token-credential.js';

/** The Entra ID scope for the Azure Batch data plane (the double slash is intended). */
export const BATCH_TOKEN_SCOPE = 'https://batch.core.windows.net//.default';

/** Default for {@link BearerTokenProviderOptions.refreshWindowInMs}: 2 minutes. */
export const DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS = 2 * 60 * 1000;

/** Options for {@link createBearerTokenProvider}. */
export interface BearerTokenProviderOptions {
  /** The clock, in milliseconds since the epoch (inject for tests; the client passes its own). */
  readonly now: () => number;
  /**
   * How long before `expiresOnTimestamp` a cached token is replaced, in milliseconds.
   * Default {@link DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS} (2 minutes).
   */
  readonly refreshWindowInMs?: number;
}

/**
 * Returns a bearer token for the Batch scope (without the `Bearer ` prefix). Rejects with
 * `abortSignal.reason` when the signal aborts while waiting.
 */
export type BearerTokenProvider = (abortSignal?: AbortSignal) => Promise<string>;

interface CachedToken {
  readonly token: string;
  readonly expiresOnTimestamp: number;
  /** When to fetch a new token; always before `expiresOnTimestamp`. */
  readonly refreshAt: number;
}

function refreshTime(token: AccessToken, fetchedAt: number, windowInMs: number): number {
  const refreshAt = Math.min(
    token.expiresOnTimestamp - windowInMs,
    token.refreshAfterTimestamp ?? Number.POSITIVE_INFINITY,
  );
  // A token that is already inside the window (short-lived, or a late refreshAfterTimestamp) is
  // used for half of its remaining life rather than fetched again on every request.
  return refreshAt > fetchedAt ? refreshAt : fetchedAt + (token.expiresOnTimestamp - fetchedAt) / 2;
}

function checkedToken(token: AccessToken | null): AccessToken {
  if (token === null || token === undefined) {
    throw new Error(
      `The token credential returned no access token for scope "${BATCH_TOKEN_SCOPE}". ` +
        'Check that the identity can sign in and has access to the Batch account.',
    );
  }
  if (
    typeof token.token !== 'string' ||
    token.token === '' ||
    typeof token.expiresOnTimestamp !== 'number' ||
    !Number.isFinite(token.expiresOnTimestamp)
  ) {
    throw new Error(
      `The token credential returned a malformed access token for scope "${BATCH_TOKEN_SCOPE}" ` +
        '(expected a non-empty token string and a numeric expiresOnTimestamp).',
    );
  }
  return token;
}

function abortable<T>(promise: Promise<T>, abortSignal: AbortSignal | undefined): Promise<T> {
  if (!abortSignal) return promise;
  if (abortSignal.aborted) return Promise.reject(abortSignal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortSignal.reason);
    abortSignal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        abortSignal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        abortSignal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Wraps a {@link TokenCredential} (e.g. `DefaultAzureCredential` from `@azure/identity`) into a
 * provider of Batch bearer tokens for the scope {@link BATCH_TOKEN_SCOPE}.
 *
 * - A token is reused until it enters the refresh window (`refreshWindowInMs` before
 *   `expiresOnTimestamp`) or its `refreshAfterTimestamp` has passed, whichever is first.
 * - Concurrent callers share one in-flight `getToken` call.
 * - A failed `getToken` is not remembered: the next call tries again.
 * - `null` or a malformed token from the credential is an `Error` whose message has no token.
 * - An `abortSignal` stops that caller's wait only: the shared `getToken` call is not given any
 *   caller's signal (one caller giving up must not fail the others) and, when it completes, its
 *   token is cached for later calls.
 *
 * @param credential - The Entra ID credential.
 * @param options - The clock and the refresh window.
 * @returns A function returning the current bearer token.
 * @throws RangeError when `refreshWindowInMs` is negative or not finite.
 */
export function createBearerTokenProvider(
  credential: TokenCredential,
  options: BearerTokenProviderOptions,
): BearerTokenProvider {
  const windowInMs = options.refreshWindowInMs ?? DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS;
  if (!Number.isFinite(windowInMs) || windowInMs < 0) {
    throw new RangeError('refreshWindowInMs must be a finite number >= 0.');
  }
  const { now } = options;
  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const token = checkedToken(await credential.getToken(BATCH_TOKEN_SCOPE));
    const fetchedAt = now();
    cached = {
      token: token.token,
      expiresOnTimestamp: token.expiresOnTimestamp,
      refreshAt: refreshTime(token, fetchedAt, windowInMs),
    };
    return token.token;
  };

  return (abortSignal?: AbortSignal): Promise<string> => {
    if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
    const current = now();
    if (cached && current < cached.refreshAt && current < cached.expiresOnTimestamp) {
      return Promise.resolve(cached.token);
    }
    if (!inFlight) {
      const pending = fetchToken();
      inFlight = pending;
      const clear = () => {
        if (inFlight === pending) inFlight = undefined;
      };
      pending.then(clear, clear);
    }
    return abortable(inFlight, abortSignal);
  };
}
