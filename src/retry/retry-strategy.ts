/**
 * When a failed attempt is retried, and after how long: the retry options and their defaults (the
 * one place they live), which outcomes are retried, the backoff, and the strategy object the retry
 * policy asks once per failed attempt (AWS SDK v3's shape: a strategy separate from the loop that
 * applies it). Also which outcomes mean an attempt may have taken effect on the service. Pure.
 *
 * @module
 */
import { getServerRetryDelayMs } from './retry-after.js';

/**
 * How failed attempts are retried: counts and waits in milliseconds. Given on the client (every
 * call) or per call (that call); a field left out or `undefined` takes the client's value, then the
 * default shown. An invalid value is refused before anything is sent: the client throws a
 * `BatchValidationError` with an issue at `options.retry` (rule `retryOptions`) naming the field
 * and the rule in words.
 */
export interface RetryOptions {
  /**
   * How many times a failed attempt may be retried, so a call makes at most `maxRetries + 1`
   * attempts. `0` turns retrying off. Must be a non-negative integer.
   *
   * @defaultValue `3`
   */
  maxRetries?: number | undefined;
  /**
   * Base of the exponential backoff used when the server did not name a time: before jitter, the
   * wait after attempt `n` is `retryDelayInMs * 2^(n - 1)`. Must be a non-negative finite number.
   *
   * @defaultValue `800`
   */
  retryDelayInMs?: number | undefined;
  /**
   * Upper bound of one backoff wait (applied before jitter, so jittered waits never exceed it).
   * Does not apply to a time named by the server; see {@link RetryOptions.maxRetryAfterInMs}.
   * Must be a non-negative finite number.
   *
   * @defaultValue `60000`
   */
  maxRetryDelayInMs?: number | undefined;
  /**
   * Longest server-named wait (`Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms`) that is
   * honoured. When the server asks for longer, the call stops retrying and the failure is returned
   * to the caller: retrying earlier than the server allows would most likely fail again and burn the
   * retry budget, and the caller can see the server's answer and schedule its own retry.
   * Must be a non-negative finite number.
   *
   * @defaultValue `60000`
   */
  maxRetryAfterInMs?: number | undefined;
}

/** {@link RetryOptions} with every field present, as returned by {@link resolveRetryOptions}. */
export type ResolvedRetryOptions = Readonly<Required<RetryOptions>>;

/**
 * The default retry options: 3 retries, exponential backoff with jitter from 800 ms capped at
 * 60 000 ms, and server-named waits honoured up to 60 000 ms.
 */
export const DEFAULT_RETRY_OPTIONS: ResolvedRetryOptions = Object.freeze({
  maxRetries: 3,
  retryDelayInMs: 800,
  maxRetryDelayInMs: 60_000,
  maxRetryAfterInMs: 60_000,
});

const FIELDS = Object.keys(DEFAULT_RETRY_OPTIONS) as ReadonlyArray<keyof RetryOptions>;

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : `a value of type ${typeof value}`;
}

function validateField(field: keyof RetryOptions, value: unknown): number {
  const integer = field === 'maxRetries';
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    const expected = integer ? 'a non-negative integer' : 'a non-negative finite number';
    throw new TypeError(`retry option '${field}' must be ${expected}, got ${describe(value)}`);
  }
  return value;
}

/**
 * Merges retry option layers over {@link DEFAULT_RETRY_OPTIONS}, later layers winning (typically
 * client-level options first, then per-call options). `undefined` layers and `undefined` fields
 * are skipped. Every value given is validated, including ones a later layer overrides.
 *
 * @param layers - option layers, lowest precedence first
 * @returns a frozen object with every option set
 * @throws TypeError naming the field when a value is not a non-negative finite number (or, for
 *   `maxRetries`, not a non-negative integer), or when a layer is not an object
 */
export function resolveRetryOptions(
  ...layers: ReadonlyArray<RetryOptions | undefined>
): ResolvedRetryOptions {
  const resolved: Required<RetryOptions> = { ...DEFAULT_RETRY_OPTIONS };
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (typeof layer !== 'object' || layer === null) {
      throw new TypeError(`retry options must be an object, got ${describe(layer)}`);
    }
    for (const field of FIELDS) {
      const value: unknown = layer[field];
      if (value !== undefined) resolved[field] = validateField(field, value);
    }
  }
  return Object.freeze(resolved);
}

