/**
 * The attempt loop: for each attempt, authorize (fresh `ocp-date` and signature, or token) →
 * send with a per-attempt timeout → classify → ask the retry strategy. The `client-request-id`
 * is already in the request, so it is the same on every attempt.
 */
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
} from '../errors/transport-errors.js';
import { createAttemptSignal } from '../retry/attempt-signal.js';
import type { AttemptOutcome } from '../retry/outcome.js';
import type { RetryStrategy } from '../retry/retry-strategy.js';
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
  /** An earlier attempt timed out or lost its connection, so it may have reached the service. */
  readonly earlierAttemptMayHaveLanded: boolean;
}

export async function sendRequest(
  request: WireRequest,
  context: SendContext,
): Promise<SentResponse> {
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
    let failure: unknown;
    let authorizing = true;
    try {
      const extra = await context.authorize(request, attemptSignal.signal);
      authorizing = false;
      const response = await context.fetch(request.url, {
        method: request.method,
        headers: { ...request.headers, ...extra },
        body: request.body as BodyInit | undefined,
        signal: attemptSignal.signal,
      });
      const retryable = await isRetryCandidate(context, attempt, response);
      if (!retryable) {
        const bodyText = context.readBody || !response.ok ? await response.text() : '';
        return {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          bodyText,
          response,
          attempts: attempt,
          earlierAttemptMayHaveLanded: mayHaveLanded,
        };
      }
      await response.body?.cancel().catch(() => undefined);
      outcome = { kind: 'response', status: response.status, headers: response.headers };
    } catch (error) {
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
      // nothing was sent, and retrying will not help; surface its own error.
      if (authorizing) throw error;
      outcome = { kind: 'error', reason: attemptSignal.timedOut() ? 'timeout' : 'network' };
      mayHaveLanded = true;
    } finally {
      attemptSignal.dispose();
    }
    const decision = context.strategy.decide(attempt, outcome);
    if (!decision.retry) throw transportError(outcome, failure, attempt, context, summary);
    try {
      await context.sleep(decision.delayInMs, context.abortSignal);
    } catch (error) {
      throw new BatchAbortError({
        operation: context.operation,
        attempts: attempt,
        request: summary,
        cause: context.abortSignal?.reason ?? error,
      });
    }
  }
}

/** Whether this response should be retried; non-retryable answers are returned as they are. */
async function isRetryCandidate(
  context: SendContext,
  attempt: number,
  response: Response,
): Promise<boolean> {
  if (response.ok) return false;
  return context.strategy.decide(attempt, {
    kind: 'response',
    status: response.status,
    headers: response.headers,
  }).retry;
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
