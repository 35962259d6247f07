/**
 * The retry loop, as a policy. For each attempt: a fresh copy of the request carrying the attempt's
 * abort signal (the caller's signal or the per-attempt timeout, whichever fires first) → the
 * `perRetry` policies, authorization and `fetch` → classify → ask the retry strategy once. The
 * `client-request-id` is already in the request, so every attempt carries the same one.
 *
 * The answer the loop keeps is read to the end inside its attempt (so `timeoutInMs` covers the
 * body), except for streamed downloads. A failure while reading a kept answer is never retried:
 * the request was answered and may have taken effect.
 *
 * @module
 */
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
  type BatchTransportErrorOptions,
} from '../errors/transport-errors.js';
import { type AttemptSignal, createAttemptSignal } from '../retry/attempt-signal.js';
import { mayHaveTakenEffect } from '../retry/may-have-taken-effect.js';
import type { AttemptOutcome } from '../retry/outcome.js';
import type { RetryDecision, RetryStrategy } from '../retry/retry-strategy.js';
import type { Sleep } from '../retry/sleep.js';
import { readAnswer } from './answer-text.js';
import type { PipelinePolicy, PipelineRequest } from './pipeline-policy.js';
import { isTransportError } from './transport.js';

/** What the loop records about one request, for the steps around the pipeline. */
export interface RequestState {
  /**
   * An attempt before the last may have taken effect on the service: no answer after sending, or
   * an ambiguous answer such as `500 OperationTimedOut` (see `mayHaveTakenEffect`).
   */
  earlierAttemptMayHaveTakenEffect: boolean;
  /** The body text of the final answer (set by the service-error policy), when it was read. */
  bodyText?: string;
}

export interface RetryPolicyOptions {
  readonly strategy: RetryStrategy;
  readonly sleep: Sleep;
  /** Per-attempt time limit in ms. */
  readonly timeoutInMs: number;
  /** The caller's signal. */
  readonly abortSignal?: AbortSignal;
  /** Read the kept answer's body inside the attempt; false for streamed downloads. */
  readonly readBody: boolean;
  /**
   * Give each attempt a fresh copy of the request (there are `perRetry` policies, which may
   * change it in place; without them nothing does before the authorization policy, which signs a
   * copy of its own).
   */
  readonly copyPerAttempt: boolean;
  readonly state: RequestState;
}

const STOP: RetryDecision = Object.freeze({ retry: false });

export function retryPolicy(options: RetryPolicyOptions): PipelinePolicy {
  return {
    name: 'retry',
    async sendRequest(request, next) {
      const { state } = options;
      const summary = { method: request.method, url: request.url };
      const common = (attempts: number, cause: unknown): BatchTransportErrorOptions => ({
        operation: request.operation,
        attempts,
        request: summary,
        cause,
      });
      let mayHaveLanded = false;
      for (let attempt = 1; ; attempt++) {
        const caller = options.abortSignal;
        if (caller?.aborted) throw new BatchAbortError(common(attempt - 1, caller.reason));
        const attemptSignal = createAttemptSignal(caller, options.timeoutInMs);
        let outcome: AttemptOutcome;
        let decision: RetryDecision;
        let failure: unknown;
        try {
          const response = await next(
            options.copyPerAttempt
              ? attemptCopy(request, attemptSignal.signal)
              : { ...request, abortSignal: attemptSignal.signal },
          );
          outcome = { kind: 'response', status: response.status, headers: response.headers };
          // Asked once per attempt: a strategy may draw jitter (or count a budget) when it decides.
          decision = response.ok ? STOP : options.strategy.decide(attempt, outcome);
          if (!decision.retry) {
            state.earlierAttemptMayHaveTakenEffect = mayHaveLanded;
            return await readKept(response, attemptSignal, options, common(attempt, undefined));
          }
          if (mayHaveTakenEffect(outcome)) mayHaveLanded = true;
          await response.body?.cancel().catch(() => undefined);
        } catch (error) {
          if (error instanceof KeptAnswerFailure) throw error.reported;
          failure = error;
          const sent = isTransportError(error);
          if (caller?.aborted && !attemptSignal.timedOut()) {
            throw new BatchAbortError(common(attempt, caller.reason));
          }
          // An error thrown by a policy (a user policy, the signer, a credential that could not
          // produce a token) fails the call with that error, unwrapped: retrying will not help.
          // Running out of time meanwhile is a timeout of the attempt like any other.
          if (!sent && !attemptSignal.timedOut()) throw error;
          outcome = { kind: 'error', reason: attemptSignal.timedOut() ? 'timeout' : 'network' };
          decision = options.strategy.decide(attempt, outcome);
          if (sent) mayHaveLanded = true;
        } finally {
          attemptSignal.dispose();
        }
        if (!decision.retry) {
          if (outcome.kind === 'error' && outcome.reason === 'timeout') {
            throw new BatchTimeoutError({
              ...common(attempt, failure),
              timeoutInMs: options.timeoutInMs,
            });
          }
          throw new BatchNetworkError(common(attempt, failure));
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

/** A fresh copy per attempt, so what `perRetry` policies change does not pile up. */
function attemptCopy(request: PipelineRequest, signal: AbortSignal): PipelineRequest {
  return { ...request, headers: new Headers(request.headers), abortSignal: signal };
}

/** Carries the error of a kept answer whose body could not be read past the loop's catch. */
class KeptAnswerFailure extends Error {
  constructor(readonly reported: Error) {
    super(reported.message);
  }
}

/**
 * Reads the body of the kept answer, still under the attempt's timeout and the caller's signal,
 * and returns it as a complete response. Streamed downloads are returned as they are (their
 * error answers are read, for the error). A failure while reading is reported, never retried.
 */
async function readKept(
  response: Response,
  attemptSignal: AttemptSignal,
  options: RetryPolicyOptions,
  common: BatchTransportErrorOptions,
): Promise<Response> {
  if (!options.readBody && response.ok) return response;
  if (response.bodyUsed) {
    // A perRetry policy read the body and passed the same response on: nothing left to read.
    throw new KeptAnswerFailure(
      new TypeError(
        `A perRetry policy read the body of the ${response.status} answer to ${common.operation}; read a clone (response.clone()) in a policy instead.`,
      ),
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const details = { ...common, cause: error };
    if (attemptSignal.timedOut()) {
      throw new KeptAnswerFailure(
        new BatchTimeoutError({ ...details, timeoutInMs: options.timeoutInMs }),
      );
    }
    if (options.abortSignal?.aborted) {
      throw new KeptAnswerFailure(
        new BatchAbortError({ ...details, cause: options.abortSignal.reason }),
      );
    }
    throw new KeptAnswerFailure(new BatchNetworkError(details));
  }
  return readAnswer(response, text);
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
