/**
 * Waiting: an abortable sleep on injectable timers, and timers that chain for delays longer than a
 * platform timer allows. Tests inject their own timers and sleep instead of patching globals.
 *
 * @module
 */
/**
 * Timer functions, injectable so tests can count and fire timers without patching globals.
 * The handle type is opaque: Node returns a `Timeout` object, browsers a number.
 */
export interface Timers {
  /** Schedules `callback` once after `ms` milliseconds, like `setTimeout`; returns a handle. */
  setTimer(callback: () => void, ms: number): unknown;
  /** Cancels a timer returned by {@link Timers.setTimer}, like `clearTimeout`. */
  clearTimer(handle: unknown): void;
}

/** The platform timers (`globalThis.setTimeout` / `clearTimeout`, looked up at call time). */
export const defaultTimers: Timers = Object.freeze({
  setTimer: (callback: () => void, ms: number): unknown => globalThis.setTimeout(callback, ms),
  clearTimer: (handle: unknown): void =>
    globalThis.clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
});

/**
 * Longest delay one platform timer can take (2^31 - 1 ms, about 24.8 days); longer delays would
 * fire at once, so {@link startTimer} chains timers instead.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * Runs `callback` once after `ms` milliseconds, using as many chained timers as a long (or
 * infinite) delay needs. At most one timer is pending at any time.
 *
 * @param timers - the timer functions
 * @param ms - the delay, a non-negative number (`Infinity` never fires)
 * @param callback - run when the delay has elapsed, unless cancelled first
 * @returns a function that cancels the pending timer; calling it again (or after the callback has
 *   run) does nothing
 */
export function startTimer(timers: Timers, ms: number, callback: () => void): () => void {
  let handle: unknown;
  let pending = false;
  const arm = (remainingMs: number): void => {
    const stepMs = Math.min(remainingMs, MAX_TIMER_DELAY_MS);
    pending = true;
    handle = timers.setTimer(() => {
      pending = false;
      if (remainingMs > stepMs) arm(remainingMs - stepMs);
      else callback();
    }, stepMs);
  };
  arm(ms);
  return () => {
    if (!pending) return;
    pending = false;
    timers.clearTimer(handle);
  };
}

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
