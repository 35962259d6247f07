import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AttemptOutcome, RetryOptions } from '../../../src/retry/retry-strategy.js';
import { createRetryStrategy } from '../../../src/retry/retry-strategy.js';

const NOW_MS = Date.UTC(2024, 1, 29, 12, 0, 0);
const ALMOST_ONE = 1 - Number.EPSILON;

function strategy(options: RetryOptions = {}, random = 0.5) {
  return createRetryStrategy(options, { random: () => random, now: () => NOW_MS });
}

function response(status: number, headers: Record<string, string> = {}): AttemptOutcome {
  return { kind: 'response', status, headers };
}

describe('which outcomes are retried', () => {
  const retried = [408, 429, 500, 502, 503, 504];
  const notRetried = [200, 201, 202, 204, 301, 304, 400, 401, 403, 404, 409, 412, 413, 501, 505];

  it.each(retried)('status %i → retry', (status) => {
    expect(strategy().decide(1, response(status))).toEqual({ retry: true, delayInMs: 600 });
  });

  it.each(notRetried)('status %i → stop', (status) => {
    expect(strategy().decide(1, response(status))).toEqual({ retry: false });
  });

  it('no other status in 100–599 is retried', () => {
    for (let status = 100; status < 600; status++) {
      const expected = retried.includes(status);
      expect([status, strategy().decide(1, response(status)).retry]).toEqual([status, expected]);
    }
  });

  it.each(['network', 'timeout'] as const)('%s error → retry', (reason) => {
    expect(strategy().decide(1, { kind: 'error', reason })).toEqual({
      retry: true,
      delayInMs: 600,
    });
  });

  it('caller abort → stop, even with retries left', () => {
    expect(strategy().decide(1, { kind: 'error', reason: 'abort' })).toEqual({ retry: false });
  });

  it('a non-retryable status is not retried even when it names a time', () => {
    expect(strategy().decide(1, response(400, { 'retry-after': '1' }))).toEqual({ retry: false });
  });
});

