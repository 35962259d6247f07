/**
 * batch-rest-client: a TypeScript client for the Azure Batch REST API, generated from the Batch
 * OpenAPI spec. Certificates (API 2024-07-01.20.0) are retired by the service: every certificate
 * method warns, and the service's `CertificateRetired` answer becomes an actionable error.
 *
 * @module batch-rest-client
 */

export type * from '../generated/client-api.js';
export type * from '../generated/models.js';
export { operations } from '../generated/operations.js';
export type { NamedKeyCredential } from './auth/batch-shared-key-credential.js';
export { BatchSharedKeyCredential } from './auth/batch-shared-key-credential.js';
export { BATCH_TOKEN_SCOPE } from './auth/batch-token-provider.js';
export type { SignableRequest } from './auth/shared-key/sign-request.js';
export type { AccessToken, GetTokenOptions, TokenCredential } from './auth/token-credential.js';
export { BatchClient, createBatchClient } from './client/batch-client.js';
export {
  type BatchClientOptions,
  type BatchRawResponse,
  DEFAULT_CLIENT_OPTIONS,
  type DeprecationWarningMode,
  type OperationCallOptions,
} from './client/client-options.js';
export type { GeneratedModule } from './client/generated-module.js';
export type { ValidatorModule } from './client/validator-module.js';
export {
  BatchDeprecationError,
  isBatchDeprecationError,
} from './deprecation/deprecation-warnings.js';
export {
  BatchAbortError,
  type BatchErrorDetail as BatchServiceErrorDetail,
  BatchNetworkError,
  BatchResponseError,
  type BatchResponseErrorInit,
  type BatchResponseIssue,
  type BatchResponseProblem,
  BatchServiceError,
  type BatchServiceErrorInit,
  BatchTimeoutError,
  type BatchTransportErrorOptions,
  BatchValidationError,
  type BatchValidationIssue,
  type HeadersLike,
  isBatchAbortError,
  isBatchNetworkError,
  isBatchResponseError,
  isBatchServiceError,
  isBatchTimeoutError,
  isBatchValidationError,
  REDACTED,
  type RetirementNotice,
  SAFE_HEADER_NAMES,
  SAFE_QUERY_PARAMETERS,
  type SafeRequestSummary,
  sanitizeHeaders,
  sanitizeUrl,
} from './errors/index.js';
export type {
  AdditionalPolicy,
  AttemptRecord,
  PipelinePolicy,
  PipelinePolicyPosition,
  PipelineRequest,
  SendRequest,
} from './pipeline/pipeline-policy.js';
export type { BatchCredential } from './pipeline/sign-phase.js';
export {
  DEFAULT_RETRY_OPTIONS,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from './retry/retry-strategy.js';
export type { Sleep } from './retry/sleep.js';
export type { OperationDoc, OperationDocs } from './table/operation-docs.js';
export type * from './table/operation-table.js';
export { VERSION } from './version.js';
