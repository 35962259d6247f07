import { describe, expect, it } from '@jest/globals';
import { MAX_TIMER_DELAY_MS, startTimer } from '../../../src/retry/sleep.js';
import { createFakeTimers } from './fake-timers.js';

describe('startTimer', () => {
  it('runs the callback once after the delay and leaves no timer behind', () => {
    const fake = createFakeTimers();
    let calls = 0;
    startTimer(fake.timers, 100, () => calls++);
    fake.advance(99);
    expect(calls).toBe(0);
    fake.advance(1);
    expect(calls).toBe(1);
    expect(fake.pendingCount()).toBe(0);
    fake.advance(1_000);
    expect(calls).toBe(1);
  });

  it('cancel clears the pending timer; calling it again or after firing does nothing', () => {
    const fake = createFakeTimers();
    let clears = 0;
    const counted = {
      setTimer: fake.timers.setTimer,
      clearTimer: (handle: unknown) => {
        clears++;
        fake.timers.clearTimer(handle);
      },
    };
    let calls = 0;
    const cancel = startTimer(counted, 100, () => calls++);
    cancel();
    cancel();
    expect(clears).toBe(1);
    expect(fake.pendingCount()).toBe(0);
    fake.advance(200);
    expect(calls).toBe(0);

    const cancelFired = startTimer(counted, 10, () => calls++);
    fake.advance(10);
    cancelFired();
    expect([calls, clears]).toEqual([1, 1]);
  });

  it('chains platform-sized timers for delays beyond 2^31 - 1 ms, one pending at a time', () => {
    const fake = createFakeTimers();
    let calls = 0;
    const cancel = startTimer(fake.timers, 2 * MAX_TIMER_DELAY_MS + 5, () => calls++);
    expect(fake.scheduledDelays).toEqual([MAX_TIMER_DELAY_MS]);
    fake.advance(MAX_TIMER_DELAY_MS);
    expect(fake.scheduledDelays).toEqual([MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS]);
    expect(fake.pendingCount()).toBe(1);
    fake.advance(MAX_TIMER_DELAY_MS + 4);
    expect(calls).toBe(0);
    fake.advance(1);
    expect(calls).toBe(1);
    expect(fake.scheduledDelays).toEqual([MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, 5]);
    cancel();
    expect(fake.pendingCount()).toBe(0);
  });

  it('an infinite delay never fires and can still be cancelled', () => {
    const fake = createFakeTimers();
    let calls = 0;
    const cancel = startTimer(fake.timers, Number.POSITIVE_INFINITY, () => calls++);
    fake.advance(5 * MAX_TIMER_DELAY_MS);
    expect(calls).toBe(0);
    expect(fake.pendingCount()).toBe(1);
    cancel();
    expect(fake.pendingCount()).toBe(0);
  });
});
