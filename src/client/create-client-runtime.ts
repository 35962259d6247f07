/**
 * Resolves {@link BatchClientOptions} into a {@link ClientRuntime}, once per client: defaults
 * applied, every option checked (all problems reported together as one BatchValidationError),
 * the account URL checked, retry options resolved, the credential turned into the authorization
 * policy, the user's policies sorted by position, the hey-api client configured and the per-call
 * chain built.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { authorizationPolicy, type BatchCredential } from '../pipeline/authorization-policy.js';
import type { AdditionalPolicy, PipelinePolicy } from '../pipeline/pipeline-policy.js';
import { createTransport } from '../pipeline/transport.js';
import { resolveRetryOptions } from '../retry/retry-options.js';
import { createRetryStrategy } from '../retry/retry-strategy.js';
import { sleep as defaultSleep } from '../retry/sleep.js';
import { collectionSegments } from '../table/collection-segments.js';
import { VERSION } from '../version.js';
import { parseAccountUrl } from './account-url.js';
import { composeSteps } from './call.js';
import {
  type BatchClientOptions,
  DEFAULT_CLIENT_OPTIONS,
  type DeprecationWarningMode,
} from './client-options.js';
import type { ClientRuntime } from './client-runtime.js';
import type { CreateHeyApiClient, GeneratedModule } from './generated-module.js';
import { headerValueIssue, UNSAFE_HEADER_VALUE } from './place-arguments.js';
import { deprecationStep } from './steps/deprecation-step.js';
import { lostAddStep } from './steps/lost-add-step.js';
import { normalizeStep } from './steps/normalize-step.js';
import { sendStep } from './steps/send-step.js';
import { validationStep } from './steps/validation-step.js';
import { timeoutIssue } from './timeout-rule.js';

const MODES = new Set(['once', 'always', 'off', 'error']);
/** Every member of BatchClientOptions: anything else is a typo, reported, never ignored. */
const KNOWN_OPTIONS: ReadonlySet<string> = new Set<keyof BatchClientOptions>([
  'fetch',
  'deprecationWarnings',
  'validation',
  'userAgentPrefix',
  'retry',
  'timeoutInMs',
  'allowInsecureConnection',
  'reconcileLostAdds',
  'now',
  'random',
  'randomUUID',
  'sleep',
  'onWarning',
  'additionalPolicies',
]);
const POSITIONS = new Set(['perCall', 'perRetry']);

export function createClientRuntime(
  accountUrl: string,
  credential: BatchCredential,
  options: BatchClientOptions,
  generated: GeneratedModule,
): ClientRuntime {
  const o = { ...DEFAULT_CLIENT_OPTIONS, ...stripUndefined(options) };
  const issues = checkClientOptions(o);
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) {
      issues.push({
        path: `options.${name}`,
        rule: 'unknownOption',
        message: `is not a BatchClientOptions member (its members: ${[...KNOWN_OPTIONS].join(', ')})`,
      });
    }
  }
  if (issues.length > 0) throw new BatchValidationError(issues);
  const baseUrl = parseAccountUrl(
    accountUrl,
    o.allowInsecureConnection,
    collectionSegments(generated.operations),
  );
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const retry = resolveRetryOptions(o.retry);
  const ua = `batch-rest-client/${VERSION}`;
  const policies = o.additionalPolicies ?? [];
  const fetchImpl = o.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const heyClient = (generated.createClient as unknown as CreateHeyApiClient)({
    baseUrl,
    // hey-api's option: plain JSON. Its default adds a replacer for bigint values, which cost a
    // call per key; our models have none (the transformers are generated with bigInt: false).
    bodySerializer: (body: unknown) => JSON.stringify(body),
    headers: {
      accept: 'application/json',
      'user-agent': o.userAgentPrefix ? `${o.userAgentPrefix} ${ua}` : ua,
    },
  });
  const runtime: Omit<ClientRuntime, 'call'> & { call?: ClientRuntime['call'] } = {
    baseUrl,
    generated,
    heyClient,
    deprecationWarnings: o.deprecationWarnings as DeprecationWarningMode,
    onWarning: o.onWarning,
    validation: o.validation,
    reconcileLostAdds: o.reconcileLostAdds,
    now,
    random,
    randomUUID: o.randomUUID ?? (() => globalThis.crypto.randomUUID()),
    sleep: o.sleep ?? defaultSleep,
    retry,
    strategy: createRetryStrategy(retry, { random, now }),
    timeoutInMs: o.timeoutInMs,
    perCallPolicies: policiesAt(policies, 'perCall'),
    perRetryPolicies: policiesAt(policies, 'perRetry'),
    authorization: authorizationPolicy(credential, now),
    transport: createTransport(fetchImpl),
  };
  const complete = runtime as ClientRuntime;
  runtime.call = composeSteps(
    [normalizeStep, deprecationStep(complete), validationStep(complete), lostAddStep(complete)],
    sendStep(complete),
  );
  return complete;
}

function policiesAt(
  policies: readonly AdditionalPolicy[],
  position: AdditionalPolicy['position'],
): PipelinePolicy[] {
  return policies.filter((p) => p.position === position).map((p) => p.policy);
}

/** Every bad client option, reported together like any other invalid argument. */
function checkClientOptions(o: BatchClientOptions): BatchValidationIssue[] {
  const issues: BatchValidationIssue[] = [];
  if (!MODES.has(o.deprecationWarnings ?? 'once')) {
    issues.push({
      path: 'options.deprecationWarnings',
      rule: 'enum',
      message: 'must be one of "once", "always", "off", "error"',
    });
  }
  const timeout = timeoutIssue(o.timeoutInMs);
  if (timeout) issues.push(timeout);
  if (o.userAgentPrefix !== undefined && UNSAFE_HEADER_VALUE.test(o.userAgentPrefix)) {
    issues.push(headerValueIssue('options.userAgentPrefix'));
  }
  try {
    resolveRetryOptions(o.retry);
  } catch (error) {
    issues.push({ path: 'options.retry', rule: 'retryOptions', message: (error as Error).message });
  }
  if (typeof (o.fetch ?? globalThis.fetch) !== 'function') {
    issues.push({
      path: 'options.fetch',
      rule: 'type',
      message: 'must be a fetch function (none is available globally)',
    });
  }
  issues.push(...policyIssues(o.additionalPolicies));
  return issues;
}

/** `additionalPolicies`: an array of `{ policy: { name, sendRequest }, position }`. */
function policyIssues(policies: unknown): BatchValidationIssue[] {
  if (policies === undefined) return [];
  if (!Array.isArray(policies)) {
    return [{ path: 'options.additionalPolicies', rule: 'type', message: 'must be an array' }];
  }
  const issues: BatchValidationIssue[] = [];
  policies.forEach((entry: Partial<AdditionalPolicy> | null, i) => {
    const path = `options.additionalPolicies[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      issues.push({ path, rule: 'type', message: 'must be an object { policy, position }' });
      return;
    }
    if (!POSITIONS.has(entry.position as string)) {
      issues.push({
        path: `${path}.position`,
        rule: 'enum',
        message: 'must be "perCall" or "perRetry"',
      });
    }
    const policy = entry.policy as Partial<PipelinePolicy> | undefined;
    if (typeof policy?.name !== 'string' || policy.name === '') {
      issues.push({
        path: `${path}.policy.name`,
        rule: 'type',
        message: 'must be a non-empty string',
      });
    }
    if (typeof policy?.sendRequest !== 'function') {
      issues.push({
        path: `${path}.policy.sendRequest`,
        rule: 'type',
        message: 'must be a function (request, next) => Promise<Response>',
      });
    }
  });
  return issues;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
