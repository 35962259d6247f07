/**
 * The retry loop, as a pipeline policy built once per client. For each attempt: the attempt's
 * signal (the caller's signal or the request's `timeoutInMs`, whichever fires first) → the
 * `perRetry` policies, signing and the transport → classify the outcome → ask the retry strategy
 * once → wait and send again, or stop. Every attempt is re-signed (the sign phase is after this
 * loop) and carries the call's one `client-request-id`.
 *
 * Answers come back read to the end (the transports read them inside the attempt, so
 * `timeoutInMs` covers the body); one a `perRetry` policy made up is read here. A body that cannot
 * be read is retried only when its status would be; otherwise it is reported, never retried: the
 * request was answered and may have taken effect.
 *
 * @module
 */
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
  type BatchTransportErrorOptions,
} from '../errors/transport-errors.js';
import { AnswerBodyError, bufferResponse } from '../pipeline/buffered-response.js';
import type { PipelinePolicy, PipelineRequest } from '../pipeline/pipeline-policy.js';
import type { TransportAttemptRecord } from '../pipeline/transport.js';
import {
  type AttemptOutcome,
  createRetryStrategy,
  mayHaveTakenEffect,
  type ResolvedRetryOptions,
  type RetryDecision,
  type RetryStrategy,
} from './retry-strategy.js';
import { defaultTimers, type Sleep, startTimer, type Timers } from './sleep.js';

export interface RetryPolicyOptions {
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
  /** The client's retry options; calls without a `retry` override carry this very object. */
  readonly clientRetryOptions: ResolvedRetryOptions;
  /**
   * Give each attempt a fresh copy of the request's headers: there are `perRetry` policies, which
   * may change them in place (without them nothing changes the request before it is signed).
   */
  readonly copyPerAttempt: boolean;
}

const STOP: RetryDecision = Object.freeze({ retry: false });

export function retryPolicy(options: RetryPolicyOptions): PipelinePolicy {
  const deps = { random: options.random, now: options.now };
  const clientStrategy = createRetryStrategy(options.clientRetryOptions, deps);
  const strategyFor = (request: PipelineRequest): RetryStrategy =>
    request.retryOptions === options.clientRetryOptions
      ? clientStrategy
      : createRetryStrategy(request.retryOptions, deps);

  return {
    name: 'retry',
    async sendRequest(request, next) {
      const strategy = strategyFor(request);
      const record = request.attempts as TransportAttemptRecord;
      const caller = request.abortSignal;
      const { timeoutInMs } = request;
      const common = (attempts: number, cause: unknown): BatchTransportErrorOptions => ({
        operation: request.operation,
        attempts,
        request: { method: request.method, url: request.url },
        cause,
      });
      let mayHaveLanded = false;
      for (let attempt = 1; ; attempt++) {
        if (caller?.aborted) throw new BatchAbortError(common(attempt - 1, caller.reason));
        const attemptSignal = createAttemptSignal(caller, timeoutInMs);
        record.count = attempt;
        record.transportError = undefined;
        let outcome: AttemptOutcome;
        let decision: RetryDecision;
        let failure: unknown;
        let keepCallerLink = false;
        try {
          const sent = await next({
            ...request,
            headers: options.copyPerAttempt ? new Headers(request.headers) : request.headers,
            abortSignal: attemptSignal.signal,
          });
          if (request.streamResponseBody && sent.ok && sent.body) {
            // A download's body streams on after this attempt: the timeout covered the wait for
            // its headers; the caller's signal goes on covering the body until it ends.
            attemptSignal.stopTimer();
            keepCallerLink = true;
            record.earlierMayHaveTakenEffect = mayHaveLanded;
            return untilBodyEnds(sent, attemptSignal.dispose);
          }
          const response =
            request.streamResponseBody && sent.ok
              ? sent
              : await bufferResponse(sent, 'a perRetry policy');
          outcome = { kind: 'response', status: response.status, headers: response.headers };
          // Asked once per attempt: a strategy may draw jitter (or count a budget) when it decides.
          decision = response.ok ? STOP : strategy.decide(attempt, outcome);
          if (!decision.retry) {
            record.earlierMayHaveTakenEffect = mayHaveLanded;
            return response;
          }
          if (mayHaveTakenEffect(outcome)) mayHaveLanded = true;
          await response.body?.cancel().catch(() => undefined);
        } catch (error) {
          failure = error;
          if (caller?.aborted && !attemptSignal.timedOut()) {
            throw new BatchAbortError(common(attempt, caller.reason));
          }
          if (error instanceof AnswerBodyError) {
            // Answered, but the body broke off: retried only when the status would be.
            outcome = { kind: 'response', status: error.status, headers: error.headers };
            decision = strategy.decide(attempt, outcome);
            if (!decision.retry) {
              throw attemptError(attemptSignal, timeoutInMs, {
                ...common(attempt, error.cause),
                answeredStatus: error.status,
              });
            }
            if (mayHaveTakenEffect(outcome)) mayHaveLanded = true;
          } else {
            const noAnswer = error === record.transportError && error !== undefined;
            // An error a policy threw (a user policy, the signer, a credential that could not
            // produce a token, a fetch that gave no Response) fails the call with that error,
            // unwrapped: retrying will not help. Running out of time meanwhile is a timeout of the
            // attempt like any other.
            if (!noAnswer && !attemptSignal.timedOut()) throw error;
            outcome = { kind: 'error', reason: attemptSignal.timedOut() ? 'timeout' : 'network' };
            decision = strategy.decide(attempt, outcome);
            if (noAnswer) mayHaveLanded = true;
            if (!decision.retry)
              throw attemptError(attemptSignal, timeoutInMs, common(attempt, failure));
          }
        } finally {
          if (!keepCallerLink) attemptSignal.dispose();
        }
        try {
          await abortableSleep(options.sleep, decision.delayInMs, caller);
        } catch (error) {
          // A sleep that failed on its own (not through the caller's signal) is not an abort.
          if (!caller?.aborted) throw error;
          throw new BatchAbortError(common(attempt, caller.reason));
        }
      }
    },
  };
}

/**
 * `response` with a body that calls `done` once it has ended, failed or been cancelled, so the
 * attempt's link to the caller's signal lasts as long as the download and no longer.
 */
function untilBodyEnds(response: Response, done: () => void): Response {
  const reader = response.body!.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          done();
          controller.close();
        } else controller.enqueue(chunk.value);
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The error of an attempt that got no (complete) answer and will not be retried. */
function attemptError(
  attemptSignal: AttemptSignal,
  timeoutInMs: number,
  details: BatchTransportErrorOptions,
): Error {
  if (attemptSignal.timedOut()) return new BatchTimeoutError({ ...details, timeoutInMs });
  return new BatchNetworkError(details);
}

/**
 * Runs the (possibly injected) sleep, but rejects as soon as the caller aborts even when that
 * sleep ignores its signal, so an abort during backoff always ends the call at once. The abort
 * listener is removed when the wait ends either way.
 */
function abortableSleep(sleep: Sleep, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([sleep(ms, signal), aborted]).finally(() =>
    signal.removeEventListener('abort', onAbort),
  );
}

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
  /** Clears the timer only: the caller's abort still aborts the signal (until `dispose`). */
  stopTimer(): void;
}

const noop = (): void => {};

/**
 * Combines the caller's abort signal with a per-attempt timeout into one signal for the transport.
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
  return {
    signal: controller.signal,
    timedOut: () => didTimeOut,
    dispose: release,
    stopTimer: () => {
      cancelTimer();
      cancelTimer = noop;
    },
  };
}
