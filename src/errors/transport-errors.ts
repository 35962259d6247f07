/**
 * Errors for calls that got no HTTP response: a per-attempt timeout, the caller's abort signal,
 * or a network failure. Each keeps `cause` (never printed in full: `util.inspect` shows only its
 * name and system error code) and tells the user something different to do.
 *
 * @module
 */

import { type SafeRequestSummary, sanitizeRequest } from './redact.js';
import { SafeError } from './safe-error.js';
import { describeCause, errorCodeOf } from './safe-inspect.js';

/** Options shared by the transport errors. */
export interface BatchTransportErrorOptions {
  /** The client operation that was called, e.g. `certificate.list`. */
  readonly operation?: string;
  /** How many attempts were made, retries included. */
  readonly attempts?: number;
  /** The request that failed; only its method and sanitized URL are kept. */
  readonly request?: { readonly method: string; readonly url: string | URL };
  /** The underlying error or abort reason. */
  readonly cause?: unknown;
  /**
   * The status of an answer whose body could not be read to the end: the request was answered
   * (and may have taken effect), only its body was lost. Absent when no answer came.
   */
  readonly answeredStatus?: number;
}

function subject(operation: string | undefined): string {
  return operation === undefined || operation === '' ? 'The request' : `Operation '${operation}'`;
}

function afterAttempts(attempts: number | undefined): string {
  if (attempts === undefined) return '';
  return attempts === 1 ? ' after 1 attempt' : ` after ${attempts} attempts`;
}

/** Passes `cause` to `Error` only when there is one, so no `cause: undefined` property appears. */
function causeOption(options: BatchTransportErrorOptions): ErrorOptions | undefined {
  return options.cause === undefined ? undefined : { cause: options.cause };
}

/**
 * What the three transport errors share: the call's operation, attempts and sanitized request,
 * `cause` kept but only summarised when printed, and safe `toJSON` / `util.inspect` views.
 */
abstract class BatchTransportError extends SafeError {
  /** The client operation that was called, when known. */
  readonly operation?: string;
  /** How many attempts were made, when known. */
  readonly attempts?: number;
  /** The failed request's method and sanitized URL, when known. */
  readonly request?: SafeRequestSummary;
  /** The status of an answer whose body was lost (see {@link BatchTransportErrorOptions}). */
  readonly answeredStatus?: number;

  protected constructor(message: string, options: BatchTransportErrorOptions) {
    super(message, causeOption(options));
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.answeredStatus !== undefined) this.answeredStatus = options.answeredStatus;
    if (options.attempts !== undefined) this.attempts = options.attempts;
    if (options.request !== undefined) this.request = sanitizeRequest(options.request);
  }

  /** Properties of the subclass to print before the common ones. */
  protected ownDetails(): Record<string, unknown> {
    return {};
  }

  protected override safeDetails(): Record<string, unknown> {
    return {
      ...this.ownDetails(),
      operation: this.operation,
      attempts: this.attempts,
      answeredStatus: this.answeredStatus,
      request: this.request,
      cause: describeCause(this.cause),
    };
  }
}

/**
 * An attempt got no response within `timeoutInMs` (the per-attempt limit) and no retry was left.
 * Raise `timeoutInMs` or retry later.
 */
export class BatchTimeoutError extends BatchTransportError {
  /** Always `'BatchTimeoutError'`. */
  override readonly name = 'BatchTimeoutError' as const;
  /** The per-attempt limit that was exceeded, in milliseconds. */
  readonly timeoutInMs: number;

  /** @param options - the limit that was exceeded, plus what is known about the call. */
  constructor(options: BatchTransportErrorOptions & { readonly timeoutInMs: number }) {
    super(
      options.answeredStatus === undefined
        ? `${subject(options.operation)} timed out: no response within ${options.timeoutInMs} ms ` +
            `(per-attempt timeoutInMs)${afterAttempts(options.attempts)}.`
        : `${subject(options.operation)} timed out: the service answered ${options.answeredStatus}, ` +
            `but the rest of its answer did not arrive within ${options.timeoutInMs} ms ` +
            `(per-attempt timeoutInMs)${afterAttempts(options.attempts)}.`,
      options,
    );
    this.timeoutInMs = options.timeoutInMs;
  }

  protected override ownDetails(): Record<string, unknown> {
    return { timeoutInMs: this.timeoutInMs };
  }
}

/**
 * The caller's `abortSignal` fired; `cause` is `signal.reason`. Nothing to fix: the caller asked
 * for it.
 *
 * `name` is `'AbortError'`, like the `DOMException` fetch throws and Azure core's `AbortError`,
 * so existing `err.name === 'AbortError'` checks keep working. Consequently
 * `isBatchAbortError` is true for any error named `AbortError`; all of them mean the same thing.
 */
export class BatchAbortError extends BatchTransportError {
  /** Always `'AbortError'` (see the class description). */
  override readonly name = 'AbortError' as const;

  /** @param options - what is known about the call; pass `signal.reason` as `cause`. */
  constructor(options: BatchTransportErrorOptions = {}) {
    super(`${subject(options.operation)} was aborted by the caller's abort signal.`, options);
  }
}

/**
 * `fetch` threw: DNS failure, refused or reset connection, TLS problem. No response was
 * received; check the endpoint and connectivity. `code` is the system error code
 * (e.g. `ECONNREFUSED`) when `cause` carries one.
 */
export class BatchNetworkError extends BatchTransportError {
  /** Always `'BatchNetworkError'`. */
  override readonly name = 'BatchNetworkError' as const;
  /** The system error code found on `cause` (or its cause), e.g. `ECONNREFUSED`. */
  readonly code?: string;

  /** @param options - what is known about the call; pass what `fetch` threw as `cause`. */
  constructor(options: BatchTransportErrorOptions = {}) {
    const code = errorCodeOf(options.cause);
    super(
      `${subject(options.operation)} failed with a network error` +
        `${code === undefined ? '' : ` (${code})`}${afterAttempts(options.attempts)}: ` +
        (options.answeredStatus === undefined
          ? 'no response was received from the Batch service.'
          : `the Batch service answered ${options.answeredStatus}, but its answer could not be read to the end (the request may have taken effect).`),
      options,
    );
    if (code !== undefined) this.code = code;
  }

  protected override ownDetails(): Record<string, unknown> {
    return { code: this.code };
  }
}
