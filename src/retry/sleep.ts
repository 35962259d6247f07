import { defaultTimers, startTimer, type Timers } from './timers.js';

/**
 * Waits `ms` milliseconds; rejects at once with `abortSignal.reason` when the signal is aborted
 * before or during the wait. The shape the request loop receives, so tests can inject their own.
 */
export type Sleep = (ms: number, abortSignal?: AbortSignal) => Promise<void>;

/**
 * Creates a {@link Sleep} on the given timers. Every path leaves nothing behind: when the wait ends
 * the abort listener is removed, and when the signal aborts the timer is cleared.
 *
 * A negative or `NaN` delay rejects with a `RangeError`; `Infinity` waits until aborted; delays
 * longer than a platform timer allows are chained (see {@link startTimer}).
 *
 * @param timers - timer functions; defaults to the platform's `setTimeout` / `clearTimeout`
 * @returns the sleep function
 */
export function createSleep(timers: Timers = defaultTimers): Sleep {
  return (ms, abortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) {
        reject(new RangeError(`sleep delay must be a non-negative number, got ${String(ms)}`));
        return;
      }
      if (abortSignal?.aborted) {
        reject(abortSignal.reason);
        return;
      }
      const onAbort = (): void => {
        cancel();
        reject(abortSignal?.reason);
      };
      const cancel = startTimer(timers, ms, () => {
        abortSignal?.removeEventListener('abort', onAbort);
        resolve();
      });
      abortSignal?.addEventListener('abort', onAbort, { once: true });
    });
}

/** {@link Sleep} on the platform timers. */
export const sleep: Sleep = createSleep();
