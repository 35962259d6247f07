import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_RETRY_OPTIONS,
  type RetryOptions,
  resolveRetryOptions,
} from '../../../src/retry/retry-strategy.js';

describe('DEFAULT_RETRY_OPTIONS', () => {
  it('holds the documented defaults and is frozen', () => {
    expect(DEFAULT_RETRY_OPTIONS).toEqual({
      maxRetries: 3,
      retryDelayInMs: 800,
      maxRetryDelayInMs: 60_000,
      maxRetryAfterInMs: 60_000,
    });
    expect(Object.isFrozen(DEFAULT_RETRY_OPTIONS)).toBe(true);
  });
});

describe('resolveRetryOptions', () => {
  it('returns the defaults when no layer is given', () => {
    expect(resolveRetryOptions()).toEqual(DEFAULT_RETRY_OPTIONS);
    expect(resolveRetryOptions(undefined, {})).toEqual(DEFAULT_RETRY_OPTIONS);
  });

  it('lets later layers win, field by field, and skips undefined fields', () => {
    const client: RetryOptions = { maxRetries: 5, retryDelayInMs: 100 };
    const call: RetryOptions = { maxRetries: 0, retryDelayInMs: undefined, maxRetryAfterInMs: 10 };
    expect(resolveRetryOptions(client, call)).toEqual({
      maxRetries: 0,
      retryDelayInMs: 100,
      maxRetryDelayInMs: 60_000,
      maxRetryAfterInMs: 10,
    });
  });

  it('does not mutate its inputs and returns a frozen object', () => {
    const client = { maxRetries: 1 };
    const resolved = resolveRetryOptions(client, { maxRetries: 2 });
    expect(client).toEqual({ maxRetries: 1 });
    expect(Object.isFrozen(resolved)).toBe(true);
  });

  it('accepts zero everywhere', () => {
    const zeros = { maxRetries: 0, retryDelayInMs: 0, maxRetryDelayInMs: 0, maxRetryAfterInMs: 0 };
    expect(resolveRetryOptions(zeros)).toEqual(zeros);
  });

  it.each([
    ['maxRetries', -1, 'must be a non-negative integer, got -1'],
    ['maxRetries', 1.5, 'must be a non-negative integer, got 1.5'],
    ['maxRetries', Number.POSITIVE_INFINITY, 'must be a non-negative integer, got Infinity'],
    ['retryDelayInMs', -0.5, 'must be a non-negative finite number, got -0.5'],
    ['retryDelayInMs', Number.NaN, 'must be a non-negative finite number, got NaN'],
    ['maxRetryDelayInMs', Number.POSITIVE_INFINITY, 'must be a non-negative finite number'],
    [
      'maxRetryAfterInMs',
      '1000',
      'must be a non-negative finite number, got a value of type string',
    ],
    ['maxRetryAfterInMs', null, 'must be a non-negative finite number, got a value of type object'],
  ])('rejects %s = %p with a TypeError naming the field', (field, value, message) => {
    const layer = { [field]: value } as unknown as RetryOptions;
    expect(() => resolveRetryOptions(layer)).toThrow(TypeError);
    expect(() => resolveRetryOptions(layer)).toThrow(`retry option '${field}' ${message}`);
  });

  it('validates a value even when a later layer overrides it', () => {
    expect(() => resolveRetryOptions({ maxRetries: -1 }, { maxRetries: 2 })).toThrow(
      "retry option 'maxRetries'",
    );
  });

  it('rejects a layer that is not an object', () => {
    expect(() => resolveRetryOptions(null as unknown as RetryOptions)).toThrow(TypeError);
    expect(() => resolveRetryOptions(3 as unknown as RetryOptions)).toThrow(
      'retry options must be an object, got 3',
    );
  });
});
