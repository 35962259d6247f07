/**
 * Which runtimes get the `node:http` transport: Node itself, recognised positively. Bun, Deno and
 * workerd also offer `process.versions.node` and a `node:http` of their own (built on their
 * `fetch`; workerd's answers lose their headers), so they keep the `fetch` path.
 */
import { describe, expect, it } from '@jest/globals';
import {
  type NodeProcessLike,
  nodeHttpModules,
} from '../../../src/pipeline/node-http-transport.js';

const builtins: NodeProcessLike['getBuiltinModule'] = (id) =>
  id === 'node:stream' ? () => {} : { id }; // node:stream's module is a function

const runtime = (versions: Record<string, string>, userAgent?: string) =>
  nodeHttpModules(
    { versions, getBuiltinModule: builtins },
    userAgent === undefined ? undefined : { userAgent },
  );

describe('nodeHttpModules', () => {
  it.each([
    ['Node 20 (no navigator)', { node: '20.20.2' }, undefined],
    ['Node 24', { node: '24.9.0' }, 'Node.js/24'],
  ])('%s: the node:http transport', (_name, versions, agent) => {
    expect(runtime(versions, agent)).toBeDefined();
  });

  it.each([
    ['Bun', { node: '24.3.0', bun: '1.4.5' }, 'Bun/1.4.5'],
    ['Deno', { node: '24.2.0', deno: '2.9.6' }, 'Deno/2.9.6'],
    ['workerd with nodejs_compat', { node: '22.0.0' }, 'Cloudflare-Workers'],
    ['a browser', {} as Record<string, string>, 'Mozilla/5.0'],
  ])('%s: the fetch path', (_name, versions, agent) => {
    expect(runtime(versions, agent)).toBeUndefined();
  });

  it('a Node without process.getBuiltinModule (before 20.16), or with a module hidden: fetch', () => {
    expect(nodeHttpModules({ versions: { node: '20.10.0' } }, undefined)).toBeUndefined();
    const hidden: NodeProcessLike['getBuiltinModule'] = (id) =>
      id === 'node:http' ? undefined : {};
    expect(
      nodeHttpModules({ versions: { node: '24.9.0' }, getBuiltinModule: hidden }, undefined),
    ).toBeUndefined();
  });
});
