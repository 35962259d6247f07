import { defaultTimers, startTimer, type Timers } from './timers.js';

/** The abort signal of one attempt; see {@link createAttemptSignal}. */
export interface AttemptSignal {
  /** Aborted when the caller's signal aborts or the per-attempt timeout fires, whichever first. */
  readonly signal: AbortSignal;
  /**
   * Whether the timeout fired before the caller aborted (and before {@link AttemptSignal.dispose}).
   * Lets the loop classify an aborted attempt as `'timeout'` (retryable) or `'abort'` (not).
   */
  timedOut(): boolean;
  /**
   * Clears the timer and detaches from the caller's signal; call it when the attempt is over.
   * The signal keeps its current state (it is not aborted by disposing). Idempotent.
   */
  dispose(): void;
}

const noop = (): void => {};

/**
 * Combines the caller's abort signal with a per-attempt timeout into one signal for `fetch`.
 *
 * When the timeout fires, the signal aborts with a `DOMException` named `'TimeoutError'` and
 * `timedOut()` becomes `true`; when the caller aborts first, the signal aborts with the caller's
 * reason and `timedOut()` stays `false`. An already-aborted caller signal aborts the result at
 * once, without starting a timer. The listener on the caller's signal and the timer are both
 * released as soon as either fires, or on `dispose()`, so nothing outlives the attempt (this is why
 * `AbortSignal.any` / `AbortSignal.timeout` are not used: their timers cannot be cleared).
 *
 * @param callerSignal - the caller's signal, if any
 * @param timeoutInMs - the per-attempt timeout, a positive number; `undefined` or `Infinity` for none
 * @param timers - timer functions; defaults to the platform's `setTimeout` / `clearTimeout`
 * @throws RangeError when `timeoutInMs` is not a positive number
 */
export function createAttemptSignal(
  callerSignal: AbortSignal | undefined,
  timeoutInMs: number | undefined,
  timers: Timers = defaultTimers,
): AttemptSignal {
  if (timeoutInMs !== undefined && !(typeof timeoutInMs === 'number' && timeoutInMs > 0)) {
    throw new RangeError(`timeoutInMs must be a positive number, got ${String(timeoutInMs)}`);
  }
  const controller = new AbortController();
  let didTimeOut = false;
  let cancelTimer = noop;

  const release = (): void => {
    cancelTimer();
    cancelTimer = noop;
    callerSignal?.removeEventListener('abort', onCallerAbort);
  };
  function onCallerAbort(): void {
    release();
    controller.abort(callerSignal?.reason);
  }

  if (callerSignal?.aborted) {
    controller.abort(callerSignal.reason);
  } else {
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    if (timeoutInMs !== undefined && timeoutInMs !== Number.POSITIVE_INFINITY) {
      cancelTimer = startTimer(timers, timeoutInMs, () => {
        didTimeOut = true;
        release();
        controller.abort(
          new DOMException(`The attempt timed out after ${timeoutInMs} ms`, 'TimeoutError'),
        );
      });
    }
  }
  return { signal: controller.signal, timedOut: () => didTimeOut, dispose: release };
}
