/**
 * Which GET reads back what a create made: found by the shape of the API (the create's path plus
 * the resource's key), with keys from the body and parents from the create's own path.
 */
import { describe, expect, it } from '@jest/globals';
import { buildOperationTable } from '../../../scripts/pipeline/operation-table.ts';
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

describe('conflictCheck', () => {
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
    expect(table.Widget_Add!.conflictCheck).toEqual({ operationId: 'Widget_Get' });
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
    expect(table.Cert_Add!.conflictCheck).toEqual({ operationId: 'Cert_Get' });
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
    expect(table.Pool_Add!.conflictCheck).toBeUndefined();
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
    expect(table.Widget_Add!.conflictCheck).toBeUndefined();
  });
});
