import type { Timers } from '../../../src/retry/sleep.js';

interface PendingTimer {
  readonly id: number;
  readonly dueMs: number;
  readonly callback: () => void;
}

/** A manual clock behind the injectable {@link Timers}: nothing fires until `advance` is called. */
export interface FakeTimers {
  readonly timers: Timers;
  /** Delays passed to `setTimer`, in call order. */
  readonly scheduledDelays: number[];
  /** Timers scheduled and neither fired nor cleared. */
  pendingCount(): number;
  /** Moves the clock forward, firing due timers in order (including ones they schedule). */
  advance(ms: number): void;
}

export function createFakeTimers(): FakeTimers {
  let nowMs = 0;
  let nextId = 1;
  const pending = new Map<number, PendingTimer>();
  const scheduledDelays: number[] = [];
  const timers: Timers = {
    setTimer(callback, ms) {
      const id = nextId++;
      scheduledDelays.push(ms);
      pending.set(id, { id, dueMs: nowMs + ms, callback });
      return { id };
    },
    clearTimer(handle) {
      pending.delete((handle as { id: number }).id);
    },
  };
  return {
    timers,
    scheduledDelays,
    pendingCount: () => pending.size,
    advance(ms) {
      const targetMs = nowMs + ms;
      for (;;) {
        const due = [...pending.values()]
          .filter((timer) => timer.dueMs <= targetMs)
          .sort((a, b) => a.dueMs - b.dueMs || a.id - b.id)[0];
        if (due === undefined) break;
        pending.delete(due.id);
        nowMs = due.dueMs;
        due.callback();
      }
      nowMs = targetMs;
    },
  };
}