describe('retry budget', () => {
  it('allows exactly maxRetries retries (attempt 1 = the first attempt just failed)', () => {
    const s = strategy({ maxRetries: 2 });
    expect(s.decide(1, response(503)).retry).toBe(true);
    expect(s.decide(2, response(503)).retry).toBe(true);
    expect(s.decide(3, response(503))).toEqual({ retry: false });
    expect(s.decide(4, { kind: 'error', reason: 'network' })).toEqual({ retry: false });
  });

  it('defaults to 3 retries', () => {
    const s = strategy();
    expect([1, 2, 3, 4].map((attempt) => s.decide(attempt, response(500)).retry)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('maxRetries 0 turns retrying off', () => {
    const s = strategy({ maxRetries: 0 });
    expect(s.decide(1, response(503, { 'retry-after': '1' }))).toEqual({ retry: false });
    expect(s.decide(1, { kind: 'error', reason: 'network' })).toEqual({ retry: false });
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects attempt %p', (attempt) => {
    expect(() => strategy().decide(attempt, response(503))).toThrow(RangeError);
  });

  it('validates its options', () => {
    expect(() => strategy({ retryDelayInMs: -1 })).toThrow("retry option 'retryDelayInMs'");
  });
});

describe('server-named wait', () => {
  it.each([0, ALMOST_ONE])('is used exactly, without jitter (random = %p)', (random) => {
    const s = strategy({}, random);
    expect(s.decide(1, response(429, { 'Retry-After': '7' }))).toEqual({
      retry: true,
      delayInMs: 7_000,
    });
    expect(s.decide(3, response(503, { 'retry-after-ms': '1234' }))).toEqual({
      retry: true,
      delayInMs: 1_234,
    });
    expect(s.decide(2, response(503, { 'x-ms-retry-after-ms': '50' }))).toEqual({
      retry: true,
      delayInMs: 50,
    });
  });

  it('an HTTP date is measured from the injected clock', () => {
    const s = strategy();
    expect(s.decide(1, response(503, { 'Retry-After': 'Thu, 29 Feb 2024 12:00:42 GMT' }))).toEqual({
      retry: true,
      delayInMs: 42_000,
    });
  });

  it('a past date means retry at once', () => {
    expect(
      strategy().decide(1, response(503, { 'Retry-After': 'Thu, 29 Feb 2024 11:00:00 GMT' })),
    ).toEqual({ retry: true, delayInMs: 0 });
  });

  it('is not bounded by maxRetryDelayInMs', () => {
    const s = strategy({ maxRetryDelayInMs: 1_000 });
    expect(s.decide(1, response(429, { 'Retry-After': '30' }))).toEqual({
      retry: true,
      delayInMs: 30_000,
    });
  });

  it('up to maxRetryAfterInMs is honoured; beyond it the strategy stops', () => {
    const s = strategy({ maxRetryAfterInMs: 10_000 });
    expect(s.decide(1, response(429, { 'Retry-After': '10' }))).toEqual({
      retry: true,
      delayInMs: 10_000,
    });
    expect(s.decide(1, response(429, { 'Retry-After': '11' }))).toEqual({ retry: false });
    expect(s.decide(1, response(429, { 'retry-after-ms': '10001' }))).toEqual({ retry: false });
  });

  it('a huge value beyond the default cap stops', () => {
    expect(strategy().decide(1, response(503, { 'Retry-After': '86400' }))).toEqual({
      retry: false,
    });
    expect(strategy().decide(1, response(503, { 'Retry-After': '60' }))).toEqual({
      retry: true,
      delayInMs: 60_000,
    });
  });

  it.each(['soon', '-1', '1.5', ''])('malformed Retry-After %p falls back to backoff', (value) => {
    expect(strategy({}, 0).decide(2, response(503, { 'Retry-After': value }))).toEqual({
      retry: true,
      delayInMs: 800,
    });
  });
});

describe('backoff', () => {
  it('is retryDelayInMs * 2^(attempt-1) with equal jitter: [ceiling/2, ceiling]', () => {
    const low = strategy({ maxRetries: 10 }, 0);
    const high = strategy({ maxRetries: 10 }, ALMOST_ONE);
    const error: AttemptOutcome = { kind: 'error', reason: 'network' };
    const lows = [1, 2, 3, 4].map((attempt) => low.decide(attempt, error));
    const highs = [1, 2, 3, 4].map((attempt) => high.decide(attempt, error));
    expect(lows).toEqual([400, 800, 1_600, 3_200].map((delayInMs) => ({ retry: true, delayInMs })));
    expect(highs).toEqual(
      [800, 1_600, 3_200, 6_400].map((delayInMs) => ({ retry: true, delayInMs })),
    );
  });

  it('is capped by maxRetryDelayInMs before jitter, so it stays spread but never exceeds the cap', () => {
    const options = { maxRetries: 100, retryDelayInMs: 1_000, maxRetryDelayInMs: 5_000 };
    const error: AttemptOutcome = { kind: 'error', reason: 'timeout' };
    expect(strategy(options, 0).decide(50, error)).toEqual({ retry: true, delayInMs: 2_500 });
    expect(strategy(options, ALMOST_ONE).decide(50, error)).toEqual({
      retry: true,
      delayInMs: 5_000,
    });
    expect(strategy(options, 0.5).decide(100, error)).toEqual({ retry: true, delayInMs: 3_750 });
  });

  it('the default cap is 60 000 ms', () => {
    expect(
      strategy({ maxRetries: 1_000 }, ALMOST_ONE).decide(1_000, {
        kind: 'error',
        reason: 'network',
      }),
    ).toEqual({ retry: true, delayInMs: 60_000 });
  });

  it('retryDelayInMs 0 means no wait, even for a large attempt number', () => {
    const s = strategy({ maxRetries: 5_000, retryDelayInMs: 0 }, ALMOST_ONE);
    expect(s.decide(4_000, response(500))).toEqual({ retry: true, delayInMs: 0 });
  });

  it('property: every delay is a whole number within [ceiling/2, ceiling]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, retryDelayInMs, maxRetryDelayInMs, random) => {
          const s = strategy({ maxRetries: attempt, retryDelayInMs, maxRetryDelayInMs }, random);
          const decision = s.decide(attempt, { kind: 'error', reason: 'network' });
          const exponential = retryDelayInMs === 0 ? 0 : retryDelayInMs * 2 ** (attempt - 1);
          const ceiling = Math.min(maxRetryDelayInMs, exponential);
          expect(decision.retry).toBe(true);
          const delay = decision.retry ? decision.delayInMs : Number.NaN;
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('clamps a random source that strays outside [0, 1)', () => {
    const error: AttemptOutcome = { kind: 'error', reason: 'network' };
    expect(strategy({}, -3).decide(1, error)).toEqual({ retry: true, delayInMs: 400 });
    expect(strategy({}, 7).decide(1, error)).toEqual({ retry: true, delayInMs: 800 });
    expect(strategy({}, Number.NaN).decide(1, error)).toEqual({ retry: true, delayInMs: 400 });
  });

  it('reads the clock and random source on every decision', () => {
    let nowMs = NOW_MS;
    let random = 0;
    const s = createRetryStrategy({}, { random: () => random, now: () => nowMs });
    const dated = response(503, { 'Retry-After': 'Thu, 29 Feb 2024 12:00:10 GMT' });
    expect(s.decide(1, dated)).toEqual({ retry: true, delayInMs: 10_000 });
    nowMs += 4_000;
    expect(s.decide(1, dated)).toEqual({ retry: true, delayInMs: 6_000 });
    random = ALMOST_ONE;
    expect(s.decide(1, response(500))).toEqual({ retry: true, delayInMs: 800 });
  });
});
