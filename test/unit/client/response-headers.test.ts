import { describe, expect, it } from '@jest/globals';
import { readHeaders } from '../../../src/client/response-headers.js';
import type { ResponseHeaderSpec } from '../../../src/table/operation-table.js';

const SPECS: ResponseHeaderSpec[] = [
  {
    wireName: 'Last-Modified',
    clientName: 'lastModified',
    type: 'string',
    format: 'date-time-rfc1123',
  },
  { wireName: 'x-rfc7231', clientName: 'rfc7231', type: 'string', format: 'date-time-rfc7231' },
  { wireName: 'x-date-time', clientName: 'dateTime', type: 'string', format: 'date-time' },
  { wireName: 'x-date', clientName: 'day', type: 'string', format: 'date' },
  { wireName: 'x-count', clientName: 'count', type: 'integer' },
  { wireName: 'x-flag', clientName: 'flag', type: 'boolean' },
  { wireName: 'request-id', clientName: 'requestId', type: 'string', format: 'uuid' },
];
const NOW = Date.UTC(2024, 6, 1);

function read(headers: Record<string, string>) {
  const values = readHeaders(SPECS, new Headers(headers), () => NOW);
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

describe('readHeaders: dates are the same instant on every host', () => {
  it('reads HTTP dates in all three forms RFC 9110 defines, as GMT', () => {
    expect(read({ 'Last-Modified': 'Thu, 01 Feb 2024 09:15:00 GMT' })).toEqual({
      lastModified: '2024-02-01T09:15:00.000Z',
    });
    expect(read({ 'x-rfc7231': 'Thursday, 01-Feb-24 09:15:00 GMT' })).toEqual({
      rfc7231: '2024-02-01T09:15:00.000Z',
    });
    // asctime has no zone in its text, but RFC 9110 defines it as GMT (new Date reads it locally).
    expect(read({ 'Last-Modified': 'Thu Feb  1 09:15:00 2024' })).toEqual({
      lastModified: '2024-02-01T09:15:00.000Z',
    });
  });

  it('reads an RFC 3339 date-time with its offset, and a day as 00:00 UTC', () => {
    expect(read({ 'x-date-time': '2024-02-01T10:15:00+01:00', 'x-date': '2024-02-01' })).toEqual({
      dateTime: '2024-02-01T09:15:00.000Z',
      day: '2024-02-01T00:00:00.000Z',
    });
  });

  it.each([
    ['an HTTP date without GMT', 'Last-Modified', 'Thu, 01 Feb 2024 09:15:00'],
    ['an HTTP date with another zone', 'Last-Modified', 'Thu, 01 Feb 2024 10:15:00 +0100'],
    ['an ISO date-time where an HTTP date belongs', 'Last-Modified', '2024-02-01T09:15:00Z'],
    [
      'an HTTP date of a day February does not have',
      'Last-Modified',
      'Fri, 30 Feb 2024 09:15:00 GMT',
    ],
    ['a date-time without an offset', 'x-date-time', '2024-02-01T09:15:00'],
    ['an HTTP date where a date-time belongs', 'x-date-time', 'Thu, 01 Feb 2024 09:15:00 GMT'],
    ['a date-time where a day belongs', 'x-date', '2024-02-01T09:15:00Z'],
    ['text that is no date', 'x-date', 'tomorrow'],
  ])('leaves out %s, like any value that cannot be its type', (_label, name, value) => {
    expect(read({ [name]: value, 'request-id': 'r-1' })).toEqual({ requestId: 'r-1' });
  });

  it('reads numbers, booleans and text as before', () => {
    expect(read({ 'x-count': '42', 'x-flag': 'TRUE', 'request-id': 'r-1' })).toEqual({
      count: 42,
      flag: true,
      requestId: 'r-1',
    });
    expect(read({ 'x-count': 'many', 'x-flag': 'yes' })).toEqual({});
  });
});
