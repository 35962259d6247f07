/**
 * Why an attempt ended without a response:
 * - `'network'`: the request could not be sent or the connection failed (fetch rejected);
 * - `'timeout'`: the per-attempt timeout fired before a response arrived;
 * - `'abort'`: the caller aborted the call. Never retried.
 */
export type AttemptErrorReason = 'network' | 'timeout' | 'abort';

/** One attempt that got an HTTP response (of any status). */
export interface AttemptResponseOutcome {
  /** Discriminant. */
  readonly kind: 'response';
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers; plain-object keys are matched case-insensitively. */
  readonly headers: Headers | Readonly<Record<string, string>>;
}

/** One attempt that ended without a response. */
export interface AttemptErrorOutcome {
  /** Discriminant. */
  readonly kind: 'error';
  /** Why the attempt ended; see {@link AttemptErrorReason}. */
  readonly reason: AttemptErrorReason;
}

/** The outcome of one attempt, as classified by the request loop and judged by a retry strategy. */
export type AttemptOutcome = AttemptResponseOutcome | AttemptErrorOutcome;
