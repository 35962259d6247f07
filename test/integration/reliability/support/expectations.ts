/** Assertions shared by the fault-injection suites. */
import { expect } from '@jest/globals';
import {
  referenceAuthorization,
  type WireRequestSnapshot,
} from '../../../support/reference-shared-key.js';
import { ACCOUNT, ACCOUNT_KEY } from './secrets.js';

/**
 * Every attempt of one call carries the same `client-request-id`, its own `ocp-date` and its own
 * signature, and each signature is the one an independent implementation computes from the
 * request exactly as it was handed to `fetch`.
 */
export function expectFreshlySignedAttempts(attempts: readonly WireRequestSnapshot[]): void {
  const ids = attempts.map((a) => a.headers.get('client-request-id'));
  const dates = attempts.map((a) => a.headers.get('ocp-date'));
  const signatures = attempts.map((a) => a.headers.get('authorization'));
  expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(new Set(ids)).toEqual(new Set([ids[0]]));
  expect(new Set(dates).size).toBe(attempts.length);
  expect(new Set(signatures).size).toBe(attempts.length);
  for (const attempt of attempts) {
    expect(Date.parse(attempt.headers.get('ocp-date')!)).not.toBeNaN();
    expect(attempt.headers.get('authorization')).toBe(
      referenceAuthorization(attempt, ACCOUNT, ACCOUNT_KEY),
    );
  }
}

/** The backoff wait for `attempt` (1-based) with equal jitter, from the documented formula. */
export function documentedBackoff(attempt: number, random: number, base = 800, cap = 60_000) {
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
