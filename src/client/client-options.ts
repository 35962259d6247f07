/**
 * Options of {@link BatchClient} and of each call, with every default in one place.
 */

import type { DeprecationWarningMode } from '../deprecation/deprecation-warnings.js';
import type { AdditionalPolicy } from '../pipeline/pipeline-policy.js';
import type { RetryOptions } from '../retry/retry-strategy.js';
import type { Sleep } from '../retry/sleep.js';

/**
 * Options of a {@link BatchClient}. Every member is optional, and `undefined` means not given
 * (so `{ userAgentPrefix: process.env.APP }` type-checks under `exactOptionalPropertyTypes`);
 * defaults are listed with each.
 */
export interface BatchClientOptions {
  /**
   * The `fetch` to send requests with. Default: in Node, Node's own `node:http`/`node:https` with
   * a keep-alive agent per client (as `@azure/core-rest-pipeline` sends in Node; cheaper than
   * undici's `fetch`); elsewhere (browsers, Deno, Bun, workerd) `globalThis.fetch`. Given, it is
   * used everywhere: it is called as `fetch(url, { method, headers, body, signal, redirect:
   * 'manual' })` — `body` the JSON text, or bytes where the request names no Content-Type; a
   * redirect is the call's answer, never followed — and must return a promise of a `Response`.
   */
  fetch?: typeof fetch | undefined;
  /** Deprecation warnings for deprecated operations. Default: `'once'`. */
  deprecationWarnings?: DeprecationWarningMode | undefined;
  /**
   * Validate bodies and parameters against the spec before sending (no request goes out when
   * they are invalid). Default: `true`. Turn off only when the service accepts something the
   * spec does not describe.
   */
  validation?: boolean | undefined;
  /** Prepended to the `User-Agent` header, e.g. `my-app/1.2`. Default: none. */
  userAgentPrefix?: string | undefined;
  /**
   * Retry policy (`DEFAULT_RETRY_OPTIONS`; what is retried: the README's Troubleshooting section).
   * Default: 3 retries from 800 ms, cap 60 s.
   */
  retry?: RetryOptions | undefined;
  /**
   * Time allowed for one attempt, from sending the request to the end of the response body (for
   * streamed downloads: to the response headers), in ms. Default: 60 000.
   */
  timeoutInMs?: number | undefined;
  /** Allow `http://` account URLs (local emulators only). Default: `false`. */
  allowInsecureConnection?: boolean | undefined;
  /**
   * When an earlier attempt of a state-changing call may have taken effect (no answer, or a
   * 500/502/504 answer) and the client's own retry meets the conflict or not-found that the
   * earlier attempt caused, check the state the caller asked for and resolve the call when it
   * holds, flagged `recoveredFromConflict: true` (409) or `recoveredFromNotFound: true` (404):
   * an add (`409 …Exists`: the resource read back is the one sent), a delete (`404`: it is gone;
   * `409`: read back, gone or `deleting`) and, where the spec's overlay names the state an action
   * asks for, that action (cancelDeletion: `409`, read back `active`). The same answer on the
   * first attempt is always an error. The name is older than its reach: it covers every such
   * operation, not only adds. Default: `true`.
   */
  reconcileLostAdds?: boolean | undefined;
  /** Clock in ms since the epoch (stamps `ocp-date`, token expiry). Default: `Date.now`. */
  now?: (() => number) | undefined;
  /** Random number in [0, 1) for backoff jitter. Default: `Math.random`. */
  random?: (() => number) | undefined;
  /** Source of `client-request-id` values. Default: `crypto.randomUUID`. */
  randomUUID?: (() => string) | undefined;
  /** Waits between attempts; must reject when the signal aborts. Default: a timer-based sleep. */
  sleep?: Sleep | undefined;
  /**
   * Receives deprecation warnings instead of `process.emitWarning` (or `console.warn` outside
   * Node). Default: the platform's warning channel.
   */
  onWarning?: ((message: string, code: string) => void) | undefined;
  /**
   * Your own policies in the HTTP pipeline, the shape of `@azure/core-rest-pipeline`:
   * `{ policy: { name, sendRequest(request, next) }, position: 'perCall' | 'perRetry' }`.
   * `perCall` policies run once per request, outside the retry loop, in the order given;
   * `perRetry` policies run on every attempt, before the request is signed, so a header they set
   * (`ocp-*` included) is covered by the Shared Key signature. Rules and examples:
   * src/client/README.md, "Extending the pipeline". Default: none.
   */
  additionalPolicies?: readonly AdditionalPolicy[] | undefined;
}

/**
 * Options every operation method accepts besides the operation's own parameters: the Azure SDK's
 * `abortSignal` and `onResponse`, and the client options a call may override (`retry`,
 * `timeoutInMs`). Azure's `requestOptions` bag is not taken (a `BatchValidationError` says what to
 * use instead): its `timeout` is `timeoutInMs` here, and headers the spec does not describe are
 * set by a policy (`BatchClientOptions.additionalPolicies`), where they are signed too.
 */
export interface OperationCallOptions {
  /** Cancels the call, including a wait between retries. */
  abortSignal?: AbortSignal | undefined;
  /** Overrides the client's retry policy for this call. */
  retry?: RetryOptions | undefined;
  /** Overrides the client's per-attempt timeout for this call, in ms (`Infinity`: no limit). */
  timeoutInMs?: number | undefined;
  /**
   * Called with each raw answer the call gets — every page of a list, an error answer before the
   * client throws its error, and the read-back of a recovered retry — for headers and details the
   * spec does not describe. Called once per answer (retried attempts excepted), before the method
   * resolves or rejects; if it throws, the call rejects with that error.
   */
  onResponse?: ((rawResponse: BatchRawResponse, error?: unknown) => void) | undefined;
}

/**
 * A raw answer, as `onResponse` gets it (the shape of `@azure-rest/core-client`'s
 * `FullOperationResponse`, with the platform's `Headers`).
 */
export interface BatchRawResponse {
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body as text (`''` when empty); `undefined` for a streamed download's success. */
  readonly bodyAsText: string | undefined;
  /** The parsed result (dates as `Date`) for a JSON success; `undefined` otherwise. */
  readonly parsedBody: unknown;
  /** The request that was answered, as the policies saw it: never its signature. */
  readonly request: { readonly method: string; readonly url: string; readonly headers: Headers };
}

/** The names of {@link OperationCallOptions}: every method accepts them besides its own options. */
export const CALL_OPTION_NAMES: readonly (keyof OperationCallOptions)[] = Object.freeze([
  'abortSignal',
  'retry',
  'timeoutInMs',
  'onResponse',
]);

/** Defaults of {@link BatchClientOptions}, in one place. */
export const DEFAULT_CLIENT_OPTIONS = Object.freeze({
  deprecationWarnings: 'once' as DeprecationWarningMode,
  validation: true,
  timeoutInMs: 60_000,
  allowInsecureConnection: false,
  reconcileLostAdds: true,
});

export type { DeprecationWarningMode };
