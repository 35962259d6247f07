/**
 * The error for every non-success answer from the Batch service (or a proxy in front of it).
 *
 * @module
 */

import { type BatchErrorDetail, sanitizeErrorDetails } from './error-details.js';
import { type SafeRequestSummary, sanitizeRequest } from './redact.js';
import { SafeError } from './safe-error.js';
import { scrubSecrets } from './scrub-text.js';

/** What {@link BatchServiceError}'s constructor needs; `parseBatchError` builds it from a response. */
export interface BatchServiceErrorInit {
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The service's error code, e.g. `CertificateExists`. */
  readonly code?: string;
  /** The human-oriented message (replaced by `retirementMessage` when that is given). */
  readonly message: string;
  /**
   * Set when the answer says the service retired the operation (for example `400
   * CertificateRetired`): what to do instead, used as the message; `retired` is then `true`. The
   * client takes it from the operation table (the overlay's `x-batch-deprecation`).
   */
  readonly retirementMessage?: string;
  /** The service's `message.value` exactly as sent, including its `RequestId:`/`Time:` lines. */
  readonly serviceMessage?: string;
  /** The language of the service's message, e.g. `en-US`. */
  readonly lang?: string;
  /** The service's key/value details. */
  readonly values?: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** The service's `request-id` response header. */
  readonly requestId?: string;
  /** The `client-request-id` the service echoed. */
  readonly clientRequestId?: string;
  /** The client operation that was called, e.g. `certificate.add`. */
  readonly operation?: string;
  /** The request that failed; only its method and sanitized URL are kept. */
  readonly request?: { readonly method: string; readonly url: string | URL };
}

/**
 * The Batch service (or a proxy in front of it) answered with an error status.
 *
 * - `message` is for humans: the service's `message.value` without the `RequestId:`/`Time:`
 *   lines the service appends, or a short fallback such as
 *   `502 Bad Gateway (non-JSON response body)` when the body is not a Batch error. When the
 *   answer says the service retired the operation (`retired`), it is what to do instead.
 * - `serviceMessage` keeps the service's text as sent (after secret scrubbing), for support cases.
 * - `code` is meant for programs: `if (err.code === 'CertificateExists')`.
 *
 * The error carries no request body, no headers other than the two ids, and no credentials;
 * `util.inspect`, `JSON.stringify` and `String()` print only the properties listed here.
 */
export class BatchServiceError extends SafeError {
  /** Always `'BatchServiceError'`; guards compare it so they work across realms. */
  override readonly name = 'BatchServiceError' as const;
  /** The HTTP status code, e.g. `409`. */
  readonly statusCode: number;
  /** The service's error code, e.g. `CertificateExists`; absent when the body had none. */
  readonly code?: string;
  /** The service's message as sent (including `RequestId:`/`Time:` lines), secrets scrubbed. */
  readonly serviceMessage?: string;
  /** The language of the service's message, e.g. `en-US`. */
  readonly lang?: string;
  /** The service's key/value details (possibly empty), sanitized and frozen. */
  readonly values: ReadonlyArray<BatchErrorDetail>;
  /** The service's request id: quote it in support requests. */
  readonly requestId?: string;
  /** The client request id the service echoed. */
  readonly clientRequestId?: string;
  /**
   * `true` when the answer says the service retired the operation (for the certificate operations:
   * `CertificateRetired`): retrying cannot succeed, and `message` says what to do instead.
   */
  readonly retired: boolean;
  /** The client operation that was called, when known. */
  readonly operation?: string;
  /** The failed request's method and sanitized URL, when known. */
  readonly request?: SafeRequestSummary;

  /** Builds the error; every text is sanitized here, whatever path constructed it. */
  constructor(init: BatchServiceErrorInit) {
    const retired = init.retirementMessage !== undefined;
    const operation = init.operation === undefined ? undefined : scrubSecrets(init.operation);
    super(scrubSecrets(init.retirementMessage ?? init.message));
    this.statusCode = init.statusCode;
    this.retired = retired;
    this.values = sanitizeErrorDetails(init.values ?? []);
    if (init.code !== undefined) this.code = scrubSecrets(init.code);
    if (init.serviceMessage !== undefined) this.serviceMessage = scrubSecrets(init.serviceMessage);
    if (init.lang !== undefined) this.lang = scrubSecrets(init.lang);
    if (init.requestId !== undefined) this.requestId = scrubSecrets(init.requestId);
    if (init.clientRequestId !== undefined)
      this.clientRequestId = scrubSecrets(init.clientRequestId);
    if (operation !== undefined) this.operation = operation;
    if (init.request !== undefined) this.request = sanitizeRequest(init.request);
  }

  protected override safeDetails(): Record<string, unknown> {
    return {
      statusCode: this.statusCode,
      code: this.code,
      retired: this.retired,
      operation: this.operation,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      lang: this.lang,
      serviceMessage: this.serviceMessage,
      values: this.values,
      request: this.request,
    };
  }
}
