/**
 * The rule for `timeoutInMs`, a client option and a call option alike: a positive number of
 * milliseconds, `Infinity` for no limit (long delays are chained timers, see `startTimer`). Pure.
 *
 * @module
 */
import type { BatchValidationIssue } from '../errors/batch-validation-error.js';

/** The issue for a bad `timeoutInMs`, or `undefined` when it is valid. */
export function timeoutIssue(value: unknown): BatchValidationIssue | undefined {
  if (typeof value === 'number' && value > 0) return undefined;
  return {
    path: 'options.timeoutInMs',
    rule: 'range',
    message: 'must be a positive number of milliseconds (Infinity for no limit)',
  };
}
