/**
 * Reliability primitives applied by the client's request loop: retry options and their defaults,
 * the retry strategy, `Retry-After` parsing, an abortable sleep and the per-attempt signal.
 *
 * @packageDocumentation
 */
export { type AttemptSignal, createAttemptSignal } from './attempt-signal.js';
export { computeBackoffDelayMs } from './backoff.js';
export { getHeaderValue } from './header-value.js';
export { parseHttpDate } from './http-date.js';
export type {
  AttemptErrorOutcome,
  AttemptErrorReason,
  AttemptOutcome,
  AttemptResponseOutcome,
} from './outcome.js';
export { parseRetryAfterMs } from './retry-after.js';
export {
  DEFAULT_RETRY_OPTIONS,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from './retry-options.js';
export {
  createRetryStrategy,
  type RetryDecision,
  type RetryStrategy,
  type RetryStrategyDeps,
} from './retry-strategy.js';
export { isRetryableStatus } from './retryable-status.js';
export {
  getServerRetryDelayMs,
  parseRetryAfterMsHeader,
  RETRY_AFTER_MS_HEADERS,
} from './server-retry-delay.js';
export { createSleep, type Sleep, sleep } from './sleep.js';
export { defaultTimers, MAX_TIMER_DELAY_MS, startTimer, type Timers } from './timers.js';
