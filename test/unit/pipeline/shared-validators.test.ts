/**
 * Shared validators (issue 14, item 6): a named definition, its lenient shape and a parameter's
 * rules are each compiled into one function that every validator reaching them calls, so the
 * module grows with the spec's schemas, not with operations × schemas; the words of a rule inside
 * a shared schema are still found for every validator that reports it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  compileValidators,
  dropUnreadSchemas,
} from '../../../scripts/pipeline/compile-validators.ts';
import { type NamedSchema, SchemaConverter } from '../../../scripts/pipeline/json-schemas.ts';
import { type Json, SpecModel } from '../../../scripts/pipeline/spec-model.ts';
import type { ParameterSpec } from '../../../src/table/operation-table.js';
import {
  type CompiledValidator,
  type RuleMessages,
  ruleIssue,
} from '../../../src/validation/rule-words.js';

const WORDS = 'must be lower-case letters';

/** `D0 → D1 → … → D(n-1)`: each definition has a worded pattern rule and points at the next. */
function specWith(definitions: number): Json {
  const defs: Json = {};
  for (let i = 0; i < definitions; i++) {
    const properties: Json = {
      name: { type: 'string', pattern: '^[a-z]+$', 'x-batch-messages': { pattern: WORDS } },
      size: { type: 'integer', format: 'int32' },
    };
    if (i + 1 < definitions) properties.next = { $ref: `#/definitions/D${i + 1}` };
    defs[`D${i}`] = { type: 'object', required: ['name'], properties };
  }
  return { swagger: '2.0', info: { version: '1' }, paths: {}, definitions: defs };
}

const PARAMETERS: ParameterSpec[] = [
  {
    wireName: 'timeout',
    clientName: 'timeout',
    location: 'query',
    type: 'integer',
    required: false,
  },
  {
    wireName: 'client-request-id',
    clientName: 'clientRequestId',
    location: 'header',
    type: 'string',
    required: false,
  },
];
const WIRE = new Map<string, Json>([
  ['query:timeout', { type: 'integer', format: 'int32' }],
  ['header:client-request-id', { type: 'string', format: 'uuid' }],
]);

/**
 * `operations` operations over a spec of `definitions` chained definitions: each has parameters,
 * a body of its own (one property named after it, and the chain) and a response of the chain.
 */
function schemasOf(operations: number, definitions: number) {
  const converter = new SchemaConverter(new SpecModel(specWith(definitions)));
  const roots: NamedSchema[] = [];
  for (let i = 0; i < operations; i++) {
    roots.push(
      converter.parameters(
        { parameters: PARAMETERS, validators: { parameters: `Op${i}_parameters` } },
        WIRE,
      ),
      converter.root(`Op${i}_body`, {
        type: 'object',
        properties: { [`own${i}`]: { type: 'string' }, item: { $ref: '#/definitions/D0' } },
      }),
      converter.shape(`Op${i}_response`, { $ref: '#/definitions/D0' }),
    );
  }
  return { roots, definitions: converter.definitions() };
}

const sizeOf = (operations: number, definitions: number) =>
  compileValidators(schemasOf(operations, definitions)).js.length;

const scratch = resolve(
  import.meta.dirname,
  '../../../.tmp',
  `shared-${randomBytes(6).toString('hex')}`,
);
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Compiles and imports the module (a plain ESM file, as generated/validators.js is). */
async function load(operations: number, definitions: number) {
  const { js } = compileValidators(schemasOf(operations, definitions));
  await mkdir(scratch, { recursive: true });
  const file = join(scratch, `validators-${operations}-${definitions}.js`);
  await writeFile(file, js);
  const module = (await import(file)) as Record<string, unknown>;
  return {
    js,
    validator: (id: string) => module[id] as CompiledValidator,
    ruleMessages: module.ruleMessages as RuleMessages,
  };
}

