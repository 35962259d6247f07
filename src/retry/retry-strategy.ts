import { computeBackoffDelayMs } from './backoff.js';
import type { AttemptOutcome } from './outcome.js';
import { type RetryOptions, resolveRetryOptions } from './retry-options.js';
import { isRetryableStatus } from './retryable-status.js';
import { getServerRetryDelayMs } from './server-retry-delay.js';

/** What to do after a failed attempt: wait `delayInMs` and send again, or stop. */
export type RetryDecision =
  | { readonly retry: true; readonly delayInMs: number }
  | { readonly retry: false };

/**
 * A retry policy, separate from the loop that applies it: the loop sends, classifies the outcome,
 * asks {@link RetryStrategy.decide}, then sleeps and re-sends (re-stamping and re-signing) or stops.
 */
export interface RetryStrategy {
  /**
   * Decides whether to retry after an attempt.
   *
   * @param attempt - how many attempts have been made so far, counting the one that just ended:
   *   `1` after the first attempt, `2` after the first retry, and so on. A retry is allowed while
   *   `attempt <= maxRetries`.
   * @param outcome - how that attempt ended
   * @returns `{ retry: true, delayInMs }` or `{ retry: false }`
   * @throws RangeError when `attempt` is not a positive integer
   */
  decide(attempt: number, outcome: AttemptOutcome): RetryDecision;
}

/** Injected sources of nondeterminism for {@link createRetryStrategy}. */
export interface RetryStrategyDeps {
  /** Returns a number in `[0, 1)`, like `Math.random`; used for backoff jitter. */
  readonly random: () => number;
  /** Returns the current time in milliseconds since the Unix epoch, like `Date.now`. */
  readonly now: () => number;
}

const STOP: RetryDecision = Object.freeze({ retry: false });

/**
 * Creates the default retry strategy.
 *
 * Retried: network errors, per-attempt timeouts, and responses with status 408, 429, 500, 502, 503
 * or 504. Never retried: caller aborts, any other status, and any attempt once `maxRetries`
 * retries have been made.
 *
 * The wait: when the response names a time (`retry-after-ms`, `x-ms-retry-after-ms` or
 * `Retry-After`, see {@link getServerRetryDelayMs}), exactly that time, without jitter; when that
 * time exceeds `maxRetryAfterInMs`, the strategy stops instead of retrying early (see
 * {@link RetryOptions.maxRetryAfterInMs}). Otherwise exponential backoff with equal jitter (see
 * {@link computeBackoffDelayMs}).
 *
 * @param options - retry options; missing fields take their `DEFAULT_RETRY_OPTIONS` values
 * @param deps - the random source and clock
 * @throws TypeError when an option is invalid (see {@link resolveRetryOptions})
 */
export function createRetryStrategy(options: RetryOptions, deps: RetryStrategyDeps): RetryStrategy {
  const resolved = resolveRetryOptions(options);
  return {
    decide(attempt, outcome) {
      if (!Number.isInteger(attempt) || attempt < 1) {
        throw new RangeError(`attempt must be a positive integer, got ${String(attempt)}`);
      }
      if (attempt > resolved.maxRetries) return STOP;
      if (outcome.kind === 'error') {
        if (outcome.reason === 'abort') return STOP;
      } else {
        if (!isRetryableStatus(outcome.status)) return STOP;
        const serverDelayMs = getServerRetryDelayMs(outcome.headers, deps.now());
        if (serverDelayMs !== undefined) {
          if (serverDelayMs > resolved.maxRetryAfterInMs) return STOP;
          return { retry: true, delayInMs: serverDelayMs };
        }
      }
      return { retry: true, delayInMs: computeBackoffDelayMs(attempt, resolved, deps.random()) };
    },
  };
}
