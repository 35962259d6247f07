/**
 * Checks the options every method takes besides its own (`OperationCallOptions`) before anything is
 * sent, reporting them like any other invalid argument: one `BatchValidationError`, not a late
 * `RangeError` or `TypeError`. Pure.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { type ResolvedRetryOptions, resolveRetryOptions } from '../retry/retry-options.js';
import { timeoutIssue } from './timeout-rule.js';

export function validateCallOptions(
  client: { readonly retry: ResolvedRetryOptions },
  options: Readonly<Record<string, unknown>>,
): void {
  const issues: BatchValidationIssue[] = [];
  if (options.retry !== undefined) {
    try {
      resolveRetryOptions(client.retry, options.retry as never);
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
  if (issues.length > 0) throw new BatchValidationError(issues);
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
