/**
 * The error model: what a call can throw, how to tell the cases apart, and the redaction helpers
 * that keep secrets out of everything printed.
 *
 * @module
 */

export {
  BatchResponseError,
  type BatchResponseErrorInit,
  type BatchResponseIssue,
  type BatchResponseProblem,
} from './batch-response-error.js';
export {
  BatchServiceError,
  type BatchServiceErrorInit,
} from './batch-service-error.js';
export {
  BatchValidationError,
  type BatchValidationIssue,
  formatValidationMessage,
  MAX_LISTED_ISSUES,
} from './batch-validation-error.js';
export type { BatchErrorDetail } from './error-details.js';
export {
  isBatchAbortError,
  isBatchNetworkError,
  isBatchResponseError,
  isBatchServiceError,
  isBatchTimeoutError,
  isBatchValidationError,
} from './guards.js';
export {
  type ParseBatchErrorInput,
  parseBatchError,
  type RetirementNotice,
} from './parse-batch-error.js';
export {
  type HeadersLike,
  REDACTED,
  SAFE_HEADER_NAMES,
  SAFE_QUERY_PARAMETERS,
  type SafeRequestSummary,
  sanitizeHeaders,
  sanitizeRequest,
  sanitizeUrl,
} from './redact.js';
export { scrubSecrets } from './scrub-text.js';
export {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
  type BatchTransportErrorOptions,
} from './transport-errors.js';
