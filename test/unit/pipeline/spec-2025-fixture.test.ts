/**
 * The 2025-shaped fixture spec (test/fixtures/specs/batch-2025-06-01.21.0-shape.json): it is a
 * structurally valid Swagger 2.0 document, and it carries each trait of the published
 * 2025-06-01.21.0 layout that the generator has to handle. Read as plain JSON, independently of
 * the pipeline, so the checks hold while the pipeline changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

type Json = Record<string, unknown>;

const FILE = join(import.meta.dirname, '../../fixtures/specs/batch-2025-06-01.21.0-shape.json');
const TEXT = readFileSync(FILE, 'utf8');
const spec = JSON.parse(TEXT) as Json;

const API_VERSION_REF = '#/parameters/Azure.Core.Foundations.ApiVersionParameter';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const PARAMETER_LOCATIONS = ['query', 'header', 'path', 'formData', 'body'];
const SIMPLE_TYPES = ['string', 'number', 'integer', 'boolean', 'array'];
const COLLECTION_FORMATS = ['csv', 'ssv', 'tsv', 'pipes', 'multi'];
const CERTIFICATE_PATH =
  '/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})';

interface Operation {
  operationId: string;
  method: string;
  path: string;
  op: Json;
  parameters: Json[];
  responses: Record<string, Json>;
}

const paths = spec.paths as Record<string, Json>;
const definitions = spec.definitions as Record<string, Json>;
const operations: Operation[] = Object.entries(paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m] !== undefined).map((method) => {
    const op = item[method] as Json;
    return {
      operationId: op.operationId as string,
      method: method.toUpperCase(),
      path,
      op,
      parameters: (op.parameters ?? []) as Json[],
      responses: op.responses as Record<string, Json>,
    };
  }),
);
const byId = new Map(operations.map((o) => [o.operationId, o]));
const operation = (id: string): Operation => {
  const found = byId.get(id);
  if (!found) throw new Error(`fixture has no operation ${id}`);
  return found;
};

function resolve(ref: string): Json {
  expect(ref.startsWith('#/')).toBe(true);
  let node: unknown = spec;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node as Json;
}

const deref = (p: Json): Json => (typeof p.$ref === 'string' ? resolve(p.$ref) : p);
const param = (o: Operation, name: string): Json => {
  const found = o.parameters.map(deref).find((p) => p.name === name);
  if (!found) throw new Error(`${o.operationId} has no parameter ${name}`);
  return found;
};
const paramNames = (o: Operation) => o.parameters.map((p) => deref(p).name as string);

/** Every node of the document with its JSON path, `x-ms-examples` subtrees included. */
function* walk(node: unknown, at: string): Generator<{ at: string; key: string; value: unknown }> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* walk(v, `${at}[${i}]`);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Json)) {
      yield { at, key, value };
      yield* walk(value, `${at}.${key}`);
    }
  }
}
const everything = [...walk(spec, '$')];

