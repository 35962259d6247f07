/**
 * The 2026-shaped fixture spec (test/fixtures/specs/batch-2026-10-01-shape.json) carries each
 * trait its README lists, read as plain JSON, independently of the pipeline, so the README cannot
 * drift from the file while the pipeline changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

type Json = Record<string, unknown>;

const FILE = join(import.meta.dirname, '../../fixtures/specs/batch-2026-10-01-shape.json');
const spec = JSON.parse(readFileSync(FILE, 'utf8')) as Json;
const paths = spec.paths as Record<string, Record<string, Json>>;
const definitions = spec.definitions as Record<string, Json>;
const API_VERSION_REF = '#/parameters/Azure.Core.Foundations.ApiVersionParameter';
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head'];

const operations = Object.entries(paths).flatMap(([path, item]) =>
  HTTP_METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
);
const byId = new Map(operations.map((o) => [o.op.operationId as string, o]));
const operation = (id: string) => byId.get(id)!;
const params = (id: string) => operation(id).op.parameters as Json[];
const param = (id: string, name: string) => params(id).find((p) => p.name === name)!;
const names = (id: string) => params(id).map((p) => (p.$ref ? 'api-version' : p.name));

describe('the 2026-10-01-shaped fixture', () => {
  it('no host: the account URL is an {endpoint} parameterized host, a required uri path parameter kept unencoded', () => {
    expect(spec).not.toHaveProperty('host');
    expect(spec['x-ms-parameterized-host']).toEqual({
      hostTemplate: '{endpoint}',
      useSchemePrefix: false,
      parameters: [
        expect.objectContaining({
          name: 'endpoint',
          in: 'path',
          required: true,
          type: 'string',
          format: 'uri',
          'x-ms-skip-url-encoding': true,
        }),
      ],
    });
  });

  it('security: OAuth2 only, the Batch scope with its double slash, no Shared Key scheme', () => {
    expect(Object.keys(spec.securityDefinitions as Json)).toEqual(['OAuth2Auth']);
    expect(spec.security).toEqual([{ OAuth2Auth: ['https://batch.core.windows.net//.default'] }]);
  });

  it('api-version: one shared parameter, required, minLength 1, and a version with no .NN.0 suffix', () => {
    expect((spec.parameters as Json)['Azure.Core.Foundations.ApiVersionParameter']).toMatchObject({
      name: 'api-version',
      in: 'query',
      required: true,
      type: 'string',
      minLength: 1,
    });
    expect((spec.info as Json).version).toBe('2026-10-01');
    for (const { op } of operations) {
      expect((op.parameters as Json[])[0]).toEqual({ $ref: API_VERSION_REF });
    }
  });

  it('every operation: timeOut int32, client-request-id inline, ocp-date an RFC 7231 date called ocpdate', () => {
    for (const id of byId.keys()) {
      expect(names(id).slice(0, 5)).toEqual([
        'api-version',
        'timeOut',
        'client-request-id',
        'return-client-request-id',
        'ocp-date',
      ]);
      expect(param(id, 'timeOut')).toMatchObject({ type: 'integer', format: 'int32' });
      expect(param(id, 'client-request-id')).not.toHaveProperty('format');
      expect(param(id, 'client-request-id')).not.toHaveProperty('x-ms-client-request-id');
      expect(param(id, 'ocp-date')).toMatchObject({
        format: 'date-time-rfc7231',
        'x-ms-client-name': 'ocpdate',
      });
    }
  });

  it('conditional headers: If-Modified-Since / If-Unmodified-Since as RFC 7231 dates, before or after the path parameters', () => {
    expect(names('Jobs_ReplaceJob').slice(5)).toEqual([
      'If-Modified-Since',
      'If-Unmodified-Since',
      'If-Match',
      'If-None-Match',
      'jobId',
      'job',
    ]);
    expect(names('Tasks_GetTaskFile').slice(5)).toEqual([
      'jobId',
      'taskId',
      'filePath',
      'If-Modified-Since',
      'If-Unmodified-Since',
      'ocp-range',
    ]);
    expect(param('Jobs_GetJob', 'If-Unmodified-Since')).toMatchObject({
      format: 'date-time-rfc7231',
      'x-ms-client-name': 'ifUnmodifiedSince',
    });
  });

  it('replace operations take the whole resource model get answers with, whose required list names read-only properties', () => {
    for (const [replace, get, model] of [
      ['Jobs_ReplaceJob', 'Jobs_GetJob', 'BatchJob'],
      ['Tasks_ReplaceTask', 'Tasks_GetTask', 'BatchTask'],
      ['JobSchedules_ReplaceJobSchedule', 'JobSchedules_GetJobSchedule', 'BatchJobSchedule'],
    ] as const) {
      expect(operation(replace).method).toBe('put');
      expect(operation(replace).path).toBe(operation(get).path);
      const body = params(replace).find((p) => p.in === 'body')!;
      expect(body.schema).toEqual({ $ref: `#/definitions/${model}` });
      expect((operation(get).op.responses as Record<string, Json>)['200']!.schema).toEqual({
        $ref: `#/definitions/${model}`,
      });
      const props = definitions[model]!.properties as Record<string, Json>;
      const readOnlyRequired = (definitions[model]!.required as string[]).filter(
        (name) => props[name]!.readOnly === true,
      );
      expect(readOnlyRequired).toEqual(
        expect.arrayContaining(['id', 'url', 'eTag', 'lastModified', 'state']),
      );
    }
    // a read-only $ref in the Job Schedule's required list: its execution info
    const schedule = definitions.BatchJobSchedule!;
    expect(schedule.required).toContain('executionInfo');
    expect((schedule.properties as Record<string, Json>).executionInfo).toMatchObject({
      $ref: '#/definitions/BatchJobScheduleExecutionInfo',
      readOnly: true,
    });
    // only constraints of a Task can be changed
    const taskProps = definitions.BatchTask!.properties as Record<string, Json>;
    expect(Object.keys(taskProps).filter((name) => taskProps[name]!.readOnly !== true)).toEqual([
      'constraints',
    ]);
  });

  it('no certificate operations, and the six groups of the published tags', () => {
    expect([...byId.keys()].filter((id) => /certificate/i.test(id))).toEqual([]);
    expect(JSON.stringify(spec)).not.toMatch(/certificate/i);
    expect(JSON.stringify(spec)).not.toContain('x-ms-identifiers'); // the 2025 file had them
    expect((spec.tags as Json[]).map((t) => t.name)).toEqual([
      'Applications',
      'Pools',
      'Jobs',
      'Job Schedules',
      'Tasks',
      'Nodes',
    ]);
  });

  it('file operations: Content-Length an int64 written as a string, ocp-creation-time an RFC 7231 date', () => {
    for (const id of ['Tasks_GetTaskFile', 'Tasks_GetTaskFileProperties']) {
      const headers = (operation(id).op.responses as Record<string, Json>)['200']!.headers as Json;
      expect(headers['Content-Length']).toMatchObject({ type: 'string', format: 'int64' });
      expect(headers['ocp-creation-time']).toMatchObject({ format: 'date-time-rfc7231' });
    }
    expect(operation('Tasks_GetTaskFileProperties').method).toBe('head');
    expect(operation('Tasks_GetTaskFileProperties').op.responses).not.toHaveProperty('404');
  });

  it('definitions are in code-unit order, and every $ref resolves', () => {
    const keys = Object.keys(definitions);
    expect(keys).toEqual([...keys].sort());
    const refs = JSON.stringify(spec).match(/"#\/(definitions|parameters)\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const [, kind, name] = /^"#\/(\w+)\/(.+)"$/.exec(ref)!;
      expect([ref, (spec[kind!] as Json)[name!] !== undefined]).toEqual([ref, true]);
    }
  });
});
