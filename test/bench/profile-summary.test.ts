/**
 * The profile summary the send path is optimized from: shares of CPU time (idle left out), each
 * frame counted under the right kind of code.
 */
import { describe, expect, it } from '@jest/globals';
import { kindOf, summarizeProfile } from './profile-summary.ts';

let nextId = 1;
const node = (functionName: string, url: string, hitCount: number) => ({
  id: nextId++,
  callFrame: { functionName, url, lineNumber: 9, columnNumber: 0 },
  hitCount,
});

describe('profile summary', () => {
  it.each([
    ['writeLatin1String', '(native)', 'socket reads/writes'],
    ['stringify', '(native)', 'JSON (native)'],
    ['(garbage collector)', '(native)', 'GC'],
    ['fetch', 'node:internal/deps/undici/undici', 'undici'],
    ['wasm-function[20]', 'wasm://wasm/00034eea', 'undici'],
    ['ReadableStream', 'node:internal/webstreams/readablestream', 'undici'],
    ['ClientRequest', 'node:_http_client', 'node:http'],
    ['onStreamRead', 'node:internal/stream_base_commons', 'node:http'],
    ['Hmac', 'node:internal/crypto/hash', 'crypto'],
    ['request', 'generated/hey-api/client/client.gen.ts', 'hey-api'],
    ['validate31', 'generated/validators.js', 'generated validators'],
    ['signAndSend', 'src/pipeline/sign-phase.ts', 'our src/'],
    ['add', 'test/bench/floor-client.ts', 'benchmark code'],
  ])('counts %s in %s as %s', (functionName, file, kind) => {
    expect(kindOf(file, functionName)).toContain(kind);
  });

  it('gives shares of the CPU time, idle left out, by kind, file and function', () => {
    const profile = {
      nodes: [
        node('(root)', '', 0),
        node('(idle)', '', 1000),
        node('writeLatin1String', '', 50),
        node('fetch', 'node:internal/deps/undici/undici', 30),
        node('Headers', 'node:internal/deps/undici/undici', 10),
        node('parse', '', 10),
      ],
    };
    const summary = summarizeProfile(JSON.stringify(profile), '/repo');
    const share = (list: readonly { label: string; share: number }[], label: string) =>
      list.find((s) => s.label.includes(label))?.share;
    expect(share(summary.byKind, 'socket')).toBeCloseTo(0.5);
    expect(share(summary.byKind, 'undici')).toBeCloseTo(0.4);
    expect(share(summary.byKind, 'JSON')).toBeCloseTo(0.1);
    expect(summary.byKind.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1);
    expect(share(summary.byFile, 'node:internal/deps/undici/undici')).toBeCloseTo(0.4);
    expect(summary.byFunction.map((f) => f.label)).not.toContainEqual(
      expect.stringContaining('idle'),
    );
    const undici = summary.functionsByKind.find((k) => k.kind.includes('undici'));
    expect(undici?.functions.map((f) => f.label)).toEqual([
      'fetch node:internal/deps/undici/undici:10',
      'Headers node:internal/deps/undici/undici:10',
    ]);
  });
});
