/**
 * The outermost policy: it reads the final answer of a request (after retries and the `perCall`
 * policies; downloads excepted) and records its text for the checks around hey-api; an answer that
 * is not a success becomes a `BatchServiceError`, parsed from that text. An existence check (HEAD
 * with a declared 404) passes its 404 on as the answer "false".
 *
 * @module
 */
import { parseBatchError, type RetirementNotice } from '../errors/parse-batch-error.js';
import { answerText, hasText, readAnswer } from './answer-text.js';
import type { PipelinePolicy } from './pipeline-policy.js';
import type { RequestState } from './retry-policy.js';

export interface ServiceErrorPolicyOptions {
  /** A HEAD existence check: 404 means "does not exist", not an error. */
  readonly isExistenceCheck: boolean;
  /** Set when the service retired the operation: how to recognise and explain its answer. */
  readonly retirement?: RetirementNotice;
  /** Read a successful answer's body (false for streamed downloads). */
  readonly readBody: boolean;
  /** Where the final answer's text is recorded. */
  readonly state: RequestState;
}

export function serviceErrorPolicy(options: ServiceErrorPolicyOptions): PipelinePolicy {
  return {
    name: 'serviceError',
    async sendRequest(request, next) {
      const answer = await next(request);
      const { status } = answer;
      if (answer.bodyUsed && !hasText(answer)) {
        // A perCall policy read the body of an answer nobody had read, and passed it on.
        throw new TypeError(
          `A perCall policy read the body of the ${status} answer to ${request.operation}; read a clone (response.clone()) in a policy instead.`,
        );
      }
      const ok = status >= 200 && status < 300;
      if (ok && !options.readBody) return answer;
      const { response, text } = await answerText(answer);
      // hey-api reads the body once more: hand it a readable one if a policy read this one.
      const forHeyApi = response.bodyUsed ? readAnswer(response, text) : response;
      options.state.bodyText = text;
      if (ok || (options.isExistenceCheck && status === 404)) return forHeyApi;
      throw parseBatchError({
        status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText: text,
        operation: request.operation,
        request: { method: request.method, url: request.url },
        retirement: options.retirement,
      });
    },
  };
}
