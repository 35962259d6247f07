/** The overlay applier and its JSONPath subset. */
import { describe, expect, it } from '@jest/globals';
import {
  applyOverlay,
  OverlayTargetMissingError,
  type UnmatchedOverlayAction,
} from '../../../scripts/pipeline/apply-overlay.ts';
import { parseJsonPath, queryJsonPath } from '../../../scripts/pipeline/json-path.ts';

const doc = {
  paths: {
    '/a(x={x},y={y})': {
      get: {
        parameters: [
          { name: 'x', in: 'path' },
          { name: 'timeout', in: 'query' },
        ],
      },
    },
  },
  definitions: { A: { properties: { p: { type: 'string' } } } },
};

describe('JSONPath subset', () => {
  it('parses names, quoted names with punctuation, wildcards, indexes and filters', () => {
    expect(
      parseJsonPath("$.paths['/a(x={x},y={y})'].get.parameters[?(@.name=='timeout')]"),
    ).toEqual([
      { kind: 'name', name: 'paths' },
      { kind: 'name', name: '/a(x={x},y={y})' },
      { kind: 'name', name: 'get' },
      { kind: 'name', name: 'parameters' },
      { kind: 'filter', key: 'name', value: 'timeout' },
    ]);
    expect(parseJsonPath('$.a[*][0]')).toEqual([
      { kind: 'name', name: 'a' },
      { kind: 'wildcard' },
      { kind: 'index', index: 0 },
    ]);
  });

  it('rejects what it does not support instead of guessing', () => {
    expect(() => parseJsonPath('$..recursive')).toThrow(/unsupported syntax at "\.\.recursive"/);
    expect(() => parseJsonPath('paths')).toThrow(/must start with \$/);
  });

  it('selects nodes', () => {
    expect(
      queryJsonPath(doc, "$.paths['/a(x={x},y={y})'].get.parameters[?(@.in=='path')]").map(
        (m) => m.value,
      ),
    ).toEqual([{ name: 'x', in: 'path' }]);
  });
});

describe('applyOverlay', () => {
  it('deep-merges updates without touching the input', () => {
    const result = applyOverlay(doc, {
      overlay: '1.0.0',
      info: { title: 't', version: '1' },
      actions: [
        { target: '$.definitions.A.properties.p', update: { pattern: '^a$', maxLength: 3 } },
      ],
    });
    expect(result.definitions.A.properties.p).toEqual({
      type: 'string',
      pattern: '^a$',
      maxLength: 3,
    });
    expect(doc.definitions.A.properties.p).toEqual({ type: 'string' });
  });

  it('removes', () => {
    const result = applyOverlay(doc, {
      overlay: '1.0.0',
      info: { title: 't', version: '1' },
      actions: [
        { target: "$.paths['/a(x={x},y={y})'].get.parameters[?(@.name=='timeout')]", remove: true },
      ],
    });
    expect(result.paths['/a(x={x},y={y})'].get.parameters).toEqual([{ name: 'x', in: 'path' }]);
  });

  it('fails loudly when a target matches nothing', () => {
    expect(() =>
      applyOverlay(doc, {
        overlay: '1.0.0',
        info: { title: 't', version: '1' },
        actions: [{ target: '$.definitions.Gone', description: 'rule for Gone', update: { x: 1 } }],
      }),
    ).toThrow(
      'overlay action #1 (rule for Gone): target $.definitions.Gone matches nothing in the spec',
    );
  });

  it('the error carries the action, so generate can say what to do about a removed operation', () => {
    let caught: unknown;
    try {
      applyOverlay(doc, {
        overlay: '1.0.0',
        info: { title: 't', version: '1' },
        actions: [{ target: '$.definitions.Gone', update: { x: 1 } }],
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(OverlayTargetMissingError);
    expect((caught as OverlayTargetMissingError).action).toEqual({
      index: 1,
      target: '$.definitions.Gone',
      description: null,
    });
  });

  it('with onUnmatched (spec:diff on a newer spec): lists the actions whose target is gone and applies the rest', () => {
    const unmatched: UnmatchedOverlayAction[] = [];
    const result = applyOverlay(
      doc,
      {
        overlay: '1.0.0',
        info: { title: 't', version: '1' },
        actions: [
          { target: '$.definitions.Gone', description: 'rule for Gone', update: { x: 1 } },
          { target: '$.definitions.A', update: { description: 'kept' } },
        ],
      },
      { onUnmatched: (action) => unmatched.push(action) },
    );
    expect(unmatched).toEqual([
      { index: 1, target: '$.definitions.Gone', description: 'rule for Gone' },
    ]);
    expect(result.definitions.A).toMatchObject({ description: 'kept' });
  });

  it('refuses other overlay versions', () => {
    expect(() =>
      applyOverlay(doc, { overlay: '2.0.0', info: { title: 't', version: '1' }, actions: [] }),
    ).toThrow(/unsupported version/);
  });
});

describe('targets that survive renames', () => {
  const spec = {
    paths: {
      '/things': {
        post: {
          parameters: [
            { $ref: '#/parameters/Api.Version' },
            { name: 'timeOut', in: 'query', type: 'integer' },
            { name: 'thing', in: 'body', schema: { $ref: '#/definitions/NewName' } },
          ],
        },
      },
    },
    parameters: { 'Api.Version': { name: 'api-version', in: 'query', type: 'string' } },
    definitions: { NewName: { properties: { data: { type: 'string' } } } },
  };
  const overlay = (actions: { target: string; update?: unknown; remove?: boolean }[]) =>
    applyOverlay(spec, { overlay: '1.0.0', info: { title: 't', version: '1' }, actions });

  it("match() finds a parameter whatever the case of its name (RFC 9535's match function)", () => {
    const result = overlay([
      {
        target: "$.paths['/things'].post.parameters[?(match(@.name, '[Tt]ime[Oo]ut'))]",
        update: { minimum: 1 },
      },
    ]);
    expect(result.paths['/things'].post.parameters[1]).toEqual({
      name: 'timeOut',
      in: 'query',
      type: 'integer',
      minimum: 1,
    });
  });

  it('match() must match the whole value', () => {
    expect(
      queryJsonPath(spec, "$.paths['/things'].post.parameters[?(match(@.name, 'time'))]"),
    ).toEqual([]);
  });

  it('a filter sees a $ref parameter as the parameter it references', () => {
    const found = queryJsonPath(
      spec,
      "$.paths['/things'].post.parameters[?(@.name=='api-version')]",
    );
    expect(found.map((m) => m.key)).toEqual([0]);
  });

  it("a path through the body's $ref updates the model, whatever it is called, and keeps the link", () => {
    const result = overlay([
      {
        target: "$.paths['/things'].post.parameters[?(@.in=='body')].schema.properties.data",
        update: { format: 'byte' },
      },
      {
        target: "$.paths['/things'].post.parameters[?(@.in=='body')].schema",
        update: { 'x-note': 'model-level' },
      },
    ]);
    expect(result.definitions.NewName).toEqual({
      properties: { data: { type: 'string', format: 'byte' } },
      'x-note': 'model-level',
    });
    expect(result.paths['/things'].post.parameters[2]?.schema).toEqual({
      $ref: '#/definitions/NewName',
    });
  });

  it('still fails loudly when nothing matches', () => {
    expect(() =>
      overlay([
        { target: "$.paths['/things'].post.parameters[?(match(@.name, 'gone'))]", update: {} },
      ]),
    ).toThrow(/matches nothing in the spec/);
  });
});
