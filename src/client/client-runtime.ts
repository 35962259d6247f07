/**
 * Everything a client's methods need at run time, resolved once per client from
 * {@link BatchClientOptions} and the generated module: defaults applied, options checked, retry
 * options resolved, the credential turned into the authorization policy, the hey-api client
 * configured, the HTTP policies and the per-call chain built.
 */
import type { PipelinePolicy, SendRequest } from '../pipeline/pipeline-policy.js';
import type { ResolvedRetryOptions } from '../retry/retry-options.js';
import type { RetryStrategy } from '../retry/retry-strategy.js';
import type { Sleep } from '../retry/sleep.js';
import type { NextStep } from './call.js';
import type { DeprecationWarningMode } from './client-options.js';
import type { GeneratedModule, HeyApiClient } from './generated-module.js';

export interface ClientRuntime {
  /** The account URL without a trailing slash. */
  readonly baseUrl: string;
  readonly generated: GeneratedModule;
  /** The hey-api client every SDK function is called with (base URL, default headers). */
  readonly heyClient: HeyApiClient;
  readonly deprecationWarnings: DeprecationWarningMode;
  readonly onWarning?: (message: string, code: string) => void;
  readonly validation: boolean;
  readonly reconcileLostAdds: boolean;
  readonly now: () => number;
  readonly random: () => number;
  readonly randomUUID: () => string;
  readonly sleep: Sleep;
  /** The client's retry options, resolved once. */
  readonly retry: ResolvedRetryOptions;
  /** The retry strategy of calls that do not override `retry`. */
  readonly strategy: RetryStrategy;
  readonly timeoutInMs: number;
  readonly perCallPolicies: readonly PipelinePolicy[];
  readonly perRetryPolicies: readonly PipelinePolicy[];
  /** Shared Key signing or the bearer token. */
  readonly authorization: PipelinePolicy;
  /** `fetch`, as the end of the pipeline. */
  readonly transport: SendRequest;
  /** The per-call chain (`call.ts`), for a step that makes a call of its own. */
  readonly call: NextStep;
}
