/**
 * The shapes of the HTTP pipeline every call goes through, after the generated hey-api SDK
 * function has serialized it: named policies, each `sendRequest(request, next)`, in the form Azure
 * SDK users know from `@azure/core-rest-pipeline`. Users add their own with
 * `BatchClientOptions.additionalPolicies`. The pipeline is built once per client; what differs
 * from call to call travels on the request (`timeoutInMs`, `retryOptions`, `abortSignal`, ...),
 * as Azure core's `PipelineRequest` carries its `timeout` and `abortSignal`.
 *
 * @module
 */
import type { ResolvedRetryOptions } from '../retry/retry-strategy.js';

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
   * included) is covered by the Shared Key signature, and `authorization` is never present (the
   * signature and the `ocp-date` the client stamps are added to what is sent, not to this object).
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
  /**
   * Time allowed for one attempt, in ms, from the start of the attempt to the end of the answer's
   * body (streamed downloads: to its headers): the call's `timeoutInMs`, else the client's.
   * `Infinity` means no limit. Read by the retry policy.
   */
  readonly timeoutInMs: number;
  /** This call's retry options: the client's, with the call's `retry` over them, resolved once. */
  readonly retryOptions: ResolvedRetryOptions;
  /**
   * `true` for downloads: a success answer's body is handed on unread, as a stream. Otherwise
   * every answer is read to the end inside its attempt.
   */
  readonly streamResponseBody: boolean;
  /**
   * What the retry policy learns about this request's attempts; the client reads it after the
   * pipeline to tell an error its own retry caused from a real one. Shared by copies of the
   * request (`{ ...request }`), so a policy's copy reports to the same record.
   */
  readonly attempts: AttemptRecord;
}

/**
 * What the retry policy records about the attempts of one request. Read it, never write it: the
 * client decides from it whether a conflict on a retry was caused by an earlier attempt.
 */
export interface AttemptRecord {
  /** Attempts made so far (1 after the first). */
  count: number;
  /**
   * An attempt before the last may have taken effect on the service: it was sent and got no
   * answer, or an ambiguous one (500, 502, 504; see `mayHaveTakenEffect`).
   */
  earlierMayHaveTakenEffect: boolean;
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
   * The answers `next` returns have been read to the end (streamed downloads excepted): reading
   * their body (or a clone's) costs no I/O.
   */
  sendRequest(request: PipelineRequest, next: SendRequest): Promise<Response>;
}

/**
 * Where an additional policy runs:
 * - `perCall`: once per request the call sends (a paged list sends one per page; a read-back
 *   after the client's own retry is a request of its own), outside the retry loop;
 * - `perRetry`: on every attempt, inside the retry loop, before the request is signed.
 */
export type PipelinePolicyPosition = 'perCall' | 'perRetry';

/** A user policy and its position (`BatchClientOptions.additionalPolicies`). */
export interface AdditionalPolicy {
  readonly policy: PipelinePolicy;
  readonly position: PipelinePolicyPosition;
}
