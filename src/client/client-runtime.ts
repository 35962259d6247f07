/**
 * Everything a client's methods need at run time, resolved once per client from
 * {@link BatchClientOptions} and the generated module: defaults applied, every option checked
 * (all problems reported together as one BatchValidationError), the account URL checked, retry
 * options resolved, the hey-api client and SDK made, the transport chosen and the pipeline
 * composed (perCall → retry → perRetry → sign → transport).
 *
 * @module
 */
import { BatchValidationError } from '../errors/batch-validation-error.js';
import { createFetchTransport } from '../pipeline/fetch-transport.js';
import { createNodeHttpTransport, nodeHttpModules } from '../pipeline/node-http-transport.js';
import type { PipelinePolicy, SendRequest } from '../pipeline/pipeline-policy.js';
import { type BatchCredential, createSignPhase } from '../pipeline/sign-phase.js';
import type { Transport } from '../pipeline/transport.js';
import { retryPolicy } from '../retry/retry-policy.js';
import { type ResolvedRetryOptions, resolveRetryOptions } from '../retry/retry-strategy.js';
import { sleep as defaultSleep } from '../retry/sleep.js';
import { collectionSegments } from '../table/collection-segments.js';
import type { OperationSpec } from '../table/operation-table.js';
import { VERSION } from '../version.js';
import { parseAccountUrl } from './account-url.js';
import { checkClientOptions } from './check-client-options.js';
import {
  type BatchClientOptions,
  DEFAULT_CLIENT_OPTIONS,
  type DeprecationWarningMode,
} from './client-options.js';
import type { CreateHeyApiClient, GeneratedModule, SdkFunction } from './generated-module.js';
import { shapeCheck } from './response-shape.js';
export interface ClientRuntime {
  /** The account URL without a trailing slash. */
  readonly baseUrl: string;
  readonly generated: GeneratedModule;
  /** The SDK method of an operation, bound to this client's hey-api client. */
  sdkFunction(operation: OperationSpec): SdkFunction;
  /** hey-api's `responseValidator` for an operation's result shape (made once per operation). */
  shapeCheck(operation: OperationSpec): ((data: unknown) => Promise<void>) | undefined;
  /** The HTTP pipeline, composed once. */
  readonly pipeline: SendRequest;
  readonly deprecationWarnings: DeprecationWarningMode;
  readonly onWarning?: (message: string, code: string) => void;
  readonly validation: boolean;
  readonly reconcileLostAdds: boolean;
  readonly randomUUID: () => string;
  /** The client's retry options, resolved once; calls without `retry` carry this object. */
  readonly retry: ResolvedRetryOptions;
  readonly timeoutInMs: number;
}

