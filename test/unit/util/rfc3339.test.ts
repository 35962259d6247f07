import { describe, expect, it } from '@jest/globals';
import { parseRfc3339DateTime, parseRfc3339FullDate } from '../../../src/util/rfc3339.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseRfc3339DateTime', () => {
  it.each([
    ['2024-02-01T09:15:00Z', '2024-02-01T09:15:00.000Z'],
    ['2024-02-01t09:15:00z', '2024-02-01T09:15:00.000Z'],
    ['2024-02-01T10:15:00+01:00', '2024-02-01T09:15:00.000Z'],
    ['2024-02-01T15:00:00+05:45', '2024-02-01T09:15:00.000Z'],
    ['2024-02-01T00:15:00-09:00', '2024-02-01T09:15:00.000Z'],
    ['2024-02-01T09:15:00.1234567Z', '2024-02-01T09:15:00.123Z'],
    ['2024-02-01T09:15:00.5Z', '2024-02-01T09:15:00.500Z'],
    ['2024-02-29T23:59:59-00:00', '2024-02-29T23:59:59.000Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ])('%s is %s', (text, expected) => {
    expect(iso(parseRfc3339DateTime(text))).toBe(expected);
  });

  it.each([
    ['no offset', '2024-02-01T09:15:00'],
    ['no offset, with a fraction', '2024-02-01T09:15:00.000'],
    ['no seconds', '2024-02-01T09:15Z'],
    ['an offset without colon', '2024-02-01T09:15:00+0100'],
    ['a space for T', '2024-02-01 09:15:00Z'],
    ['30 February', '2024-02-30T09:15:00Z'],
    ['29 February of a common year', '2023-02-29T09:15:00Z'],
    ['month 13', '2024-13-01T09:15:00Z'],
    ['day 0', '2024-02-00T09:15:00Z'],
    ['hour 24', '2024-02-01T24:00:00Z'],
    ['minute 60', '2024-02-01T09:60:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['offset hour 24', '2024-02-01T09:15:00+24:00'],
    ['offset minute 60', '2024-02-01T09:15:00+01:60'],
    ['a date alone', '2024-02-01'],
    ['an HTTP date', 'Thu, 01 Feb 2024 09:15:00 GMT'],
    ['surrounding space', ' 2024-02-01T09:15:00Z'],
  ])('refuses %s', (_label, text) => {
    expect(parseRfc3339DateTime(text)).toBeUndefined();
  });
});

describe('parseRfc3339FullDate', () => {
  it('reads a day as 00:00 UTC', () => {
    expect(iso(parseRfc3339FullDate('2024-02-29'))).toBe('2024-02-29T00:00:00.000Z');
  });

  it.each([
    '2023-02-29',
    '2024-04-31',
    '2024-1-01',
    '2024-02-01T00:00:00Z',
    '',
  ])('refuses %p', (text) => {
    expect(parseRfc3339FullDate(text)).toBeUndefined();
  });
});
