/**
 * Options of {@link BatchClient} and of each call, with every default in one place.
 */

import type { DeprecationWarningMode } from '../deprecation/deprecation-warnings.js';
import type { AdditionalPolicy } from '../pipeline/pipeline-policy.js';
import type { RetryOptions } from '../retry/retry-options.js';
import type { Sleep } from '../retry/sleep.js';

/** Options of a {@link BatchClient}. Every member is optional; defaults are listed with each. */
export interface BatchClientOptions {
  /** The `fetch` to send requests with. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Deprecation warnings for deprecated operations. Default: `'once'`. */
  deprecationWarnings?: DeprecationWarningMode;
  /**
   * Validate bodies and parameters against the spec before sending (no request goes out when
   * they are invalid). Default: `true`. Turn off only when the service accepts something the
   * spec does not describe.
   */
  validation?: boolean;
  /** Prepended to the `User-Agent` header, e.g. `my-app/1.2`. Default: none. */
  userAgentPrefix?: string;
  /** Retry policy; see the README's Reliability section. Default: 3 retries from 800 ms, cap 60 s. */
  retry?: RetryOptions;
  /**
   * Time allowed for one attempt, from sending the request to the end of the response body (for
   * streamed downloads: to the response headers), in ms. Default: 60 000.
   */
  timeoutInMs?: number;
  /** Allow `http://` account URLs (local emulators only). Default: `false`. */
  allowInsecureConnection?: boolean;
  /**
   * When an earlier attempt of an add may have taken effect (no answer, or a 500/502/504 answer)
   * and the client's own retry answers `409 …Exists`, read the resource back and resolve as
   * success when it is the one sent (the result is then flagged `recoveredFromConflict: true`).
   * A 409 on the first attempt is always an error. Default: `true`.
   */
  reconcileLostAdds?: boolean;
  /** Clock in ms since the epoch (stamps `ocp-date`, token expiry). Default: `Date.now`. */
  now?: () => number;
  /** Random number in [0, 1) for backoff jitter. Default: `Math.random`. */
  random?: () => number;
  /** Source of `client-request-id` values. Default: `crypto.randomUUID`. */
  randomUUID?: () => string;
  /** Waits between attempts; must reject when the signal aborts. Default: a timer-based sleep. */
  sleep?: Sleep;
  /**
   * Receives deprecation warnings instead of `process.emitWarning` (or `console.warn` outside
   * Node). Default: the platform's warning channel.
   */
  onWarning?: (message: string, code: string) => void;
  /**
   * Your own policies in the HTTP pipeline, the shape of `@azure/core-rest-pipeline`:
   * `{ policy: { name, sendRequest(request, next) }, position: 'perCall' | 'perRetry' }`.
   * `perCall` policies run once per request, outside the retry loop, in the order given;
   * `perRetry` policies run on every attempt, before the request is signed, so a header they set
   * (`ocp-*` included) is covered by the Shared Key signature. See the README's "Extending the
   * pipeline". Default: none.
   */
  additionalPolicies?: readonly AdditionalPolicy[];
}

/** Options every operation method accepts besides the operation's own parameters. */
export interface OperationCallOptions {
  /** Cancels the call, including a wait between retries. */
  abortSignal?: AbortSignal;
  /** Overrides the client's retry policy for this call. */
  retry?: RetryOptions;
  /** Overrides the client's per-attempt timeout for this call, in ms. */
  timeoutInMs?: number;
}

/** The names of {@link OperationCallOptions}: every method accepts them besides its own options. */
export const CALL_OPTION_NAMES: readonly (keyof OperationCallOptions)[] = Object.freeze([
  'abortSignal',
  'retry',
  'timeoutInMs',
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
