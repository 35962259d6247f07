/**
 * The shapes of the HTTP pipeline every call goes through, after the generated hey-api SDK
 * function has serialized it: named policies, each `sendRequest(request, next)`, in the form Azure
 * SDK users know from `@azure/core-rest-pipeline`. Users add their own with
 * `BatchClientOptions.additionalPolicies`.
 *
 * @module
 */

/**
 * A request as the policies see it. Policies may change it in place (set a header, rewrite the
 * URL) or pass on a changed copy (`{ ...request, url }`); the request a `perRetry` policy gets is a
 * fresh copy for each attempt, so what it changes does not pile up across retries.
 */
export interface PipelineRequest {
  /** The HTTP method, upper case, e.g. `POST`. */
  method: string;
  /** The absolute URL, query included. */
  url: string;
  /**
   * The request headers. In both positions they are not signed yet: a header set here (`ocp-*`
   * included) is covered by the Shared Key signature, and `authorization` is not present.
   */
  readonly headers: Headers;
  /** The serialized body (JSON text), if the operation sends one. */
  body?: string;
  /** The client operation, `group.method`, e.g. `certificate.add`. */
  readonly operation: string;
  /**
   * Aborts the request: in `perCall` position the caller's `abortSignal`; in `perRetry` position
   * the attempt's signal (the caller's signal or the per-attempt timeout, whichever fires first).
   * Pass it on to any I/O a policy does.
   */
  abortSignal?: AbortSignal;
}

/** Sends a request through the rest of the pipeline. */
export type SendRequest = (request: PipelineRequest) => Promise<Response>;

/**
 * One named step of the pipeline. `sendRequest` calls `next(request)` to continue and returns its
 * response, or returns a response of its own, or throws: a policy that throws fails the call with
 * its own error (it is not retried unless it is a timeout of the attempt).
 */
export interface PipelinePolicy {
  /** A name for logs and diagnostics, e.g. `myTracing`. */
  readonly name: string;
  /**
   * Handles one request: change it and call `next(request)`, or answer without calling `next`.
   * To read the body of the answer, read a clone and return the original.
   */
  sendRequest(request: PipelineRequest, next: SendRequest): Promise<Response>;
}

/**
 * Where an additional policy runs:
 * - `perCall`: once per request the call sends (a paged list sends one per page; the lost-add
 *   read-back is a request of its own), outside the retry loop;
 * - `perRetry`: on every attempt, inside the retry loop, before the request is signed.
 */
export type PipelinePolicyPosition = 'perCall' | 'perRetry';

/** A user policy and its position (`BatchClientOptions.additionalPolicies`). */
export interface AdditionalPolicy {
  readonly policy: PipelinePolicy;
  readonly position: PipelinePolicyPosition;
}
