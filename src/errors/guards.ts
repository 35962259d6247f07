/**
 * Type guards for this package's errors. They compare `name` rather than using `instanceof`, so
 * they also recognise errors from another realm (iframe, `vm` context) or from a second copy of
 * this package in `node_modules`.
 *
 * @module
 */

import type { BatchResponseError } from './batch-response-error.js';
import type { BatchServiceError } from './batch-service-error.js';
import type { BatchValidationError } from './batch-validation-error.js';
import type { BatchAbortError, BatchNetworkError, BatchTimeoutError } from './transport-errors.js';

function hasName(value: unknown, name: string): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as { name?: unknown }).name === name
  );
}

/** `true` when `value` is a {@link BatchServiceError} (the service answered with an error). */
export function isBatchServiceError(value: unknown): value is BatchServiceError {
  return hasName(value, 'BatchServiceError');
}

/** `true` when `value` is a {@link BatchValidationError} (invalid arguments, nothing sent). */
export function isBatchValidationError(value: unknown): value is BatchValidationError {
  return hasName(value, 'BatchValidationError');
}

/** `true` when `value` is a {@link BatchTimeoutError} (no response within `timeoutInMs`). */
export function isBatchTimeoutError(value: unknown): value is BatchTimeoutError {
  return hasName(value, 'BatchTimeoutError');
}

/**
 * `true` when `value` is an abort: a {@link BatchAbortError} or any other error named
 * `AbortError` (such as the `DOMException` fetch throws), which means the same thing.
 */
export function isBatchAbortError(value: unknown): value is BatchAbortError {
  return hasName(value, 'AbortError');
}

/** `true` when `value` is a {@link BatchNetworkError} (`fetch` threw, no response). */
export function isBatchNetworkError(value: unknown): value is BatchNetworkError {
  return hasName(value, 'BatchNetworkError');
}

/**
 * `true` when `value` is a {@link BatchResponseError} (a success answer whose body cannot be the
 * method's result).
 */
export function isBatchResponseError(value: unknown): value is BatchResponseError {
  return hasName(value, 'BatchResponseError');
}
