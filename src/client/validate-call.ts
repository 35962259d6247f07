/**
 * A call checked before anything is sent, every problem reported together as one
 * `BatchValidationError`:
 * - {@link resolveCallOptions}: the operation's own options are known (a name it does not have
 *   is reported, never dropped, whatever `validation` says), and the call options every method
 *   takes (`abortSignal`, `retry`, `timeoutInMs`, `onResponse`) are checked and merged over the
 *   client's, once per call;
 * - {@link callIssues}: the arguments against the operation's compiled validators (unless
 *   `validation: false`), turned into issues whose paths use the caller's names: a positional
 *   argument (`thumbprint`), an option (`options.timeout`) or a body field
 *   (`certificate.thumbprint`). Issues never carry the value (it may be a secret).
 *
 * Pure.
 *
 * @module
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { type ResolvedRetryOptions, resolveRetryOptions } from '../retry/retry-strategy.js';
import type { OperationSpec } from '../table/operation-table.js';
import { type CompiledValidator, ruleIssue } from '../validation/rule-words.js';
import type { CallArguments } from './call-arguments.js';
import { type BatchRawResponse, CALL_OPTION_NAMES } from './client-options.js';
import { timeoutIssue } from './timeout-rule.js';
import type { ValidatorModule } from './validator-module.js';

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
  let known = KNOWN_OPTIONS.get(operation);
  if (!known) {
    known = [
      ...operation.parameters.filter((p) => p.location !== 'path').map((p) => p.clientName),
      ...CALL_OPTION_NAMES,
    ];
    KNOWN_OPTIONS.set(operation, known);
  }
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

/** The option names of each operation, made once (the table's entries are never changed). */
const KNOWN_OPTIONS = new WeakMap<OperationSpec, readonly string[]>();

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

/** Throws a {@link BatchValidationError} listing every issue; returns when the call is valid. */
export function validateCall(
  operation: OperationSpec,
  validators: ValidatorModule,
  args: CallArguments,
): void {
  const issues = callIssues(operation, validators, args);
  if (issues.length > 0) throw new BatchValidationError(issues);
}

/** Every way the call breaks the spec's rules (parameters, then the body); empty when valid. */
export function callIssues(
  operation: OperationSpec,
  validators: ValidatorModule,
  args: CallArguments,
): BatchValidationIssue[] {
  const issues: BatchValidationIssue[] = [];
  const parameterValues: Record<string, unknown> = {};
  const positional = new Set<string>();
  for (const p of operation.parameters) {
    const value = p.location === 'path' ? args.path[p.clientName] : args.options[p.clientName];
    if (p.location === 'path') positional.add(p.clientName);
    if (value !== undefined) parameterValues[p.clientName] = value;
  }
  const parameterPrefix = (name: string) => (positional.has(name) ? name : `options.${name}`);
  run(validators, operation.validators.parameters, parameterValues, issues, (path) => {
    const [first, ...rest] = path;
    return first === undefined ? 'options' : [parameterPrefix(first), ...rest].join('.');
  });
  if (operation.body) {
    const bodyName = operation.body.clientName;
    if (args.body === undefined || args.body === null) {
      if (operation.body.required) {
        issues.push({ path: bodyName, rule: 'required', message: 'is required' });
      }
    } else if (operation.validators.body) {
      run(validators, operation.validators.body, args.body, issues, (path) =>
        [bodyName, ...path].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      );
    }
  }
  return issues;
}

function run(
  validators: ValidatorModule,
  id: string,
  data: unknown,
  issues: BatchValidationIssue[],
  toPath: (segments: readonly string[]) => string,
): void {
  const validate = validators[id] as CompiledValidator | undefined;
  if (typeof validate !== 'function') throw new Error(`generated validator ${id} is missing`);
  if (validate(data)) return;
  for (const error of validate.errors ?? []) {
    const issue = ruleIssue(id, error, validators.ruleMessages);
    if (issue)
      issues.push({ path: toPath(issue.segments), rule: issue.rule, message: issue.message });
  }
}
