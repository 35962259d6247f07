/**
 * How the client checks, after its own retry, whether a state-changing call took effect: which
 * GET reads the resource, and what it must show. Creates and deletes are found by the shape of
 * the API (a create's path plus the resource's key, with keys from the body and parents from the
 * create's own path; a delete's own path); an action only where the overlay states the state it
 * leaves (`x-batch-retry-expects-state`).
 */
import { describe, expect, it } from '@jest/globals';
import { buildOperationTable } from '../../../scripts/pipeline/operation-table.ts';
import { EXPECTS_STATE } from '../../../scripts/pipeline/retry-recovery.ts';
import { type Json, SpecModel } from '../../../scripts/pipeline/spec-model.ts';

const pathParam = (name: string): Json => ({ name, in: 'path', required: true, type: 'string' });
const body = (ref: string): Json => ({
  name: 'body',
  in: 'body',
  required: true,
  schema: { $ref: `#/definitions/${ref}` },
});
const created = { '201': { description: 'Created' } };
const json = (ref: string) => ({
  '200': { description: 'OK', schema: { $ref: `#/definitions/${ref}` } },
});

function tableOf(paths: Json) {
  return buildOperationTable(
    new SpecModel({
      swagger: '2.0',
      info: { version: '1' },
      paths,
      definitions: {
        Widget: {
          type: 'object',
          properties: { name: { type: 'string' }, size: { type: 'integer' } },
        },
        Pool: { type: 'object', properties: { id: { type: 'string' } } },
        Cert: {
          type: 'object',
          properties: { thumbprintAlgorithm: { type: 'string' }, thumbprint: { type: 'string' } },
        },
        WidgetList: {
          type: 'object',
          properties: { value: { type: 'array', items: { $ref: '#/definitions/Widget' } } },
        },
      },
    }),
  );
}

describe('retryRecovery of a create', () => {
  it('a nested create reads back through its parent and the key from the body', () => {
    const table = tableOf({
      '/jobs/{jobId}/widgets': {
        post: {
          operationId: 'Widget_Add',
          parameters: [pathParam('jobId'), body('Widget')],
          responses: created,
        },
        get: {
          operationId: 'Widget_List',
          parameters: [pathParam('jobId')],
          responses: json('WidgetList'),
          'x-ms-pageable': { nextLinkName: 'odata.nextLink' },
        },
      },
      '/jobs/{jobId}/widgets/{name}': {
        get: {
          operationId: 'Widget_Get',
          parameters: [pathParam('jobId'), pathParam('name')],
          responses: json('Widget'),
        },
      },
    });
    expect(table.Widget_Add!.retryRecovery).toEqual({ read: 'Widget_Get', expect: 'created' });
  });

  it('a parenthesised key of several body properties qualifies', () => {
    const table = tableOf({
      '/certs': {
        post: { operationId: 'Cert_Add', parameters: [body('Cert')], responses: created },
      },
      '/certs(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})': {
        get: {
          operationId: 'Cert_Get',
          parameters: [pathParam('thumbprintAlgorithm'), pathParam('thumbprint')],
          responses: json('Cert'),
        },
      },
    });
    expect(table.Cert_Add!.retryRecovery).toEqual({ read: 'Cert_Get', expect: 'created' });
  });

  it('none when the key is not a body property under that name (Batch pools: id vs poolId)', () => {
    const table = tableOf({
      '/pools': {
        post: { operationId: 'Pool_Add', parameters: [body('Pool')], responses: created },
      },
      '/pools/{poolId}': {
        get: {
          operationId: 'Pool_Get',
          parameters: [pathParam('poolId')],
          responses: json('Pool'),
        },
      },
    });
    expect(table.Pool_Add!.retryRecovery).toBeUndefined();
  });

  it('none when the read needs a path value the create does not have', () => {
    const table = tableOf({
      '/widgets': {
        post: { operationId: 'Widget_Add', parameters: [body('Widget')], responses: created },
      },
      '/widgets(region={region},name={name})': {
        get: {
          operationId: 'Widget_Get',
          // `{region}` is neither in the create's path nor in its body
          parameters: [
            pathParam('name'),
            { name: 'region', in: 'path', required: true, type: 'string' },
          ],
          responses: json('Widget'),
        },
      },
    });
    expect(table.Widget_Add!.retryRecovery).toBeUndefined();
  });
});

describe('retryRecovery of a delete', () => {
  it('a DELETE is read back by the GET of its own path', () => {
    const table = tableOf({
      '/pools/{poolId}': {
        delete: {
          operationId: 'Pool_Delete',
          parameters: [pathParam('poolId')],
          responses: { '202': { description: 'Accepted' } },
        },
        get: {
          operationId: 'Pool_Get',
          parameters: [pathParam('poolId')],
          responses: json('Pool'),
        },
      },
    });
    expect(table.Pool_Delete!.retryRecovery).toEqual({ read: 'Pool_Get', expect: 'deleted' });
    expect(table.Pool_Get!.retryRecovery).toBeUndefined();
  });

  it('none when nothing reads the deleted path', () => {
    const table = tableOf({
      '/pools/{poolId}': {
        delete: {
          operationId: 'Pool_Delete',
          parameters: [pathParam('poolId')],
          responses: { '202': { description: 'Accepted' } },
        },
      },
    });
    expect(table.Pool_Delete!.retryRecovery).toBeUndefined();
  });
});

describe('retryRecovery of an action', () => {
  const action = (extra: Json = {}): Json => ({
    operationId: 'Pool_Enable',
    parameters: [pathParam('poolId')],
    responses: { '204': { description: 'No Content' } },
    ...extra,
  });
  const poolGet = {
    get: { operationId: 'Pool_Get', parameters: [pathParam('poolId')], responses: json('Pool') },
  };

  it('only where the overlay states the state the action leaves', () => {
    const marked = tableOf({
      '/pools/{poolId}': poolGet,
      '/pools/{poolId}/enable': { post: action({ [EXPECTS_STATE]: 'active' }) },
    });
    expect(marked.Pool_Enable!.retryRecovery).toEqual({
      read: 'Pool_Get',
      expect: { state: 'active' },
    });
    const unmarked = tableOf({
      '/pools/{poolId}': poolGet,
      '/pools/{poolId}/enable': { post: action() },
    });
    expect(unmarked.Pool_Enable!.retryRecovery).toBeUndefined();
  });

  it.each([
    [
      'no GET of the resource path',
      { '/pools/{poolId}/enable': { post: action({ [EXPECTS_STATE]: 'active' }) } },
    ],
    [
      'an empty state',
      {
        '/pools/{poolId}': poolGet,
        '/pools/{poolId}/enable': { post: action({ [EXPECTS_STATE]: '' }) },
      },
    ],
  ])('a mark that cannot be honoured stops the generation (%s)', (_why, paths) => {
    expect(() => tableOf(paths as Json)).toThrow(
      `Pool_Enable: ${EXPECTS_STATE} needs a POST action on <resource path>/<verb> with a JSON GET of the resource path, and a non-empty state`,
    );
  });
});
