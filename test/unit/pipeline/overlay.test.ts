/** The overlay applier and its JSONPath subset. */
import { describe, expect, it } from '@jest/globals';
import { applyOverlay } from '../../../scripts/pipeline/apply-overlay.ts';
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

  it('refuses other overlay versions', () => {
    expect(() =>
      applyOverlay(doc, { overlay: '2.0.0', info: { title: 't', version: '1' }, actions: [] }),
    ).toThrow(/unsupported version/);
  });
});
