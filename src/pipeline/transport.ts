/**
 * The end of the pipeline: one `fetch` per attempt. What `fetch` throws (no response: refused,
 * reset, DNS, TLS, aborted) passes through the policies as it is — a `perRetry` policy sees the
 * same error it would see from `fetch` — and is remembered, so the retry policy can tell "the
 * request may have been sent and no answer came" (retried) from an error a policy threw (not).
 *
 * @module
 */
import type { PipelineRequest, SendRequest } from './pipeline-policy.js';

/** Errors `fetch` threw in the transport; a `WeakSet` so nothing is kept alive. */
const transportErrors = new WeakSet<object>();

/** Whether `error` is what `fetch` threw in the transport (unwrapped by any policy). */
export function isTransportError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && transportErrors.has(error);
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
      // A non-object rejection (a custom fetch may reject with a string) is boxed to be known.
      const known =
        typeof error === 'object' && error !== null
          ? error
          : new Error(String(error), { cause: error });
      transportErrors.add(known);
      throw known;
    }
  };
}
