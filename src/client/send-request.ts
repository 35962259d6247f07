/**
 * The attempt loop: for each attempt, authorize (fresh `ocp-date` and signature, or token) →
 * send with a per-attempt timeout → classify → ask the retry strategy. The `client-request-id`
 * is already in the request, so it is the same on every attempt.
 */

import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
} from '../errors/transport-errors.js';
import { type AttemptSignal, createAttemptSignal } from '../retry/attempt-signal.js';
import { mayHaveTakenEffect } from '../retry/may-have-taken-effect.js';
import type { AttemptOutcome } from '../retry/outcome.js';
import type { RetryDecision, RetryStrategy } from '../retry/retry-strategy.js';
import type { Sleep } from '../retry/sleep.js';
import type { Authorizer } from './authorize.js';
import type { WireRequest } from './wire-request.js';

export interface SendContext {
  readonly fetch: typeof fetch;
  readonly authorize: Authorizer;
  readonly strategy: RetryStrategy;
  readonly sleep: Sleep;
  readonly timeoutInMs: number;
  readonly abortSignal?: AbortSignal;
  /** `group.method`, for error messages. */
  readonly operation: string;
  /** Read the body inside the attempt (so the timeout covers it); false for streamed downloads. */
  readonly readBody: boolean;
}

export interface SentResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  /** The body text, when `readBody` was set. */
  readonly bodyText: string;
  /** The response, for streamed downloads (`readBody: false`). */
  readonly response: Response;
  readonly attempts: number;
  /**
   * An earlier attempt may have taken effect on the service: it timed out or lost its connection
   * after sending, or got an ambiguous answer such as `500 OperationTimedOut` (see
   * `mayHaveTakenEffect`).
   */
  readonly earlierAttemptMayHaveLanded: boolean;
}

export async function sendRequest(
  request: WireRequest,
  context: SendContext,
): Promise<SentResponse> {
  checkCallOptions(context);
  const summary = { method: request.method, url: request.url };
  let mayHaveLanded = false;
  for (let attempt = 1; ; attempt++) {
    if (context.abortSignal?.aborted) {
      throw new BatchAbortError({
        operation: context.operation,
        attempts: attempt - 1,
        request: summary,
        cause: context.abortSignal.reason,
      });
    }
    const attemptSignal = createAttemptSignal(context.abortSignal, context.timeoutInMs);
    let outcome: AttemptOutcome;
    let decision: RetryDecision;
    let failure: unknown;
    let authorizing = true;
    let kept: Response | undefined;
    try {
      const extra = await context.authorize(request, attemptSignal.signal);
      authorizing = false;
      const response = await context.fetch(request.url, {
        method: request.method,
        headers: { ...request.headers, ...extra },
        body: request.body,
        signal: attemptSignal.signal,
      });
      outcome = { kind: 'response', status: response.status, headers: response.headers };
      // Asked once per attempt: a strategy may draw jitter (or count a budget) when it decides.
      decision = response.ok ? STOP : context.strategy.decide(attempt, outcome);
      if (decision.retry) {
        if (mayHaveTakenEffect(outcome)) mayHaveLanded = true;
        await response.body?.cancel().catch(() => undefined);
      } else kept = response;
    } catch (error) {
      attemptSignal.dispose();
      failure = error;
      if (context.abortSignal?.aborted && !attemptSignal.timedOut()) {
        throw new BatchAbortError({
          operation: context.operation,
          attempts: attempt,
          request: summary,
          cause: context.abortSignal.reason,
        });
      }
      // A credential that could not produce a token (or signature) is not a network failure:
      // nothing was sent, and retrying will not help; surface its own error. Running out of
      // time while waiting for the token is a per-attempt timeout like any other.
      if (authorizing && !attemptSignal.timedOut()) throw error;
      outcome = { kind: 'error', reason: attemptSignal.timedOut() ? 'timeout' : 'network' };
      decision = context.strategy.decide(attempt, outcome);
      if (!authorizing && mayHaveTakenEffect(outcome)) mayHaveLanded = true;
    }
    if (kept) return readKept(kept, attempt, mayHaveLanded, attemptSignal, context, summary);
    attemptSignal.dispose();
    if (!decision.retry) throw transportError(outcome, failure, attempt, context, summary);
    try {
      await abortableSleep(context.sleep, decision.delayInMs, context.abortSignal);
    } catch (error) {
      // A sleep that failed on its own (not through the caller's signal) is not an abort.
      if (!context.abortSignal?.aborted) throw error;
      throw new BatchAbortError({
        operation: context.operation,
        attempts: attempt,
        request: summary,
        cause: context.abortSignal.reason,
      });
    }
  }
}

const STOP: RetryDecision = Object.freeze({ retry: false });

/**
 * Reads the body of the answer the loop keeps, still under the attempt's timeout and the
 * caller's signal. The answer was received and decided on, so a failure while reading it is
 * never retried (that could repeat a non-idempotent request that already took effect): it is a
 * timeout, an abort or a network error.
 */
async function readKept(
  response: Response,
  attempt: number,
  earlierAttemptMayHaveLanded: boolean,
  attemptSignal: AttemptSignal,
  context: SendContext,
  summary: { method: string; url: string },
): Promise<SentResponse> {
  try {
    const bodyText = context.readBody || !response.ok ? await response.text() : '';
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bodyText,
      response,
      attempts: attempt,
      earlierAttemptMayHaveLanded,
    };
  } catch (error) {
    const common = {
      operation: context.operation,
      attempts: attempt,
      request: summary,
      cause: error,
    };
    if (attemptSignal.timedOut()) {
      throw new BatchTimeoutError({ ...common, timeoutInMs: context.timeoutInMs });
    }
    if (context.abortSignal?.aborted) {
      throw new BatchAbortError({ ...common, cause: context.abortSignal.reason });
    }
    throw new BatchNetworkError(common);
  } finally {
    attemptSignal.dispose();
  }
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

/**
 * The per-call options the loop reads are checked before anything is sent and reported like any
 * other invalid argument: a {@link BatchValidationError}, not a late `RangeError` or `TypeError`.
 */
function checkCallOptions(context: SendContext): void {
  const issues: BatchValidationIssue[] = [];
  const timeout: unknown = context.timeoutInMs;
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    issues.push({
      path: 'options.timeoutInMs',
      rule: 'range',
      message: 'must be a positive number of milliseconds',
    });
  }
  const signal: unknown = context.abortSignal;
  if (signal !== undefined && !isAbortSignalLike(signal)) {
    issues.push({ path: 'options.abortSignal', rule: 'type', message: 'must be an AbortSignal' });
  }
  if (issues.length > 0) throw new BatchValidationError(issues);
}

/** Duck-typed so signals from another realm (or a polyfill) are accepted. */
function isAbortSignalLike(value: unknown): boolean {
  const v = value as Partial<AbortSignal> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.aborted === 'boolean' &&
    typeof v.addEventListener === 'function' &&
    typeof v.removeEventListener === 'function'
  );
}

function transportError(
  outcome: AttemptOutcome,
  failure: unknown,
  attempts: number,
  context: SendContext,
  request: { method: string; url: string },
): Error {
  if (outcome.kind === 'response') {
    // A retryable status whose retries ran out never reaches here (it is returned instead).
    return new Error(`unexpected retry stop after status ${outcome.status}`);
  }
  const common = { operation: context.operation, attempts, request, cause: failure };
  if (outcome.reason === 'timeout')
    return new BatchTimeoutError({ ...common, timeoutInMs: context.timeoutInMs });
  return new BatchNetworkError(common);
}
