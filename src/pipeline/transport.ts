/**
 * The end of the pipeline: one `fetch` per attempt. A failure of `fetch` itself (no response:
 * refused, reset, DNS, TLS, aborted) is wrapped in {@link TransportFailure}, so the retry policy
 * can tell "the request may have been sent and no answer came" from an error thrown by a policy.
 *
 * @module
 */
import type { PipelineRequest, SendRequest } from './pipeline-policy.js';

/** `fetch` rejected: no response. `cause` is what it threw. Internal to the pipeline. */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(cause: unknown) {
    super('fetch failed', { cause });
  }
}

/** The terminal `next` of the pipeline, sending with `fetchImpl`. */
export function createTransport(fetchImpl: typeof fetch): SendRequest {
  return async (request: PipelineRequest) => {
    try {
      return await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.abortSignal,
      });
    } catch (error) {
      throw new TransportFailure(error);
    }
  };
}
