/**
 * Checks {@link BatchClientOptions} once, when a client is made: every problem is an issue, and
 * the client throws them together as one `BatchValidationError` (an unknown member — a typo — is
 * one of them, never ignored). Pure.
 *
 * @module
 */
import type { BatchValidationIssue } from '../errors/batch-validation-error.js';
import type { AdditionalPolicy, PipelinePolicy } from '../pipeline/pipeline-policy.js';
import { resolveRetryOptions } from '../retry/retry-strategy.js';
import type { BatchClientOptions } from './client-options.js';
import { headerValueIssue, UNSAFE_HEADER_VALUE } from './place-arguments.js';
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
const FUNCTIONS = ['now', 'random', 'randomUUID', 'sleep', 'onWarning'] as const;
const BOOLEANS = ['validation', 'allowInsecureConnection', 'reconcileLostAdds'] as const;

/**
 * @param o - the options with the defaults applied
 * @param given - the names the caller gave (checked against the known members)
 */
export function checkClientOptions(
  o: BatchClientOptions,
  given: readonly string[],
): BatchValidationIssue[] {
  const issues: BatchValidationIssue[] = [];
  for (const name of given) {
    if (!KNOWN_OPTIONS.has(name)) {
      issues.push({
        path: `options.${name}`,
        rule: 'unknownOption',
        message: `is not a BatchClientOptions member (its members: ${[...KNOWN_OPTIONS].join(', ')})`,
      });
    }
  }
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
  if (o.fetch !== undefined && typeof o.fetch !== 'function') {
    issues.push({ path: 'options.fetch', rule: 'type', message: 'must be a fetch function' });
  }
  for (const name of BOOLEANS) {
    if (o[name] !== undefined && typeof o[name] !== 'boolean') {
      issues.push({
        path: `options.${name}`,
        rule: 'type',
        message: 'must be true or false (a string such as "false" would read as true)',
      });
    }
  }
  for (const name of FUNCTIONS) {
    if (o[name] !== undefined && typeof o[name] !== 'function') {
      issues.push({ path: `options.${name}`, rule: 'type', message: 'must be a function' });
    }
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