export function createClientRuntime(
  accountUrl: string,
  credential: BatchCredential,
  options: BatchClientOptions,
  generated: GeneratedModule,
): ClientRuntime {
  const o = { ...DEFAULT_CLIENT_OPTIONS, ...stripUndefined(options) };
  const issues = checkClientOptions(o, Object.keys(options));
  if (issues.length > 0) throw new BatchValidationError(issues);
  const baseUrl = parseAccountUrl(
    accountUrl,
    o.allowInsecureConnection,
    collectionSegments(generated.operations),
  );
  const now = o.now ? checkedClock(o.now) : Date.now;
  const retry = resolveRetryOptions(o.retry);
  const ua = `batch-rest-client/${VERSION}`;
  const policies = o.additionalPolicies ?? [];
  const perRetry = policiesAt(policies, 'perRetry');
  const pipeline = createPipeline({
    perCall: policiesAt(policies, 'perCall'),
    retry: retryPolicy({
      sleep: o.sleep ?? defaultSleep,
      random: o.random ?? Math.random,
      now,
      clientRetryOptions: retry,
      copyPerAttempt: perRetry.length > 0,
    }),
    perRetry,
    send: createSignPhase(credential, now, chooseTransport(o.fetch), o.fetch ?? PLATFORM_SENDER),
  });
  const heyClient = (generated.createClient as unknown as CreateHeyApiClient)({
    baseUrl,
    headers: {
      accept: 'application/json',
      'user-agent': o.userAgentPrefix ? `${o.userAgentPrefix} ${ua}` : ua,
    },
  });
  // One SDK instance per client. hey-api's SDK class also keeps the newest instance in a static
  // registry (for its own default-instance lookup, unused here): one small object, no secrets.
  const sdk = new generated.sdk.BatchSdk({ client: heyClient as never }) as Record<string, unknown>;
  const shapeChecks = new Map<OperationSpec, ReturnType<typeof shapeCheck>>();
  return {
    baseUrl,
    generated,
    sdkFunction(operation) {
      const method = sdk[operation.sdkFunction];
      if (typeof method !== 'function') {
        throw new Error(`the generated SDK has no method ${operation.sdkFunction}`);
      }
      return (sdkOptions) => (method as SdkFunction).call(sdk, sdkOptions);
    },
    shapeCheck(operation) {
      if (!shapeChecks.has(operation)) {
        shapeChecks.set(operation, shapeCheck(operation, generated.validators));
      }
      return shapeChecks.get(operation);
    },
    pipeline,
    deprecationWarnings: o.deprecationWarnings as DeprecationWarningMode,
    onWarning: o.onWarning,
    validation: o.validation,
    reconcileLostAdds: o.reconcileLostAdds,
    randomUUID: o.randomUUID ?? (() => globalThis.crypto.randomUUID()),
    retry,
    timeoutInMs: o.timeoutInMs,
  };
}

/** The sender of every client without a `fetch` of its own: the platform's HTTP stack. */
const PLATFORM_SENDER = Object.freeze({ sender: 'the platform' });

/**
 * The caller's `fetch` when given; else Node's own `node:http` in Node, and the platform's
 * `fetch` everywhere else (looked up per request, so a polyfill installed later is used).
 */
function chooseTransport(fetchOption: typeof fetch | undefined): Transport {
  if (fetchOption) return createFetchTransport(fetchOption);
  const node = nodeHttpModules();
  if (node) return createNodeHttpTransport(node);
  return createFetchTransport((input, init) => globalThis.fetch(input, init));
}

/**
 * A caller's clock, checked on every reading: a clock that returns no time (NaN, a string) is the
 * caller's mistake, reported as such before anything is sent, not an `ocp-date: Invalid Date` the
 * service refuses.
 */
function checkedClock(clock: () => number): () => number {
  return () => {
    const time = clock();
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new TypeError(
        `options.now must return a finite number of milliseconds since the epoch; it returned ${typeof time === 'number' ? String(time) : `a ${typeof time}`}.`,
      );
    }
    return time;
  };
}

function policiesAt(
  policies: readonly { policy: PipelinePolicy; position: string }[],
  position: 'perCall' | 'perRetry',
): PipelinePolicy[] {
  return policies.filter((p) => p.position === position).map((p) => p.policy);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The HTTP pipeline of a client, composed once when the client is made. Phases, in order:
 *
 * ```text
 * perCall policies → retry → [perRetry policies → sign → transport] per attempt
 * ```
 *
 * Validation and serialization come before it (the generated hey-api SDK method), and
 * deserialization after it (hey-api's parser, then the client's result and error mapping); see
 * `send-call.ts`. What differs from call to call travels on the request.
 */
interface PipelinePhases {
  readonly perCall: readonly PipelinePolicy[];
  readonly retry: PipelinePolicy;
  readonly perRetry: readonly PipelinePolicy[];
  /** Signs each attempt and sends it (the sign phase in front of the transport). */
  readonly send: SendRequest;
}

/** Chains the phases in order: the first policy runs first; each one's `next` is the rest. */
function createPipeline(phases: PipelinePhases): SendRequest {
  const policies = [...phases.perCall, phases.retry, ...phases.perRetry];
  let next = phases.send;
  for (let i = policies.length - 1; i >= 0; i--) {
    const policy = policies[i]!;
    const rest = next;
    next = (request) => policy.sendRequest(request, rest);
  }
  return next;
}
