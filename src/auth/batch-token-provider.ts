/**
 * Batch bearer tokens from a `TokenCredential`, cached and refreshed the way Azure's own
 * bearer-token policy does it (`@azure/core-rest-pipeline`'s token cycler, azure-sdk-for-js PRs
 * #14140 and #14223): a usable token is never held back by its own refresh.
 *
 * @module
 */
import type { AccessToken, TokenCredential } from './token-credential.js';

/** The Entra ID scope for the Azure Batch data plane (the double slash is intended). */
export const BATCH_TOKEN_SCOPE = 'https://batch.core.windows.net//.default';

/** Default for {@link BearerTokenProviderOptions.refreshWindowInMs}: 2 minutes. */
export const DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS = 2 * 60 * 1000;

/**
 * How close to `expiresOnTimestamp` a cached token stops being used, in milliseconds: 30 seconds
 * (never more than the refresh window, so `refreshWindowInMs: 0` uses a token until it expires).
 * From here on a call waits for a new token. Azure's token cycler uses 1 second; this client
 * keeps more because the service checks the token against its own clock when the request
 * arrives, after the upload of a body and across a clock skew between this host and Entra ID
 * or Batch, and a token that expired on the way is a 401 the client does not retry.
 */
export const TOKEN_FORCED_REFRESH_WINDOW_IN_MS = 30 * 1000;

/**
 * After a background refresh failed, how long the next one waits, in milliseconds: 10 seconds.
 * Calls keep using the cached token meanwhile; the next call after the interval starts a new
 * attempt. It keeps a busy client (hundreds of calls a second) from sending the identity
 * endpoint (IMDS, a token service) one request per call, and still leaves about nine attempts
 * in the default window before a call has to wait (2 minutes minus the 30-second forced window).
 * Azure's cycler retries every 3 seconds from one caller's refresh; this client retries only
 * when a call needs the token, so a client at rest asks for nothing.
 */
export const TOKEN_REFRESH_RETRY_INTERVAL_IN_MS = 10 * 1000;

/** Options for {@link createBearerTokenProvider}. */
export interface BearerTokenProviderOptions {
  /** The clock, in milliseconds since the epoch (inject for tests; the client passes its own). */
  readonly now: () => number;
  /**
   * How long before `expiresOnTimestamp` a new token is fetched in the background while the
   * cached one is still used, in milliseconds. Default {@link DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS}
   * (2 minutes).
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
  /** From here on a background refresh is started; never after `mustRefreshAt`. */
  readonly refreshAt: number;
  /** From here on the token is not used: calls wait for a new one. */
  readonly mustRefreshAt: number;
}

function cachedToken(
  token: AccessToken,
  fetchedAt: number,
  windowInMs: number,
  forcedWindowInMs: number,
): CachedToken {
  const life = Math.max(token.expiresOnTimestamp - fetchedAt, 0);
  const refreshAt = Math.min(
    token.expiresOnTimestamp - windowInMs,
    token.refreshAfterTimestamp ?? Number.POSITIVE_INFINITY,
  );
  return {
    token: token.token,
    // A token that is already inside the window (short-lived, or a late refreshAfterTimestamp) is
    // used for half of its remaining life rather than fetched again on every request.
    refreshAt: refreshAt > fetchedAt ? refreshAt : fetchedAt + life / 2,
    mustRefreshAt: token.expiresOnTimestamp - Math.min(forcedWindowInMs, life / 2),
  };
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
  if (!HEADER_SAFE_TOKEN.test(token.token)) {
    throw new Error(
      `The token credential returned an access token for scope "${BATCH_TOKEN_SCOPE}" that cannot ` +
        'be sent in an Authorization header (it holds white space, control characters or ' +
        'characters beyond printable ASCII; the token is not shown).',
    );
  }
  return token;
}

/** What a bearer token may hold to go in `Authorization: Bearer <token>` (RFC 6750 b64token and more printable ASCII). */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;

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
 * - Usable token: until {@link TOKEN_FORCED_REFRESH_WINDOW_IN_MS} (30 s, at most
 *   `refreshWindowInMs`) before `expiresOnTimestamp` a cached token is returned at once. A
 *   token shorter-lived than the windows is used for half of its remaining life.
 * - Background refresh: once the token is inside the refresh window (`refreshWindowInMs` before
 *   `expiresOnTimestamp`) or its `refreshAfterTimestamp` has passed, whichever is first, a call
 *   starts `getToken` and still gets the cached token: a slow or failing credential neither
 *   delays nor fails it. A failed background refresh is forgotten (never an unhandled
 *   rejection); the first call {@link TOKEN_REFRESH_RETRY_INTERVAL_IN_MS} (10 s) later tries
 *   again.
 * - Waiting: with no token, or one past its usable life, a call waits for `getToken` and fails
 *   with the credential's own error when it fails (a failure is not remembered: the next call
 *   tries again at once).
 * - Concurrent callers share one in-flight `getToken` call, background or not.
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
  const forcedWindowInMs = Math.min(TOKEN_FORCED_REFRESH_WINDOW_IN_MS, windowInMs);
  const { now } = options;
  let cached: CachedToken | undefined;
  let inFlight: Promise<string> | undefined;
  let nextBackgroundAttemptAt = Number.NEGATIVE_INFINITY;

  const fetchToken = async (): Promise<string> => {
    const token = checkedToken(await credential.getToken(BATCH_TOKEN_SCOPE));
    cached = cachedToken(token, now(), windowInMs, forcedWindowInMs);
    return token.token;
  };

  const refresh = (): Promise<string> => {
    if (inFlight) return inFlight;
    const pending = fetchToken();
    inFlight = pending;
    // Registered first, so it runs before any waiter hears the outcome: a caller that calls
    // again at once sees the new state. Its rejection handler also keeps a background refresh
    // that nobody awaits from being an unhandled rejection.
    pending.then(
      () => {
        inFlight = undefined;
        nextBackgroundAttemptAt = Number.NEGATIVE_INFINITY;
      },
      () => {
        inFlight = undefined;
        nextBackgroundAttemptAt = now() + TOKEN_REFRESH_RETRY_INTERVAL_IN_MS;
      },
    );
    return pending;
  };

  return (abortSignal?: AbortSignal): Promise<string> => {
    if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
    const current = now();
    if (cached && current < cached.mustRefreshAt) {
      if (current >= cached.refreshAt && current >= nextBackgroundAttemptAt) void refresh();
      return Promise.resolve(cached.token);
    }
    return abortable(refresh(), abortSignal);
  };
}
