/**
 * The lost-add read-back's arguments: parents from the create's own path arguments, keys from the
 * body sent; the resource read back is the one sent only when it carries every key.
 */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { isSameResource, readBackKeys } from '../../../src/client/read-back-keys.js';
import type { OperationSpec, ParameterSpec } from '../../../src/table/operation-table.js';

const pathParam = (name: string): ParameterSpec => ({
  wireName: name,
  clientName: name,
  location: 'path',
  type: 'string',
  required: true,
});
const operation = (path: string, params: string[]) =>
  ({ path, parameters: params.map(pathParam) }) as unknown as OperationSpec;

describe('readBackKeys', () => {
  it('Certificate Add: both keys from the body, thumbprint in canonical form', () => {
    const { path, keys } = readBackKeys(operations.Certificate_Add, operations.Certificate_Get, {
      path: {},
      body: { thumbprintAlgorithm: 'sha1', thumbprint: 'AB:CD', data: 'x' },
      options: {},
    });
    expect(path).toEqual({ thumbprintAlgorithm: 'sha1', thumbprint: 'abcd' });
    expect(keys).toEqual(path);
  });

  it('a nested create: the parent from the call path, only the body key is compared', () => {
    const create = operation('/jobs/{jobId}/widgets', ['jobId']);
    const read = operation('/jobs/{jobId}/widgets/{name}', ['jobId', 'name']);
    const { path, keys } = readBackKeys(create, read, {
      path: { jobId: 'Job-1' },
      body: { name: 'w1', jobId: 'ignored' },
      options: {},
    });
    expect(path).toEqual({ jobId: 'Job-1', name: 'w1' });
    expect(keys).toEqual({ name: 'w1' });
  });
});

describe('isSameResource', () => {
  it('every key must match, compared without separators and case', () => {
    const keys = { thumbprintAlgorithm: 'sha1', thumbprint: 'abcd' };
    expect(
      isSameResource({ thumbprintAlgorithm: 'SHA1', thumbprint: 'AB CD', state: 'x' }, keys),
    ).toBe(true);
    expect(isSameResource({ thumbprintAlgorithm: 'sha1', thumbprint: 'abce' }, keys)).toBe(false);
    expect(isSameResource({ thumbprint: 'abcd' }, keys)).toBe(false);
    expect(isSameResource(undefined, keys)).toBe(false);
    expect(isSameResource('abcd', keys)).toBe(false);
  });
});
