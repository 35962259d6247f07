/**
 * The options of one call, checked and resolved once per call, before anything is sent: the
 * operation's own options are known (a name it does not have is reported, never dropped, whatever
 * `validation` says), and the call options every method takes (`abortSignal`, `retry`,
 * `timeoutInMs`, `onResponse`) are checked and merged over the client's. Problems are one
 * `BatchValidationError`, like any other invalid argument (with the spec's issues). Pure.
 *
 * @module
 */
import type { BatchValidationIssue } from '../errors/batch-validation-error.js';
import { type ResolvedRetryOptions, resolveRetryOptions } from '../retry/retry-strategy.js';
import type { OperationSpec } from '../table/operation-table.js';
import { type BatchRawResponse, CALL_OPTION_NAMES } from './client-options.js';
import { timeoutIssue } from './timeout-rule.js';

/** A call's options as the send path uses them. */
export interface ResolvedCallOptions {
  readonly abortSignal: AbortSignal | undefined;
  /** The client's retry options, or (when the call gives `retry`) a merge, resolved once. */
  readonly retryOptions: ResolvedRetryOptions;
  readonly timeoutInMs: number;
  readonly onResponse: ((rawResponse: BatchRawResponse, error?: unknown) => void) | undefined;
}

/** What the client gives every call. */
export interface ClientCallDefaults {
  readonly retry: ResolvedRetryOptions;
  readonly timeoutInMs: number;
}

/** Azure SDK call options this client does not take, and what to use instead. */
const NOT_TAKEN: Readonly<Record<string, string>> = {
  requestOptions:
    "is Azure's request-options bag, which this client does not take: use timeoutInMs for its timeout, and a policy (BatchClientOptions.additionalPolicies) for custom headers",
  tracingOptions:
    'is not taken: this client has no tracing integration; a perRetry policy can open a span per attempt',
};

/**
 * Resolves the call's options; every bad or unknown option is pushed onto `issues` (the caller
 * throws them together with the spec's, as one `BatchValidationError`).
 */
export function resolveCallOptions(
  client: ClientCallDefaults,
  operation: OperationSpec,
  options: Readonly<Record<string, unknown>>,
  issues: BatchValidationIssue[],
): ResolvedCallOptions {
  unknownOptions(operation, options, issues);
  let retryOptions = client.retry;
  if (options.retry !== undefined) {
    try {
      retryOptions = resolveRetryOptions(client.retry, options.retry as never);
    } catch (error) {
      issues.push({
        path: 'options.retry',
        rule: 'retryOptions',
        message: (error as Error).message,
      });
    }
  }
  const timeout = options.timeoutInMs === undefined ? undefined : timeoutIssue(options.timeoutInMs);
  if (timeout) issues.push(timeout);
  const signal = options.abortSignal;
  if (signal !== undefined && !isAbortSignalLike(signal)) {
    issues.push({ path: 'options.abortSignal', rule: 'type', message: 'must be an AbortSignal' });
  }
  const onResponse = options.onResponse;
  if (onResponse !== undefined && typeof onResponse !== 'function') {
    issues.push({
      path: 'options.onResponse',
      rule: 'type',
      message: 'must be a function (rawResponse, error?) => void',
    });
  }
  return {
    abortSignal: signal as AbortSignal | undefined,
    retryOptions,
    timeoutInMs: (options.timeoutInMs as number | undefined) ?? client.timeoutInMs,
    onResponse: onResponse as ResolvedCallOptions['onResponse'],
  };
}

/** An option the method does not have is reported, never ignored (a typo would drop a value). */
function unknownOptions(
  operation: OperationSpec,
  options: Readonly<Record<string, unknown>>,
  issues: BatchValidationIssue[],
): void {
  const known = [
    ...operation.parameters.filter((p) => p.location !== 'path').map((p) => p.clientName),
    ...CALL_OPTION_NAMES,
  ];
  for (const name of Object.keys(options)) {
    if (known.includes(name)) continue;
    issues.push({
      path: `options.${name}`,
      rule: 'unknownOption',
      message:
        NOT_TAKEN[name] ??
        `is not an option of ${operation.group}.${operation.method} (its options: ${known.join(', ')})`,
    });
  }
}

/** Duck-typed so signals from another realm (or a polyfill) are accepted. */
function isAbortSignalLike(value: unknown): boolean {
  const v = value as Partial<AbortSignal> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.aborted === 'boolean' &&
    typeof v.addEventListener === 'function' &&
    typeof v.removeEventListener === 'function'
  );
}
