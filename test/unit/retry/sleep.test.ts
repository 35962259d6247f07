import { getEventListeners } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { createSleep, sleep } from '../../../src/retry/sleep.js';
import { createFakeTimers } from './fake-timers.js';

/** Lets pending promise callbacks run (setImmediate is the real one: no globals are patched). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function track(promise: Promise<void>) {
  const state = { settled: false, rejected: false, reason: undefined as unknown };
  promise.then(
    () => {
      state.settled = true;
    },
    (reason: unknown) => {
      state.settled = true;
      state.rejected = true;
      state.reason = reason;
    },
  );
  return state;
}

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;
const activeTimeouts = () =>
  process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('createSleep (injected timers)', () => {
  it('resolves once the delay has elapsed, then leaves no timer or listener', async () => {
    const fake = createFakeTimers();
    const controller = new AbortController();
    const state = track(createSleep(fake.timers)(1_000, controller.signal));
    expect(fake.scheduledDelays).toEqual([1_000]);
    expect(abortListeners(controller.signal)).toBe(1);
    fake.advance(999);
    await flush();
    expect(state.settled).toBe(false);
    fake.advance(1);
    await flush();
    expect(state).toEqual({ settled: true, rejected: false, reason: undefined });
    expect(fake.pendingCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('works without a signal', async () => {
    const fake = createFakeTimers();
    const state = track(createSleep(fake.timers)(0));
    fake.advance(0);
    await flush();
    expect(state.settled && !state.rejected).toBe(true);
  });

  it('rejects at once with the reason when already aborted, starting no timer', async () => {
    const fake = createFakeTimers();
    const reason = new Error('caller gave up');
    const signal = AbortSignal.abort(reason);
    const state = track(createSleep(fake.timers)(1_000, signal));
    await flush();
    expect(state).toEqual({ settled: true, rejected: true, reason });
    expect(fake.scheduledDelays).toEqual([]);
    expect(abortListeners(signal)).toBe(0);
  });

  it('rejects at once with the reason when aborted during the wait, clearing the timer', async () => {
    const fake = createFakeTimers();
    const controller = new AbortController();
    const state = track(createSleep(fake.timers)(60_000, controller.signal));
    fake.advance(10);
    controller.abort('stop'); // any value is a valid reason
    await flush();
    expect(state).toEqual({ settled: true, rejected: true, reason: 'stop' });
    expect(fake.pendingCount()).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('rejects with the default AbortError when aborted without a reason', async () => {
    const controller = new AbortController();
    const promise = createSleep(createFakeTimers().timers)(5, controller.signal);
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an infinite delay waits until aborted', async () => {
    const fake = createFakeTimers();
    const controller = new AbortController();
    const state = track(createSleep(fake.timers)(Number.POSITIVE_INFINITY, controller.signal));
    fake.advance(10 * 2_147_483_647);
    await flush();
    expect(state.settled).toBe(false);
    controller.abort();
    await flush();
    expect(state.rejected).toBe(true);
    expect(fake.pendingCount()).toBe(0);
  });

  it.each([
    -1,
    Number.NaN,
  ])('rejects a delay of %p with a RangeError, starting no timer', async (ms) => {
    const fake = createFakeTimers();
    await expect(createSleep(fake.timers)(ms)).rejects.toThrow(RangeError);
    expect(fake.scheduledDelays).toEqual([]);
  });
});

describe('sleep (platform timers)', () => {
  it('resolves after a short real delay', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });

  it('holds exactly one platform timer while waiting and releases it on abort', async () => {
    const before = activeTimeouts();
    const controller = new AbortController();
    const promise = sleep(20_000, controller.signal);
    expect(activeTimeouts()).toBe(before + 1);
    const reason = new Error('abort');
    controller.abort(reason);
    await expect(promise).rejects.toBe(reason);
    expect(activeTimeouts()).toBe(before);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});
