/**
 * What hey-api puts into `new Request(url, init)`: its generated client builds the Request from
 * the whole options bag of a call, so every option the client passes to an SDK method reaches the
 * runtime's Request constructor, where a runtime may read a name as its own option. Deno 2 read
 * `client` (hey-api's client object, which the SDK functions once took in their options) as a
 * `Deno.HttpClient` and refused every call (hey-api #4177). The client now calls the methods of an
 * SDK instance that holds its hey-api client; this test pins the whole set of names that reach
 * `new Request`, so a hey-api upgrade or a new option that adds one is seen here first, and none of
 * them is a name a runtime reads as its own (Deno `client`, workerd `cf`, Bun's and undici's fetch
 * extensions).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential } from '../../../src/index.js';

/** Request options the runtimes read besides the standard RequestInit members. */
const RUNTIME_OPTIONS = [
  'client', // Deno: a Deno.HttpClient
  'cf', // Cloudflare workerd
  'dispatcher', // undici (Node's fetch)
  'proxy', // Bun
  'tls', // Bun
  'unix', // Bun
  'verbose', // Bun
  'decompress', // Bun
  'timeout', // Bun
];

/** Every name the client's calls put into `new Request` (hey-api's options; reviewed on bumps). */
const EXPECTED = [
  'baseUrl',
  'body',
  'bodySerializer',
  'fetch',
  'headers',
  'method',
  'parseAs',
  'path',
  'query',
  'querySerializer',
  'redirect',
  'responseTransformer',
  'responseValidator',
  'serializedBody',
  'throwOnError',
  'url',
];

const OriginalRequest = globalThis.Request;
afterEach(() => {
  globalThis.Request = OriginalRequest;
});

function recordRequestInits(): Set<string> {
  const names = new Set<string>();
  globalThis.Request = class extends OriginalRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      for (const name of Object.keys(init ?? {})) names.add(name);
      super(input, init);
    }
  } as typeof Request;
  return names;
}

describe('what reaches new Request()', () => {
  it('only hey-api option names a runtime does not read as its own, for every operation', async () => {
    const names = recordRequestInits();
    const client = new BatchClient(
      'https://acct.westus.batch.azure.com',
      new BatchSharedKeyCredential('acct', 'AAAA'),
      {
        deprecationWarnings: 'off',
        fetch: async () => new Response('{"value":[]}', { status: 200 }),
      },
    );
    const certificate = {
      thumbprint: '0123456789abcdef0123456789abcdef01234567',
      thumbprintAlgorithm: 'sha1',
      data: 'AAAA',
      certificateFormat: 'cer',
    } as const;
    await client.certificate.add(certificate);
    for await (const _ of client.certificate.list()) break;
    await client.certificate.get('sha1', certificate.thumbprint).catch(() => undefined);
    await client.certificate.delete('sha1', certificate.thumbprint);
    await client.certificate.cancelDeletion('sha1', certificate.thumbprint);
    expect(names.size).toBeGreaterThan(0);
    for (const name of RUNTIME_OPTIONS) expect([name, names.has(name)]).toEqual([name, false]);
    expect([...names].sort()).toEqual(EXPECTED);
  });
});
