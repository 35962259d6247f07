/**
 * Options that control how failed attempts are retried. Every field is optional; a missing (or
 * `undefined`) field takes its value from {@link DEFAULT_RETRY_OPTIONS}, the one place where the
 * defaults live.
 */
export interface RetryOptions {
  /**
   * How many times a failed attempt may be retried, so a call makes at most `maxRetries + 1`
   * attempts. `0` turns retrying off. Must be a non-negative integer.
   *
   * @defaultValue `3`
   */
  maxRetries?: number;
  /**
   * Base of the exponential backoff used when the server did not name a time: before jitter, the
   * wait after attempt `n` is `retryDelayInMs * 2^(n - 1)`. Must be a non-negative finite number.
   *
   * @defaultValue `800`
   */
  retryDelayInMs?: number;
  /**
   * Upper bound of one backoff wait (applied before jitter, so jittered waits never exceed it).
   * Does not apply to a time named by the server; see {@link RetryOptions.maxRetryAfterInMs}.
   * Must be a non-negative finite number.
   *
   * @defaultValue `60000`
   */
  maxRetryDelayInMs?: number;
  /**
   * Longest server-named wait (`Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms`) that is
   * honoured. When the server asks for longer, the call stops retrying and the failure is returned
   * to the caller: retrying earlier than the server allows would most likely fail again and burn the
   * retry budget, and the caller can see the server's answer and schedule its own retry.
   * Must be a non-negative finite number.
   *
   * @defaultValue `60000`
   */
  maxRetryAfterInMs?: number;
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
