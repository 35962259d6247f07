/**
 * prepareRequestBody: a resource read with `get` can be sent back. Its read-only properties are
 * left out at any depth (the table's `body.readOnly` paths), with the OData control information
 * of the answer; normalization rules still apply; the caller's objects are never changed.
 */
import { describe, expect, it } from '@jest/globals';
import { normalizeBody, prepareRequestBody } from '../../../src/client/call-arguments.js';
import type { BodySpec, OperationSpec } from '../../../src/table/operation-table.js';

function operation(body: Partial<BodySpec>): OperationSpec {
  return {
    operationId: 'Jobs_ReplaceJob',
    body: { clientName: 'job', required: true, contentType: 'application/json', ...body },
  } as OperationSpec;
}

const replace = operation({
  readOnly: [
    'eTag',
    'executionInfo',
    'id',
    'metadata[].readOnlyNote',
    'poolInfo.autoPoolSpecification.pool.virtualMachineConfiguration.imageReference.exactVersion',
  ],
});

const got = {
  'odata.metadata': 'https://a.westus.batch.azure.com/$metadata#jobs/@Element',
  id: 'job-1',
  eTag: '0x8D4EDFEBFADF4AB',
  priority: 5,
  executionInfo: { startTime: new Date('2026-01-01T00:00:00Z'), poolId: 'pool-1' },
  metadata: [
    { name: 'a', value: '1', readOnlyNote: 'set by the service' },
    { name: 'b', value: '2' },
  ],
  poolInfo: {
    autoPoolSpecification: {
      keepAlive: true,
      pool: {
        vmSize: 'standard_d2s_v3',
        virtualMachineConfiguration: {
          nodeAgentSKUId: 'batch.node.ubuntu 22.04',
          imageReference: { publisher: 'canonical', exactVersion: '22.04.202401010' },
        },
      },
    },
  },
};

describe('prepareRequestBody', () => {
  it('leaves out read-only properties at the top, deep down and in every item of an array, and the odata annotation', () => {
    expect(prepareRequestBody(replace, got)).toEqual({
      priority: 5,
      metadata: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
      poolInfo: {
        autoPoolSpecification: {
          keepAlive: true,
          pool: {
            vmSize: 'standard_d2s_v3',
            virtualMachineConfiguration: {
              nodeAgentSKUId: 'batch.node.ubuntu 22.04',
              imageReference: { publisher: 'canonical' },
            },
          },
        },
      },
    });
  });

  it('never changes the caller’s objects, and keeps the parts it did not have to change', () => {
    const before = structuredClone(got);
    const prepared = prepareRequestBody(replace, got) as typeof got;
    expect(got).toEqual(before);
    expect(prepared.metadata[1]).toBe(got.metadata[1]);
    expect(prepared.poolInfo.autoPoolSpecification.pool.vmSize).toBe('standard_d2s_v3');
    const untouched = { priority: 1, poolInfo: { poolId: 'p' } };
    expect(prepareRequestBody(replace, untouched)).toBe(untouched);
  });

  it('the items of a body that is an array', () => {
    const collection = operation({ readOnly: ['[].url'] });
    const tasks = [{ id: 't1', url: 'https://x/t1' }, { id: 't2' }];
    expect(prepareRequestBody(collection, tasks)).toEqual([{ id: 't1' }, { id: 't2' }]);
    expect(tasks[0]).toEqual({ id: 't1', url: 'https://x/t1' });
  });

  it('leaves what is not an object as it is, for validation to name (missing, null, text, a number where a model is)', () => {
    for (const body of [undefined, null, 'text', 5, true]) {
      expect(prepareRequestBody(replace, body)).toBe(body);
    }
    const odd = { id: 'x', metadata: 'not a list', poolInfo: null };
    expect(prepareRequestBody(replace, odd)).toEqual({ metadata: 'not a list', poolInfo: null });
  });

  it('applies the x-batch-normalize rules after leaving the read-only properties out', () => {
    const add = operation({
      readOnly: ['state', 'url'],
      normalizations: [{ property: 'thumbprint', rule: 'remove-separators' }],
    });
    const body = { thumbprint: 'AB:CD ef', state: 'active', url: 'u', data: 'QUJD' };
    expect(prepareRequestBody(add, body)).toEqual({ thumbprint: 'ABCDef', data: 'QUJD' });
    // The emulator normalizes only: a read-only property a request carries is for it to refuse.
    expect(normalizeBody(add, body)).toEqual({ ...body, thumbprint: 'ABCDef' });
  });

  it('an operation whose body has no read-only properties sends the object it was given, annotation aside', () => {
    const plain = operation({});
    const body = { id: 'x' };
    expect(prepareRequestBody(plain, body)).toBe(body);
    expect(prepareRequestBody(plain, { ...body, 'odata.metadata': 'm' })).toEqual(body);
  });
});