/**
 * Why an attempt ended without a response:
 * - `'network'`: the request could not be sent or the connection failed (fetch rejected);
 * - `'timeout'`: the per-attempt timeout fired before a response arrived;
 * - `'abort'`: the caller aborted the call. Never retried.
 */
export type AttemptErrorReason = 'network' | 'timeout' | 'abort';

/** One attempt that got an HTTP response (of any status). */
export interface AttemptResponseOutcome {
  /** Discriminant. */
  readonly kind: 'response';
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers; plain-object keys are matched case-insensitively. */
  readonly headers: Headers | Readonly<Record<string, string>>;
}

/** One attempt that ended without a response. */
export interface AttemptErrorOutcome {
  /** Discriminant. */
  readonly kind: 'error';
  /** Why the attempt ended; see {@link AttemptErrorReason}. */
  readonly reason: AttemptErrorReason;
}

/** The outcome of one attempt, as classified by the request loop and judged by a retry strategy. */
export type AttemptOutcome = AttemptResponseOutcome | AttemptErrorOutcome;

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a response with this status may succeed if the request is sent again: 408 Request
 * Timeout, 429 Too Many Requests, 500 Internal Server Error, 502 Bad Gateway, 503 Service
 * Unavailable and 504 Gateway Timeout. Every other status — all 1xx/2xx/3xx, the other 4xx,
 * 501 Not Implemented and 505 HTTP Version Not Supported — will not change on a retry.
 *
 * @param status - the HTTP status code
 * @returns `true` for the six retryable statuses above
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Answers that say the service may have failed or timed out while processing, so the request may
 * have taken effect anyway: 500 (Batch's `OperationTimedOut` and `InternalError`; Batch documents
 * that a request that timed out on the server may still have been fully processed), 502 Bad
 * Gateway and 504 Gateway Timeout (a gateway lost the answer of a server that may have acted).
 * Not ambiguous: 408 (the request never arrived whole), 429 and 503 (refused before processing).
 */
const AMBIGUOUS_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

/**
 * Whether the attempt's request may have taken effect on the service although the call did not
 * get its success answer: no answer at all (a network failure or timeout after the request was
 * sent), or an ambiguous answer (see above). A retried create that then meets `409 …Exists` is
 * read back when this held for an earlier attempt.
 *
 * @param outcome - the outcome of an attempt whose request was sent
 */
export function mayHaveTakenEffect(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'error') return outcome.reason !== 'abort';
  return AMBIGUOUS_STATUSES.has(outcome.status);
}

/** Exponents above this already overflow any finite cap; keeps `0 * 2^n` from becoming `NaN`. */
const MAX_EXPONENT = 1000;

/**
 * The backoff wait after a failed attempt when the server named no time, with "equal jitter":
 * the ceiling is `min(maxRetryDelayInMs, retryDelayInMs * 2^(attempt - 1))` and the wait is drawn
 * uniformly from `[ceiling / 2, ceiling]`. Half the wait is guaranteed (retries never fire
 * immediately), half is spread to keep clients that failed together from retrying together, and
 * the cap is applied before jitter so that waits stay spread — yet never above the cap — once the
 * exponential growth reaches it. This is the formula Azure's core SDK pipeline uses.
 *
 * @param attempt - number of attempts made so far (1 after the first attempt failed)
 * @param options - `retryDelayInMs` and `maxRetryDelayInMs`
 * @param random - a number in `[0, 1)`, e.g. from `Math.random()`; values outside are clamped
 * @returns the wait in whole milliseconds
 */
export function computeBackoffDelayMs(
  attempt: number,
  options: Pick<ResolvedRetryOptions, 'retryDelayInMs' | 'maxRetryDelayInMs'>,
  random: number,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), MAX_EXPONENT);
  const ceiling = Math.min(options.maxRetryDelayInMs, options.retryDelayInMs * 2 ** exponent);
  const unit = Number.isNaN(random) ? 0 : Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (unit * ceiling) / 2);
}

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
