import { describe, expect, it } from '@jest/globals';
import { parseRetryAfterMs } from '../../../src/retry/retry-after.js';
import { parseHttpDate } from '../../../src/util/http-date.js';

/** Expected instants come from Date.UTC, independently of the parser under test. */
const NOW_MS = Date.UTC(2024, 1, 29, 12, 0, 0); // Thu, 29 Feb 2024 12:00:00 GMT

describe('parseRetryAfterMs: delta-seconds', () => {
  it.each([
    ['0', 0],
    ['1', 1_000],
    ['120', 120_000],
    ['007', 7_000],
    [' 30\t', 30_000],
    ['86400', 86_400_000],
  ])('%p → %p ms', (value, expected) => {
    expect(parseRetryAfterMs(value, NOW_MS)).toBe(expected);
  });

  it('keeps huge values (the strategy applies the cap)', () => {
    expect(parseRetryAfterMs('99999999999', NOW_MS)).toBe(99_999_999_999_000);
  });

  it('does not depend on the clock', () => {
    expect(parseRetryAfterMs('5', 0)).toBe(5_000);
  });
});

describe('parseRetryAfterMs: HTTP-date', () => {
  it('IMF-fixdate in the future → time until it', () => {
    expect(parseRetryAfterMs('Thu, 29 Feb 2024 12:00:30 GMT', NOW_MS)).toBe(30_000);
    expect(parseRetryAfterMs('Fri, 01 Mar 2024 00:00:00 GMT', NOW_MS)).toBe(12 * 3_600_000);
  });

  it('rounds a sub-second clock up to whole milliseconds', () => {
    expect(parseRetryAfterMs('Thu, 29 Feb 2024 12:00:30 GMT', NOW_MS + 0.25)).toBe(30_000);
  });

  it('the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfterMs('Thursday, 29-Feb-24 12:01:00 GMT', NOW_MS)).toBe(60_000);
    expect(parseRetryAfterMs('Thu Feb 29 12:00:10 2024', NOW_MS)).toBe(10_000);
    expect(parseRetryAfterMs('Fri Mar  1 12:00:00 2024', NOW_MS)).toBe(86_400_000);
  });

  it('a date in the past, or now, → 0', () => {
    expect(parseRetryAfterMs('Thu, 29 Feb 2024 11:59:59 GMT', NOW_MS)).toBe(0);
    expect(parseRetryAfterMs('Sun, 06 Nov 1994 08:49:37 GMT', NOW_MS)).toBe(0);
    expect(parseRetryAfterMs('Thu, 29 Feb 2024 12:00:00 GMT', NOW_MS)).toBe(0);
  });

  it('measures from the injected clock', () => {
    const value = 'Thu, 29 Feb 2024 12:00:30 GMT';
    expect(parseRetryAfterMs(value, NOW_MS + 10_000)).toBe(20_000);
    expect(parseRetryAfterMs(value, NOW_MS - 10_000)).toBe(40_000);
  });
});

describe('parseRetryAfterMs: malformed → undefined', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    'soon',
    '-1',
    '+1',
    '1.5',
    '1e3',
    '0x10',
    '1 2',
    '١٢', // Arabic-Indic digits are not DIGIT
    'Infinity',
    'Thu, 29 Feb 2024 12:00:30', // no GMT
    'Thu, 29 Feb 2024 12:00:30 UTC',
    'Thu, 29 Feb 2024 12:00:30 +0000',
    'thu, 29 feb 2024 12:00:30 GMT', // names are case-sensitive
    'Thu, 30 Feb 2024 12:00:30 GMT', // no such day
    'Thu, 29 Feb 2023 12:00:30 GMT', // not a leap year
    'Thu, 29 Feb 2024 24:00:00 GMT',
    'Thu, 29 Feb 2024 12:60:00 GMT',
    'Thu, 9 Feb 2024 12:00:30 GMT', // IMF-fixdate needs two-digit days
    '2024-02-29T12:00:30Z', // ISO 8601 is not an HTTP-date
  ])('%p', (value) => {
    expect(parseRetryAfterMs(value, NOW_MS)).toBeUndefined();
  });
});

describe('parseHttpDate', () => {
  it('parses the three forms to the same instant', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    const nowMs = Date.UTC(2024, 0, 1);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', nowMs)).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', nowMs)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', nowMs)).toBe(expected);
  });

  it('accepts a leap second, rolling into the next minute', () => {
    expect(parseHttpDate('Sat, 31 Dec 2016 23:59:60 GMT', 0)).toBe(Date.UTC(2017, 0, 1, 0, 0, 0));
  });

  it('expands an RFC 850 two-digit year to the latest date at most 50 years ahead of now', () => {
    const nowMs = Date.UTC(2024, 5, 1);
    const rfc850 = (date: string) => parseHttpDate(`Monday, ${date} 00:00:00 GMT`, nowMs);
    expect(rfc850('01-Jan-74')).toBe(Date.UTC(2074, 0, 1));
    expect(rfc850('01-Jun-74')).toBe(Date.UTC(2074, 5, 1)); // exactly 50 years ahead
    expect(rfc850('02-Jun-74')).toBe(Date.UTC(1974, 5, 2));
    expect(rfc850('01-Jan-75')).toBe(Date.UTC(1975, 0, 1));
    expect(rfc850('01-Jan-24')).toBe(Date.UTC(2024, 0, 1));
    expect(parseHttpDate('Monday, 01-Jan-00 00:00:00 GMT', Date.UTC(2099, 0, 1))).toBe(
      Date.UTC(2100, 0, 1),
    );
  });

  it('does not check the day name against the date', () => {
    expect(parseHttpDate('Mon, 06 Nov 1994 08:49:37 GMT', 0)).toBe(
      Date.UTC(1994, 10, 6, 8, 49, 37),
    );
  });

  it('handles years before 100 without Date.UTC century mapping', () => {
    const expected = new Date(0);
    expected.setUTCFullYear(50, 0, 1);
    expect(parseHttpDate('Sat, 01 Jan 0050 00:00:00 GMT', 0)).toBe(expected.getTime());
  });
});
