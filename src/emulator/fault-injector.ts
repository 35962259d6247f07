/**
 * Scheduled faults: each plan covers the next N requests, plans are consumed in order, one per
 * request.
 *
 * @module
 */

import { BatchFault, EmulatedNetworkError } from './batch-fault.js';
import type { BatchEmulatorFaults, FailFaultOptions, ThrottleFaultOptions } from './types.js';

type FaultAction =
  | { readonly kind: 'fail'; readonly fault: () => BatchFault }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'drop' };

interface Plan {
  remaining: number;
  readonly action: FaultAction;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError('The fault count must be a positive integer.');
  }
}

/** Holds the scheduled faults and applies them to requests. */
export class FaultInjector implements BatchEmulatorFaults {
  readonly #plans: Plan[] = [];
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(sleep: (ms: number) => Promise<void>) {
    this.#sleep = sleep;
  }

  #schedule(count: number, action: FaultAction): void {
    checkCount(count);
    this.#plans.push({ remaining: count, action });
  }

  throttleNext(count: number, options: ThrottleFaultOptions = {}): void {
    const status = options.status ?? 429;
    const headers: Record<string, string> = {};
    if (options.retryAfter !== undefined) headers['Retry-After'] = String(options.retryAfter);
    const code = status === 503 ? 'ServerBusy' : 'TooManyRequests';
    this.#schedule(count, { kind: 'fail', fault: () => new BatchFault(code, [], { headers }) });
  }

  failNext(count: number, statusOrOptions: number | FailFaultOptions = {}): void {
    const options =
      typeof statusOrOptions === 'number' ? { status: statusOrOptions } : statusOrOptions;
    const status = options.status ?? 500;
    const code = options.code ?? (status === 503 ? 'ServerBusy' : 'InternalError');
    this.#schedule(count, {
      kind: 'fail',
      fault: () =>
        new BatchFault(status === 503 ? 'ServerBusy' : 'InternalError', [], { status, code }),
    });
  }

  delayNext(count: number, ms: number): void {
    if (!(ms >= 0))
      throw new RangeError('The delay must be a non-negative number of milliseconds.');
    this.#schedule(count, { kind: 'delay', ms });
  }

  dropNext(count: number): void {
    this.#schedule(count, { kind: 'drop' });
  }

  get pending(): number {
    return this.#plans.reduce((sum, plan) => sum + plan.remaining, 0);
  }

  clear(): void {
    this.#plans.length = 0;
  }

  /**
   * Applies the next scheduled fault, if any: waits for a delay, throws `BatchFault` for a
   * failure and `EmulatedNetworkError` for a drop.
   */
  async apply(): Promise<void> {
    const plan = this.#plans[0];
    if (!plan) return;
    plan.remaining -= 1;
    if (plan.remaining === 0) this.#plans.shift();
    const { action } = plan;
    if (action.kind === 'delay') await this.#sleep(action.ms);
    else if (action.kind === 'drop') throw new EmulatedNetworkError();
    else throw action.fault();
  }
}
