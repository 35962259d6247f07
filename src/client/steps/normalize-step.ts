import type { CallStep } from '../call.js';
import { normalizeCall } from '../normalize-call.js';

/** `normalize`: applies the table's `x-batch-normalize` rules, so what is validated is what is sent. */
export const normalizeStep: CallStep = {
  name: 'normalize',
  run: (call, next) => next({ ...call, args: normalizeCall(call.operation, call.args) }),
};
