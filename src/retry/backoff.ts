import type { ResolvedRetryOptions } from './retry-options.js';

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
