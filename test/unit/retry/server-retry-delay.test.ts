import { describe, expect, it } from '@jest/globals';
import {
  getHeaderValue,
  getServerRetryDelayMs,
  parseRetryAfterMsHeader,
} from '../../../src/retry/retry-after.js';

const NOW_MS = Date.UTC(2024, 1, 29, 12, 0, 0);

describe('getHeaderValue', () => {
  it('matches names case-insensitively in plain records and Headers', () => {
    expect(getHeaderValue({ 'Retry-After': '5' }, 'retry-after')).toBe('5');
    expect(getHeaderValue({ 'RETRY-AFTER': '6' }, 'retry-after')).toBe('6');
    expect(getHeaderValue(new Headers({ 'Retry-After': '7' }), 'retry-after')).toBe('7');
  });

  it('returns undefined when absent', () => {
    expect(getHeaderValue({ other: 'x' }, 'retry-after')).toBeUndefined();
    expect(getHeaderValue(new Headers(), 'retry-after')).toBeUndefined();
  });
});

describe('parseRetryAfterMsHeader', () => {
  it.each([
    ['0', 0],
    ['250', 250],
    [' 250 ', 250],
    ['1.2', 2],
    ['99.0', 99],
  ])('%p → %p ms', (value, expected) => {
    expect(parseRetryAfterMsHeader(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'soon',
    '-5',
    '1e3',
    '.5',
    '5.',
    'Thu, 29 Feb 2024 12:00:30 GMT',
  ])('malformed %p → undefined', (value) => {
    expect(parseRetryAfterMsHeader(value)).toBeUndefined();
  });
});

describe('getServerRetryDelayMs', () => {
  it('reads Retry-After (seconds or date)', () => {
    expect(getServerRetryDelayMs({ 'retry-after': '3' }, NOW_MS)).toBe(3_000);
    expect(getServerRetryDelayMs({ 'Retry-After': 'Thu, 29 Feb 2024 12:00:09 GMT' }, NOW_MS)).toBe(
      9_000,
    );
  });

  it('prefers retry-after-ms, then x-ms-retry-after-ms, then Retry-After', () => {
    const all = { 'Retry-After': '3', 'x-ms-retry-after-ms': '200', 'retry-after-ms': '100' };
    expect(getServerRetryDelayMs(all, NOW_MS)).toBe(100);
    expect(getServerRetryDelayMs(new Headers(all), NOW_MS)).toBe(100);
    expect(
      getServerRetryDelayMs({ 'Retry-After': '3', 'X-Ms-Retry-After-Ms': '200' }, NOW_MS),
    ).toBe(200);
  });

  it('skips a malformed header and uses the next one', () => {
    expect(getServerRetryDelayMs({ 'retry-after-ms': 'soon', 'retry-after': '4' }, NOW_MS)).toBe(
      4_000,
    );
  });

  it('returns undefined when no header is present or valid', () => {
    expect(getServerRetryDelayMs({}, NOW_MS)).toBeUndefined();
    expect(getServerRetryDelayMs(new Headers({ 'retry-after': '1.5' }), NOW_MS)).toBeUndefined();
  });
});
