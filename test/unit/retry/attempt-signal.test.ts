import { getEventListeners } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { createAttemptSignal } from '../../../src/retry/retry-policy.js';
import { createFakeTimers } from './fake-timers.js';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const activeTimeouts = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('createAttemptSignal', () => {
  it('aborts with a TimeoutError when the timeout fires, and releases the caller signal', () => {
    const fake = createFakeTimers();
    const caller = new AbortController();
    const attempt = createAttemptSignal(caller.signal, 5_000, fake.timers);
    let aborts = 0;
    attempt.signal.addEventListener('abort', () => aborts++);
    expect(fake.scheduledDelays).toEqual([5_000]);
    expect(abortListeners(caller.signal)).toBe(1);

    fake.advance(4_999);
    expect(attempt.signal.aborted).toBe(false);
    fake.advance(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBeInstanceOf(DOMException);
    expect(attempt.signal.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'The attempt timed out after 5000 ms',
    });
    expect(attempt.timedOut()).toBe(true);
    expect(aborts).toBe(1);
    expect(abortListeners(caller.signal)).toBe(0);
    expect(fake.pendingCount()).toBe(0);

    caller.abort(new Error('late'));
    expect(attempt.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(attempt.timedOut()).toBe(true);
    expect(aborts).toBe(1);
  });

  it('aborts with the caller reason when the caller aborts first, and clears the timer', () => {
    const fake = createFakeTimers();
    const caller = new AbortController();
    const attempt = createAttemptSignal(caller.signal, 5_000, fake.timers);
    const reason = new Error('user cancelled');
    fake.advance(100);
    caller.abort(reason);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(reason);
    expect(attempt.timedOut()).toBe(false);
    expect(fake.pendingCount()).toBe(0);
    expect(abortListeners(caller.signal)).toBe(0);
    fake.advance(10_000);
    expect(attempt.timedOut()).toBe(false);
  });

  it('is aborted at once by an already-aborted caller signal, without timer or listener', () => {
    const fake = createFakeTimers();
    const reason = new Error('before start');
    const caller = AbortSignal.abort(reason);
    const attempt = createAttemptSignal(caller, 5_000, fake.timers);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBe(reason);
    expect(attempt.timedOut()).toBe(false);
    expect(fake.scheduledDelays).toEqual([]);
    expect(abortListeners(caller)).toBe(0);
  });

  it('dispose clears the timer and detaches from the caller; nothing aborts it afterwards', () => {
    const fake = createFakeTimers();
    const caller = new AbortController();
    const attempt = createAttemptSignal(caller.signal, 5_000, fake.timers);
    attempt.dispose();
    expect(fake.pendingCount()).toBe(0);
    expect(abortListeners(caller.signal)).toBe(0);
    fake.advance(10_000);
    caller.abort();
    expect(attempt.signal.aborted).toBe(false);
    expect(attempt.timedOut()).toBe(false);
    attempt.dispose();
  });

  it('dispose after the timeout keeps the aborted state', () => {
    const fake = createFakeTimers();
    const attempt = createAttemptSignal(undefined, 10, fake.timers);
    fake.advance(10);
    attempt.dispose();
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.timedOut()).toBe(true);
  });

  it('follows the caller alone when there is no timeout', () => {
    const fake = createFakeTimers();
    const caller = new AbortController();
    const none = createAttemptSignal(caller.signal, undefined, fake.timers);
    const infinite = createAttemptSignal(caller.signal, Number.POSITIVE_INFINITY, fake.timers);
    expect(fake.scheduledDelays).toEqual([]);
    caller.abort('bye');
    expect([none.signal.reason, infinite.signal.reason]).toEqual(['bye', 'bye']);
    expect(none.timedOut() || infinite.timedOut()).toBe(false);
  });

  it('times out alone when there is no caller signal', () => {
    const fake = createFakeTimers();
    const attempt = createAttemptSignal(undefined, 30, fake.timers);
    fake.advance(30);
    expect(attempt.timedOut()).toBe(true);
    expect(createAttemptSignal(undefined, undefined, fake.timers).signal.aborted).toBe(false);
  });

  it.each([
    0,
    -1,
    Number.NaN,
    '5' as unknown as number,
  ])('rejects a timeout of %p with a RangeError', (timeoutInMs) => {
    expect(() => createAttemptSignal(undefined, timeoutInMs)).toThrow(RangeError);
  });

  it('holds one platform timer by default and releases it on dispose', () => {
    const before = activeTimeouts();
    const attempt = createAttemptSignal(new AbortController().signal, 20_000);
    expect(activeTimeouts()).toBe(before + 1);
    attempt.dispose();
    expect(activeTimeouts()).toBe(before);
  });
});
