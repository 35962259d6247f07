/**
 * The API's collections come from the operation table (the first segment of every operation's
 * path), and the account URL check refuses any of them, however written.
 */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { parseAccountUrl } from '../../../src/client/account-url.js';
import { collectionSegments, isCollectionSegment } from '../../../src/table/collection-segments.js';
import type { OperationSpec, OperationTable } from '../../../src/table/operation-table.js';

/** A table with only the paths filled in: the rest of an OperationSpec plays no part here. */
function tableOf(...paths: string[]): OperationTable {
  return Object.fromEntries(
    paths.map((path, i) => [`Op_${i}`, { operationId: `Op_${i}`, path } as OperationSpec]),
  );
}

describe('collectionSegments', () => {
  it('is the certificates collection for the shipped table', () => {
    expect(collectionSegments(operations)).toEqual(['certificates']);
  });

  it('takes the first segment of every path, before keys and templates, lower-cased', () => {
    const table = tableOf(
      '/pools',
      '/pools/{poolId}/nodes/{nodeId}',
      '/jobs/{jobId}/tasks',
      '/jobschedules',
      '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})',
      '/Applications/{applicationId}',
      '/nodecounts',
    );
    expect(collectionSegments(table)).toEqual([
      'applications',
      'certificates',
      'jobs',
      'jobschedules',
      'nodecounts',
      'pools',
    ]);
  });

  it.each([
    ['pools', true],
    ['Pools', true],
    ['%70ools', true],
    ['pools(x)', true],
    ['pool', false],
    ['poolsx', false],
    ['%zz', false],
    ['', false],
  ])('isCollectionSegment(%j) is %s', (segment, expected) => {
    expect(isCollectionSegment(segment, ['jobs', 'pools'])).toBe(expected);
  });
});

describe('parseAccountUrl', () => {
  const collections = ['jobs', 'pools'];

  it('refuses a path holding any collection it is given, and keeps other paths', () => {
    expect(() => parseAccountUrl('https://a.b.batch.azure.com/jobs/', false, collections)).toThrow(
      "accountUrl must not include an operation path: '/jobs' is where the Batch API's own paths begin, and the client adds them; use https://a.b.batch.azure.com",
    );
    expect(() =>
      parseAccountUrl('https://gw.example.com/x/Pools/p1', false, collections, 'BATCH_ACCOUNT_URL'),
    ).toThrow(
      /^BATCH_ACCOUNT_URL must not include an operation path: '\/Pools' .* use https:\/\/gw\.example\.com\/x$/,
    );
    expect(parseAccountUrl('https://gw.example.com/certificates/', false, collections)).toBe(
      'https://gw.example.com/certificates',
    );
    expect(parseAccountUrl('https://gw.example.com/batch/acct1/', false, collections)).toBe(
      'https://gw.example.com/batch/acct1',
    );
  });

  it('checks credentials and the query before the path, so a refused URL is never repeated with them', () => {
    expect(() =>
      parseAccountUrl('https://user:secret@gw.example.com/jobs', false, collections),
    ).toThrow(new TypeError('accountUrl must not contain credentials'));
    expect(() =>
      parseAccountUrl('https://gw.example.com/jobs?sig=secret', false, collections),
    ).toThrow(new TypeError('accountUrl must not have a query string'));
  });
});
