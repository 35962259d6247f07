/**
 * The outermost policy: the final answer of a request (after retries) that is not a success
 * becomes a `BatchServiceError`, parsed from the body (read by the retry loop). An existence check
 * (HEAD with a declared 404) passes its 404 on as the answer "false".
 *
 * @module
 */
import { parseBatchError, type RetirementNotice } from '../errors/parse-batch-error.js';
import type { PipelinePolicy } from './pipeline-policy.js';

export interface ServiceErrorPolicyOptions {
  /** The operation's declared success statuses (any 2xx is a success too). */
  readonly successStatuses: readonly number[];
  /** A HEAD existence check: 404 means "does not exist", not an error. */
  readonly isExistenceCheck: boolean;
  /** Set when the service retired the operation: how to recognise and explain its answer. */
  readonly retirement?: RetirementNotice;
}

export function serviceErrorPolicy(options: ServiceErrorPolicyOptions): PipelinePolicy {
  return {
    name: 'serviceError',
    async sendRequest(request, next) {
      const response = await next(request);
      const { status } = response;
      const ok = (status >= 200 && status < 300) || options.successStatuses.includes(status);
      if (ok || (options.isExistenceCheck && status === 404)) return response;
      throw parseBatchError({
        status,
        statusText: response.statusText,
        headers: response.headers,
        bodyText: await response.text(),
        operation: request.operation,
        request: { method: request.method, url: request.url },
        retirement: options.retirement,
      });
    },
  };
}