describe('2025-shaped fixture spec: structurally valid Swagger 2.0', () => {
  it('is a Swagger 2.0 document with the required top-level members', () => {
    expect(spec.swagger).toBe('2.0');
    expect(typeof (spec.info as Json).title).toBe('string');
    expect(typeof (spec.info as Json).version).toBe('string');
    expect(spec.schemes).toEqual(['https']);
    expect(spec.host).toBeUndefined();
    expect(spec.basePath).toBeUndefined();
    for (const path of Object.keys(paths)) expect(path.startsWith('/')).toBe(true);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
  });

  it('every internal $ref resolves; external $refs appear only as example files', () => {
    const refs = everything.filter((n) => n.key === '$ref');
    expect(refs.length).toBeGreaterThan(50);
    for (const { at, value } of refs) {
      const ref = value as string;
      if (at.includes('x-ms-examples')) {
        expect(ref).toMatch(/^\.\/examples\/[A-Za-z]+_[A-Za-z]+\.json$/);
      } else {
        expect(() => resolve(ref)).not.toThrow();
      }
    }
  });

  it('parameters are well formed, unique, and match the path templates', () => {
    for (const o of operations) {
      const resolved = o.parameters.map(deref);
      const keys = resolved.map((p) => `${p.in}:${p.name}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(resolved.filter((p) => p.in === 'body').length).toBeLessThanOrEqual(1);
      for (const p of resolved) {
        expect(typeof p.name).toBe('string');
        expect(PARAMETER_LOCATIONS).toContain(p.in);
        if (p.in === 'body') {
          expect(p.schema).toBeDefined();
          expect(p.type).toBeUndefined();
          continue;
        }
        expect(SIMPLE_TYPES).toContain(p.type);
        if (p.in === 'path') expect(p.required).toBe(true);
        if (p.type === 'array') {
          expect((p.items as Json).type).toBe('string');
          expect(COLLECTION_FORMATS).toContain(p.collectionFormat);
        }
      }
      const templated = [...o.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = resolved
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      expect({ id: o.operationId, declared }).toEqual({ id: o.operationId, declared: templated });
    }
  });

  it('responses have descriptions, typed headers, and a file schema only on a 2xx', () => {
    for (const o of operations) {
      expect(Object.keys(o.responses).length).toBeGreaterThan(0);
      for (const [status, r] of Object.entries(o.responses)) {
        expect(status).toMatch(/^(default|[1-5]\d\d)$/);
        expect(typeof r.description).toBe('string');
        for (const h of Object.values((r.headers ?? {}) as Record<string, Json>)) {
          expect(['string', 'number', 'integer', 'boolean', 'array']).toContain(h.type);
        }
        if ((r.schema as Json | undefined)?.type === 'file') expect(status).toMatch(/^2/);
      }
    }
  });

  it('definitions are typed and hold no inline enums (every enum is its own definition)', () => {
    for (const [name, def] of Object.entries(definitions)) {
      expect({ name, type: def.type }).toEqual({
        name,
        type: def.enum ? 'string' : expect.stringMatching(/^(object|string)$/),
      });
      for (const prop of Object.values((def.properties ?? {}) as Record<string, Json>)) {
        expect(prop.enum).toBeUndefined();
      }
    }
  });
});

describe('2025-shaped fixture spec: top level', () => {
  it('has the 2025 version, title and TypeSpec marker', () => {
    const info = spec.info as Json;
    expect(info.version).toBe('2025-06-01.21.0');
    expect(info.title).toBe('Azure Batch');
    expect(info['x-typespec-generated']).toEqual([{ emitter: '@azure-tools/typespec-autorest' }]);
  });

  it('takes the account URL as an inline {endpoint} host parameter', () => {
    const host = spec['x-ms-parameterized-host'] as Json;
    expect(host.hostTemplate).toBe('{endpoint}');
    expect(host.useSchemePrefix).toBe(false);
    const parameters = host.parameters as Json[];
    expect(parameters).toHaveLength(1);
    expect(parameters[0]).toMatchObject({
      name: 'endpoint',
      in: 'path',
      required: true,
      type: 'string',
      format: 'uri',
      'x-ms-skip-url-encoding': true,
    });
    expect(parameters[0]!.$ref).toBeUndefined();
    expect(parameters[0]!['x-ms-parameter-location']).toBeUndefined();
  });

  it('consumes and produces plain JSON at the top level', () => {
    expect(spec.consumes).toEqual(['application/json']);
    expect(spec.produces).toEqual(['application/json']);
  });

  it('has one OAuth2 scheme and no shared-key scheme', () => {
    const scope = 'https://batch.core.windows.net//.default';
    expect(spec.security).toEqual([{ OAuth2Auth: [scope] }]);
    expect(spec.securityDefinitions).toEqual({
      OAuth2Auth: {
        type: 'oauth2',
        flow: 'implicit',
        authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
        scopes: { [scope]: '' },
      },
    });
  });

  it('lists tags by name only, in the 2025 order', () => {
    expect(spec.tags).toEqual(
      ['Pools', 'Jobs', 'Certificates', 'Tasks', 'Nodes'].map((name) => ({ name })),
    );
  });

  it('shares exactly one parameter, the dotted api-version, with no default and no enum', () => {
    expect(Object.keys(spec.parameters as Json)).toEqual([
      'Azure.Core.Foundations.ApiVersionParameter',
    ]);
    const apiVersion = resolve(API_VERSION_REF);
    expect(apiVersion).toMatchObject({
      name: 'api-version',
      in: 'query',
      required: true,
      type: 'string',
      minLength: 1,
      'x-ms-parameter-location': 'method',
      'x-ms-client-name': 'apiVersion',
    });
    expect(apiVersion.default).toBeUndefined();
    expect(apiVersion.enum).toBeUndefined();
  });

  it('has definition names with dots, lists definitions in code-unit order', () => {
    expect(definitions['Azure.Core.eTag']).toEqual({
      type: 'string',
      description: expect.any(String),
    });
    const names = Object.keys(definitions);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('uses none of the 2024 markers anywhere', () => {
    const keys = new Set(everything.map((n) => n.key));
    for (const gone of [
      'x-ms-client-request-id',
      'x-ms-parameter-grouping',
      'x-ms-request-id',
      'x-ms-error-response',
      'x-nullable',
      'allOf',
      'discriminator',
    ]) {
      expect({ gone, present: keys.has(gone) }).toEqual({ gone, present: false });
    }
    // 2025 writes model texts as `description` only (2024 used `title`).
    expect(everything.filter((n) => n.at.startsWith('$.definitions') && n.key === 'title')).toEqual(
      [],
    );
    const formats = new Set(everything.filter((n) => n.key === 'format').map((n) => n.value));
    expect(formats.has('date-time-rfc1123')).toBe(false);
    expect(formats.has('uuid')).toBe(false);
    expect(TEXT).not.toContain('x-ms-client-request-id');
  });
});

describe('2025-shaped fixture spec: operations', () => {
  it('holds the five certificate operations under their 2025 ids, the 2024 paths, all deprecated', () => {
    const certificates = operations
      .filter((o) => o.op.deprecated === true)
      .map((o) => [o.operationId, o.method, o.path])
      .sort();
    expect(certificates).toEqual(
      [
        ['Certificates_CancelCertificateDeletion', 'POST', `${CERTIFICATE_PATH}/canceldelete`],
        ['Certificates_CreateCertificate', 'POST', '/certificates'],
        ['Certificates_DeleteCertificate', 'DELETE', CERTIFICATE_PATH],
        ['Certificates_GetCertificate', 'GET', CERTIFICATE_PATH],
        ['Certificates_ListCertificates', 'GET', '/certificates'],
      ].sort(),
    );
    for (const [id] of certificates) expect(operation(id!).op.tags).toEqual(['Certificates']);
  });

  it('holds the non-certificate operations that carry the other traits', () => {
    const others = operations
      .filter((o) => o.op.deprecated === undefined)
      .map((o) => [o.operationId, o.method, o.path])
      .sort();
    expect(others).toEqual(
      [
        ['Jobs_TerminateJob', 'POST', '/jobs/{jobId}/terminate'],
        ['Nodes_GetNodeFile', 'GET', '/pools/{poolId}/nodes/{nodeId}/files/{filePath}'],
        ['Nodes_GetNodeFileProperties', 'HEAD', '/pools/{poolId}/nodes/{nodeId}/files/{filePath}'],
        ['Pools_GetPool', 'GET', '/pools/{poolId}'],
        ['Pools_PoolExists', 'HEAD', '/pools/{poolId}'],
        ['Tasks_ListTasks', 'GET', '/jobs/{jobId}/tasks'],
      ].sort(),
    );
  });

  it('every operation starts with the api-version $ref and the four standard parameters', () => {
    for (const o of operations) {
      expect(o.parameters[0]).toEqual({ $ref: API_VERSION_REF });
      expect(paramNames(o).slice(0, 5)).toEqual([
        'api-version',
        'timeOut',
        'client-request-id',
        'return-client-request-id',
        'ocp-date',
      ]);
      expect(param(o, 'timeOut')).toEqual({
        name: 'timeOut',
        in: 'query',
        description: expect.any(String),
        required: false,
        type: 'integer',
        format: 'int32',
      });
      expect(param(o, 'client-request-id')).toEqual({
        name: 'client-request-id',
        in: 'header',
        description: expect.any(String),
        required: false,
        type: 'string',
        'x-ms-client-name': 'clientRequestId',
      });
      expect(param(o, 'return-client-request-id')).toMatchObject({
        in: 'header',
        type: 'boolean',
        default: false,
        'x-ms-client-name': 'returnClientRequestId',
      });
      expect(param(o, 'ocp-date')).toMatchObject({
        in: 'header',
        type: 'string',
        format: 'date-time-rfc7231',
        'x-ms-client-name': 'ocpdate',
      });
      expect(o.parameters.map(deref).filter((p) => p.name === 'timeout')).toEqual([]);
    }
  });

  it('puts path parameters after the standard ones and the body last', () => {
    for (const o of operations) {
      const resolved = o.parameters.map(deref);
      const firstPath = resolved.findIndex((p) => p.in === 'path');
      if (firstPath >= 0) expect(firstPath).toBeGreaterThan(4);
      const body = resolved.findIndex((p) => p.in === 'body');
      if (body >= 0) expect(body).toBe(resolved.length - 1);
    }
  });

  it('answers every error with BatchError and declares no x-ms-request-id', () => {
    for (const o of operations) {
      expect(o.responses.default).toEqual({
        description: expect.any(String),
        schema: { $ref: '#/definitions/BatchError' },
      });
      expect(o.op['x-ms-request-id']).toBeUndefined();
    }
  });

  it('declares Last-Modified as rfc7231 and the id headers without a format', () => {
    let lastModified = 0;
    for (const o of operations) {
      for (const [status, r] of Object.entries(o.responses)) {
        const headers = (r.headers ?? {}) as Record<string, Json>;
        if (/^2/.test(status)) expect(Object.keys(headers)).toContain('request-id');
        if (headers['Last-Modified']) {
          lastModified++;
          expect(headers['Last-Modified']).toMatchObject({
            type: 'string',
            format: 'date-time-rfc7231',
          });
        }
        for (const id of ['client-request-id', 'request-id']) {
          if (headers[id]) expect(headers[id]!.format).toBeUndefined();
        }
      }
    }
    expect(lastModified).toBe(operations.length);
  });

  it('Create takes the shared BatchCertificate as a body named certificate, in minimal metadata', () => {
    const create = operation('Certificates_CreateCertificate');
    expect(create.op.consumes).toEqual(['application/json; odata=minimalmetadata']);
    expect(create.parameters.at(-1)).toEqual({
      name: 'certificate',
      in: 'body',
      description: expect.any(String),
      required: true,
      schema: { $ref: '#/definitions/BatchCertificate' },
    });
    expect(operation('Certificates_GetCertificate').responses['200']!.schema).toEqual({
      $ref: '#/definitions/BatchCertificate',
    });
    expect(Object.keys(create.responses['201']!.headers as Json).sort()).toEqual(
      ['DataServiceId', 'ETag', 'Last-Modified', 'client-request-id', 'request-id'].sort(),
    );
    expect(create.responses['201']!.schema).toBeUndefined();
  });

  it('only operations with a body override consumes', () => {
    for (const o of operations) {
      const hasBody = o.parameters.some((p) => p.in === 'body');
      expect({ id: o.operationId, consumes: o.op.consumes }).toEqual({
        id: o.operationId,
        consumes: hasBody ? ['application/json; odata=minimalmetadata'] : undefined,
      });
    }
  });

  it('List: maxresults without client name, $filter and csv $select with one, pageable without itemName', () => {
    const list = operation('Certificates_ListCertificates');
    expect(paramNames(list).slice(5)).toEqual(['maxresults', '$filter', '$select']);
    const maxresults = param(list, 'maxresults');
    expect(maxresults).toMatchObject({
      in: 'query',
      type: 'integer',
      format: 'int32',
      default: 1000,
      minimum: 1,
      maximum: 1000,
    });
    expect(maxresults['x-ms-client-name']).toBeUndefined();
    expect(param(list, '$filter')).toMatchObject({ type: 'string', 'x-ms-client-name': 'filter' });
    expect(param(list, '$select')).toMatchObject({
      in: 'query',
      type: 'array',
      items: { type: 'string' },
      collectionFormat: 'csv',
      'x-ms-client-name': 'select',
    });
    expect(list.op['x-ms-pageable']).toEqual({ nextLinkName: 'odata.nextLink' });
    expect(list.responses['200']!.schema).toEqual({
      $ref: '#/definitions/BatchCertificateListResult',
    });
  });

  it('Get has no summary and a csv $select after the path parameters', () => {
    const get = operation('Certificates_GetCertificate');
    expect(get.op.summary).toBeUndefined();
    expect(paramNames(get).slice(5)).toEqual(['thumbprintAlgorithm', 'thumbprint', '$select']);
    expect(param(get, '$select')).toMatchObject({ type: 'array', collectionFormat: 'csv' });
  });

  it('Delete answers 202 with ETag and Last-Modified; Cancel deletion 204 with a description ending in a space', () => {
    const del = operation('Certificates_DeleteCertificate');
    expect(Object.keys(del.responses).sort()).toEqual(['202', 'default']);
    expect(Object.keys(del.responses['202']!.headers as Json).sort()).toEqual(
      ['ETag', 'Last-Modified', 'client-request-id', 'request-id'].sort(),
    );
    const cancel = operation('Certificates_CancelCertificateDeletion');
    expect(Object.keys(cancel.responses).sort()).toEqual(['204', 'default']);
    expect(cancel.responses['204']!.description).toMatch(/\S $/);
    expect(Object.keys(cancel.responses['204']!.headers as Json)).toContain('DataServiceId');
  });

  it('Pools_PoolExists: a HEAD with the four conditional headers and a declared 404', () => {
    const exists = operation('Pools_PoolExists');
    expect(exists.op.summary).toBeUndefined();
    expect(paramNames(exists).slice(5)).toEqual([
      'If-Modified-Since',
      'If-Unmodified-Since',
      'If-Match',
      'If-None-Match',
      'poolId',
    ]);
    for (const [name, client] of [
      ['If-Modified-Since', 'ifModifiedSince'],
      ['If-Unmodified-Since', 'ifUnmodifiedSince'],
    ]) {
      expect(param(exists, name!)).toMatchObject({
        in: 'header',
        type: 'string',
        format: 'date-time-rfc7231',
        'x-ms-client-name': client,
      });
    }
    for (const [name, client] of [
      ['If-Match', 'ifMatch'],
      ['If-None-Match', 'ifNoneMatch'],
    ]) {
      const p = param(exists, name!);
      expect(p).toMatchObject({ in: 'header', type: 'string', 'x-ms-client-name': client });
      expect(p.format).toBeUndefined();
    }
    expect(Object.keys(exists.responses).sort()).toEqual(['200', '404', 'default']);
    expect(exists.responses['404']).toEqual({ description: expect.any(String) });
  });

  it('Nodes_GetNodeFile: a type file download with the file headers, Content-Length an int64 string', () => {
    const download = operation('Nodes_GetNodeFile');
    expect(download.op.produces).toEqual(['application/octet-stream', 'application/json']);
    expect(paramNames(download).slice(5)).toEqual([
      'poolId',
      'nodeId',
      'filePath',
      'If-Modified-Since',
      'If-Unmodified-Since',
      'ocp-range',
    ]);
    expect(param(download, 'filePath')['x-ms-skip-url-encoding']).toBeUndefined();
    const ok = download.responses['200']!;
    expect(ok.schema).toEqual({ type: 'file' });
    const headers = ok.headers as Record<string, Json>;
    expect(Object.keys(headers).sort()).toEqual(
      [
        'Content-Length',
        'ETag',
        'Last-Modified',
        'client-request-id',
        'ocp-batch-file-isdirectory',
        'ocp-batch-file-mode',
        'ocp-batch-file-url',
        'ocp-creation-time',
        'request-id',
      ].sort(),
    );
    expect(headers['Content-Length']).toMatchObject({ type: 'string', format: 'int64' });
    expect(headers['ocp-batch-file-isdirectory']).toMatchObject({ type: 'boolean' });
    expect(headers['ocp-creation-time']).toMatchObject({ format: 'date-time-rfc7231' });
    expect(headers['Content-Type']).toBeUndefined();
  });

  it('Nodes_GetNodeFileProperties: a HEAD with the file headers and no 404', () => {
    const properties = operation('Nodes_GetNodeFileProperties');
    expect(Object.keys(properties.responses).sort()).toEqual(['200', 'default']);
    expect(properties.responses['200']!.schema).toBeUndefined();
    expect(
      (properties.responses['200']!.headers as Record<string, Json>)['Content-Length'],
    ).toEqual(expect.objectContaining({ type: 'string', format: 'int64' }));
  });

  it('Jobs_TerminateJob: an optional body named options, after the force query parameter', () => {
    const terminate = operation('Jobs_TerminateJob');
    expect(paramNames(terminate).slice(-3)).toEqual(['jobId', 'force', 'options']);
    expect(terminate.parameters.at(-1)).toEqual({
      name: 'options',
      in: 'body',
      description: expect.any(String),
      required: false,
      schema: { $ref: '#/definitions/BatchJobTerminateOptions' },
    });
    expect(definitions.BatchJobTerminateOptions!.properties).toEqual({
      terminateReason: expect.objectContaining({ 'x-ms-client-name': 'terminationReason' }),
    });
  });

  it('Tasks_ListTasks and Pools_GetPool: csv $select and $expand without client names', () => {
    const list = operation('Tasks_ListTasks');
    expect(paramNames(list).slice(5)).toEqual([
      'jobId',
      'maxresults',
      '$filter',
      '$select',
      '$expand',
    ]);
    const get = operation('Pools_GetPool');
    for (const o of [list, get]) {
      for (const name of ['$select', '$expand']) {
        const p = param(o, name);
        expect(p).toMatchObject({
          type: 'array',
          items: { type: 'string' },
          collectionFormat: 'csv',
        });
        expect(p['x-ms-client-name']).toBeUndefined();
      }
    }
    expect(param(list, '$filter')['x-ms-client-name']).toBeUndefined();
    expect(list.op['x-ms-pageable']).toEqual({ nextLinkName: 'odata.nextLink' });
  });

  it('examples are title → file $ref objects, as in the published file', () => {
    for (const o of operations) {
      const examples = Object.values(o.op['x-ms-examples'] as Record<string, Json>);
      expect(examples).toEqual([{ $ref: `./examples/${o.operationId}.json` }]);
    }
  });
});

describe('2025-shaped fixture spec: models', () => {
  const certificate = definitions.BatchCertificate!;
  const props = certificate.properties as Record<string, Json>;

  it('BatchCertificate marks the response-only properties readOnly, $ref siblings included', () => {
    const readOnly = Object.entries(props)
      .filter(([, p]) => p.readOnly === true)
      .map(([name]) => name)
      .sort();
    expect(readOnly).toEqual(
      [
        'url',
        'state',
        'stateTransitionTime',
        'previousState',
        'previousStateTransitionTime',
        'publicData',
        'deleteCertificateError',
      ].sort(),
    );
    expect(props.state).toEqual({
      $ref: '#/definitions/BatchCertificateState',
      description: expect.any(String),
      readOnly: true,
    });
    expect(props.url).toMatchObject({ type: 'string', format: 'uri' });
  });

  it('BatchCertificate marks the create-only properties with x-ms-mutability', () => {
    const createOnly = Object.entries(props)
      .filter(([, p]) => p['x-ms-mutability'] !== undefined)
      .map(([name, p]) => [name, p['x-ms-mutability']]);
    expect(createOnly).toEqual([
      ['data', ['create']],
      ['certificateFormat', ['create']],
      ['password', ['create']],
    ]);
    expect(props.data).toMatchObject({ type: 'string', format: 'byte' });
    expect(props.certificateFormat!.$ref).toBe('#/definitions/BatchCertificateFormat');
    expect(props.password).toEqual({
      type: 'string',
      description: expect.any(String),
      'x-ms-mutability': ['create'],
    });
    expect(certificate.required).toEqual(['thumbprint', 'thumbprintAlgorithm', 'data']);
    const mutability = everything.filter((n) => n.key === 'x-ms-mutability');
    expect(mutability).toHaveLength(3);
  });

  it('enums are standalone open enums with named values', () => {
    const enums = Object.entries(definitions).filter(([, d]) => d.enum);
    expect(enums.map(([name]) => name)).toEqual(
      expect.arrayContaining(['BatchCertificateFormat', 'BatchCertificateState']),
    );
    for (const [name, def] of enums) {
      const xEnum = def['x-ms-enum'] as Json;
      expect(xEnum.name).toBe(name);
      expect(xEnum.modelAsString).toBe(true);
      const values = xEnum.values as Json[];
      expect(values.map((v) => v.value)).toEqual(def.enum);
      for (const v of values) {
        expect(v).toEqual({
          name: expect.any(String),
          value: expect.any(String),
          description: expect.any(String),
        });
      }
    }
    expect(definitions.BatchCertificateState!.enum).toEqual(['active', 'deleting', 'deletefailed']);
    expect(definitions.BatchCertificateFormat!.enum).toEqual(['pfx', 'cer']);
  });

  it('the certificate list result and error models have the 2025 names and shapes', () => {
    expect((definitions.BatchCertificateListResult!.properties as Json).value).toEqual({
      type: 'array',
      description: expect.any(String),
      items: { $ref: '#/definitions/BatchCertificate' },
      'x-ms-identifiers': [],
    });
    expect(Object.keys(definitions.BatchCertificateListResult!.properties as Json)).toEqual([
      'value',
      'odata.nextLink',
    ]);
    expect(Object.keys(definitions.BatchCertificateDeleteError!.properties as Json)).toEqual([
      'code',
      'message',
      'values',
    ]);
    const error = definitions.BatchError!;
    expect(error.required).toBeUndefined();
    expect((error.properties as Record<string, Json>).message!.$ref).toBe(
      '#/definitions/BatchErrorMessage',
    );
    expect(Object.keys(definitions.BatchErrorMessage!.properties as Json)).toEqual([
      'lang',
      'value',
    ]);
    expect(Object.keys(definitions.BatchErrorDetail!.properties as Json)).toEqual(['key', 'value']);
    expect(Object.keys(definitions.NameValuePair!.properties as Json)).toEqual(['name', 'value']);
    for (const old of ['Certificate', 'CertificateAddParameter', 'ErrorMessage']) {
      expect(definitions[old]).toBeUndefined();
    }
  });

  it('the other models carry the remaining property traits', () => {
    const task = definitions.BatchTask!.properties as Record<string, Json>;
    expect(task.eTag).toEqual({
      $ref: '#/definitions/Azure.Core.eTag',
      description: expect.any(String),
      readOnly: true,
    });
    expect(task.stats).toMatchObject({ readOnly: true, 'x-ms-client-name': 'taskStatistics' });
    const stats = definitions.BatchTaskStatistics!.properties as Record<string, Json>;
    expect(stats.readIOps).toMatchObject({
      type: 'string',
      format: 'int64',
      'x-ms-client-name': 'readIops',
    });
    expect(stats.userCPUTime).toMatchObject({ type: 'string', format: 'duration' });
    expect(stats.readIOGiB).toMatchObject({ type: 'number', format: 'float' });
    expect(Object.keys(definitions.ExitConditions!.properties as Json)).toContain('default');
    const vm = definitions.VirtualMachineConfiguration!.properties as Record<string, Json>;
    expect(vm.osDisk).toMatchObject({ 'x-ms-client-name': 'OsDisk' });
    expect(vm.nodeAgentSKUId).toMatchObject({ 'x-ms-client-name': 'nodeAgentSkuId' });
    const pool = definitions.BatchPool!.properties as Record<string, Json>;
    expect(pool.resourceTags).toMatchObject({
      type: 'object',
      additionalProperties: { type: 'string' },
      readOnly: true,
    });
    const image = definitions.BatchVmImageReference!.properties as Record<string, Json>;
    expect(image.virtualMachineImageId).toMatchObject({ format: 'arm-id' });
    expect(image.exactVersion).toMatchObject({ readOnly: true });
    // The non-certificate list result has no x-ms-identifiers on value, as in 2025.
    const taskList = definitions.BatchTaskListResult!.properties as Record<string, Json>;
    expect(taskList.value!['x-ms-identifiers']).toBeUndefined();
  });
});
