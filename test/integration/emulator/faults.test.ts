import { describe, expect, it } from '@jest/globals';
import { EmulatedNetworkError } from '../../../src/testing/index.js';
import { errorBody, testEmulator } from './support/emulator-fixture.js';
import { API_VERSION, signedRequest } from './support/signed-request.js';

const list = () => signedRequest({ path: `/certificates?api-version=${API_VERSION}` });

describe('faults', () => {
  it('throttleNext answers 429 with Retry-After, then recovers', async () => {
    const { emulator } = testEmulator();
    emulator.faults.throttleNext(2, { retryAfter: 7 });
    expect(emulator.faults.pending).toBe(2);
    for (let i = 0; i < 2; i++) {
      const response = await emulator.handle(list());
      expect(response.status).toBe(429);
      expect(response.headers.get('Retry-After')).toBe('7');
      expect((await errorBody(response)).code).toBe('TooManyRequests');
    }
    expect(emulator.faults.pending).toBe(0);
    expect((await emulator.handle(list())).status).toBe(200);
  });

  it('throttleNext can answer 503 ServerBusy with an HTTP-date Retry-After', async () => {
    const { emulator } = testEmulator();
    const when = 'Wed, 15 Nov 2023 00:00:00 GMT';
    emulator.faults.throttleNext(1, { status: 503, retryAfter: when });
    const response = await emulator.handle(list());
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe(when);
    expect((await errorBody(response)).code).toBe('ServerBusy');
  });

  it('throttleNext without retryAfter sends no Retry-After', async () => {
    const { emulator } = testEmulator();
    emulator.faults.throttleNext(1);
    expect((await emulator.handle(list())).headers.has('Retry-After')).toBe(false);
  });

  it.each([
    [undefined, 500, 'InternalError'],
    [502, 502, 'InternalError'],
    [503, 503, 'ServerBusy'],
    [{ status: 500, code: 'OperationTimedOut' }, 500, 'OperationTimedOut'],
  ])('failNext(1, %j) → %i %s', async (arg, status, code) => {
    const { emulator } = testEmulator();
    emulator.faults.failNext(1, arg);
    const response = await emulator.handle(list());
    expect(response.status).toBe(status);
    expect((await errorBody(response)).code).toBe(code);
  });

  it('failures happen before any other check, even for unsigned requests', async () => {
    const { emulator } = testEmulator();
    emulator.faults.failNext(1);
    const response = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}`, unsigned: true }),
    );
    expect(response.status).toBe(500);
  });

  it('delayNext waits through the injected sleep, then answers normally', async () => {
    const slept: number[] = [];
    const { emulator } = testEmulator({
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    emulator.faults.delayNext(2, 250);
    expect((await emulator.handle(list())).status).toBe(200);
    expect((await emulator.handle(list())).status).toBe(200);
    expect((await emulator.handle(list())).status).toBe(200);
    expect(slept).toEqual([250, 250]);
  });

  it('dropNext makes handle reject with EmulatedNetworkError and logs the drop', async () => {
    const { emulator } = testEmulator();
    emulator.faults.dropNext(1);
    await expect(emulator.handle(list())).rejects.toBeInstanceOf(EmulatedNetworkError);
    expect(emulator.requests[0]?.status).toBeUndefined();
    expect((await emulator.handle(list())).status).toBe(200);
  });

  it('plans are consumed in the order they were scheduled, one per request', async () => {
    const { emulator } = testEmulator({ sleep: async () => {} });
    emulator.faults.failNext(1, 500);
    emulator.faults.throttleNext(1);
    emulator.faults.delayNext(1, 1);
    emulator.faults.failNext(1, 503);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await emulator.handle(list())).status);
    expect(statuses).toEqual([500, 429, 200, 503, 200]);
  });

  it('clear() cancels scheduled faults; counts must be positive integers', async () => {
    const { emulator } = testEmulator();
    emulator.faults.failNext(3);
    emulator.faults.clear();
    expect((await emulator.handle(list())).status).toBe(200);
    expect(() => emulator.faults.failNext(0)).toThrow(RangeError);
    expect(() => emulator.faults.throttleNext(1.5)).toThrow(RangeError);
    expect(() => emulator.faults.delayNext(1, -1)).toThrow(RangeError);
  });
});