describe('shared validators', () => {
  it('converts each definition once, strict and shape apart, and each parameter once', () => {
    const { roots, definitions } = schemasOf(3, 2);
    expect(definitions.map((d) => d.id)).toEqual([
      'def.D0',
      'def.D1',
      'param.clientRequestId',
      'param.timeout',
      'shape.D0',
      'shape.D1',
    ]);
    expect(roots.find((r) => r.id === 'Op2_body')?.schema.properties).toEqual({
      own2: { type: 'string' },
      item: { $ref: 'def.D0' },
    });
    expect(roots.find((r) => r.id === 'Op2_response')?.schema).toEqual({
      $id: 'Op2_response',
      $ref: 'shape.D0',
    });
    const d0 = definitions.find((d) => d.id === 'def.D0')!.schema;
    const shape0 = definitions.find((d) => d.id === 'shape.D0')!.schema;
    expect(d0.additionalProperties).toBe(false); // strict: unknown properties are refused
    expect(shape0.additionalProperties).toBeUndefined(); // shape: a newer service may add some
    expect(shape0.required).toBeUndefined();
  });

  it('compiles one function per shared schema, whichever operations and definitions reach it', () => {
    const { js } = compileValidators(schemasOf(3, 4));
    for (const id of ['def.D0', 'def.D3', 'shape.D2', 'param.timeout', 'param.clientRequestId']) {
      expect(js.split(`/*# sourceURL="${id}" */`)).toHaveLength(2);
    }
    // 4 definitions, 4 shapes, 2 parameters, 3 bodies of their own; the 3 parameter roots are one
    // schema, and so are the 3 response roots: one function each, exported under every id
    expect(js.match(/^function validate/gm)).toHaveLength(4 + 4 + 2 + 3 + 1 + 1);
    expect(js).toContain('export const Op1_parameters = Op0_parameters;');
    expect(js).toContain('export const Op2_parameters = Op0_parameters;');
    expect(js).toContain('export const Op2_response = Op0_response;');
  });

  it('grows with the definitions, not with operations × definitions', () => {
    // What one more operation costs, over a spec of 2 and of 20 definitions its body reaches.
    const perOperation = (definitions: number) =>
      (sizeOf(21, definitions) - sizeOf(1, definitions)) / 20;
    const perDefinition = (sizeOf(1, 20) - sizeOf(1, 2)) / 18;
    expect(perDefinition).toBeGreaterThan(0);
    // Bundled per operation, the 20-definition operation would cost ~10 times the 2-definition one.
    expect(perOperation(20)).toBeLessThan(perOperation(2) * 1.1);
    expect(perOperation(20)).toBeGreaterThan(perOperation(2) * 0.9);
    // 21 operations over 20 definitions: the definitions once, plus a fixed cost per operation.
    expect(sizeOf(21, 20)).toBeLessThan(sizeOf(1, 20) + 20 * perOperation(2) * 1.1);
  });

  it('reports an error inside a shared schema with its id, and finds its words for every caller', async () => {
    const { validator, ruleMessages } = await load(2, 3);
    const body = { item: { name: 'ok', next: { name: 'Not Lower', next: { name: 'ok' } } } };
    for (const id of ['Op0_body', 'Op1_body']) {
      const validate = validator(id);
      expect(validate(body)).toBe(false);
      expect(validate.errors).toEqual([
        expect.objectContaining({
          instancePath: '/item/next/name',
          schemaPath: 'def.D1#/properties/name/pattern',
          keyword: 'pattern',
        }),
      ]);
      expect(ruleIssue(id, validate.errors![0]!, ruleMessages)).toEqual({
        segments: ['item', 'next', 'name'],
        rule: 'pattern',
        message: WORDS,
      });
    }
    const parameters = validator('Op1_parameters');
    expect(parameters({ clientRequestId: '{not-a-uuid}', timeout: 2 ** 31 })).toBe(false);
    expect(
      parameters.errors!.map((e) => ruleIssue('Op1_parameters', e, ruleMessages)?.message),
    ).toEqual([
      'must be at most 2147483647',
      'must be a UUID: 32 hex digits in groups of 8-4-4-4-12 separated by hyphens, without braces',
    ]);
    // An error of a root's own schema keeps ajv's `#/...` path (its key is the validator's id).
    expect(parameters({ unknown: 1 })).toBe(false);
    expect(parameters.errors![0]!.schemaPath).toBe('#/additionalProperties');
  });

  it('keeps strict definitions and their shapes apart', async () => {
    const { validator } = await load(1, 2);
    const newer = { name: 'Upper', added: true, next: { size: 2 } };
    expect(validator('Op0_response')(newer)).toBe(true); // shape: types of declared properties only
    expect(validator('Op0_response')({ name: 1 })).toBe(false);
    expect(validator('Op0_body')({ item: newer })).toBe(false);
    expect(validator('Op0_body').errors!.map((e) => [e.instancePath, e.keyword])).toEqual([
      ['/item', 'additionalProperties'],
      ['/item/name', 'pattern'],
      ['/item/next', 'required'],
    ]);
  });

  it('drops the schema literals the compiled code never reads', () => {
    const js = [
      'const schema1 = {"type":"object"};',
      'const schema2 = {"enum":["a","b"]};',
      'function validate1(data){ return schema2.enum.includes(data); }',
      '',
    ].join('\n');
    expect(dropUnreadSchemas(js)).toBe(
      [
        'const schema2 = {"enum":["a","b"]};',
        'function validate1(data){ return schema2.enum.includes(data); }',
        '',
      ].join('\n'),
    );
  });

  it('fails the generation when a worded rule is not one the compiled code reports', () => {
    const schemas = schemasOf(1, 1);
    const d0 = schemas.definitions.find((d) => d.id === 'def.D0')!.schema;
    // ajv reports this property as `a%20b` in schemaPath; the words would never be found.
    (d0.properties as Json)['a b'] = {
      type: 'string',
      pattern: '^x$',
      'x-batch-messages': { pattern: 'must be x' },
    };
    expect(() => compileValidators(schemas)).toThrow(
      'rule messages: no compiled rule reports the schemaPath of def.D0#/properties/a b/pattern',
    );
  });
});
