import type { AttemptOutcome } from './outcome.js';

/**
 * Answers that say the service may have failed or timed out while processing, so the request may
 * have taken effect anyway: 500 (Batch's `OperationTimedOut` and `InternalError`; Batch documents
 * that a request that timed out on the server may still have been fully processed), 502 Bad
 * Gateway and 504 Gateway Timeout (a gateway lost the answer of a server that may have acted).
 * Not ambiguous: 408 (the request never arrived whole), 429 and 503 (refused before processing).
 */
const AMBIGUOUS_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

/**
 * Whether the attempt's request may have taken effect on the service although the call did not
 * get its success answer: no answer at all (a network failure or timeout after the request was
 * sent), or an ambiguous answer (see above). A retried create that then meets `409 …Exists` is
 * read back when this held for an earlier attempt.
 *
 * @param outcome - the outcome of an attempt whose request was sent
 */
export function mayHaveTakenEffect(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'error') return outcome.reason !== 'abort';
  return AMBIGUOUS_STATUSES.has(outcome.status);
}
