/**
 * The implementations the benchmark compares, each as an `add` (one certificate, 4 KB of data)
 * and a `get` (the certificate, ~2.5 KB of JSON with dates):
 * - (a) the floor: hand-written `fetch` + node:crypto Shared Key (`floor-client.ts`);
 * - (b) ours, `client.certificate.add` / `.get`, with the default transport (in Node: node:http);
 * - (b-fetch) ours with an injected `fetch` — the path browsers, Deno, Bun and a caller's own
 *   `fetch` take (`fetch: (input, init) => globalThis.fetch(input, init)`);
 * - (c) bare hey-api: the generated SDK class with our signer in one interceptor
 *   (`bare-hey-api.ts`), so b-fetch − c is the facade alone;
 * - (d) `@azure/batch` 10.2.0.
 * Ours runs with validation on, the default retry policy, and the deprecation warning swallowed
 * by `onWarning`. With an in-memory `fetch` only (a), (b-fetch) and (c) exist: (b) sends through
 * node:http and (d) through its own stack, neither of which takes a `fetch`.
 */
import batch from '@azure/batch';
import type * as Ours from '../../src/index.ts';
import { createBareHeyApi } from './bare-hey-api.ts';
import { checkFloorSigner, checkImplementations } from './check-implementations.ts';
import { ACCOUNT, CERTIFICATE, THUMBPRINT } from './fixtures.ts';
import { createFloorClient } from './floor-client.ts';
import type * as Internals from './internals-entry.ts';

export type ImplementationName = 'a' | 'b' | 'b-fetch' | 'c' | 'd';
export const IMPLEMENTATIONS: readonly ImplementationName[] = ['a', 'b', 'b-fetch', 'c', 'd'];
/** The implementations that take a `fetch`, measured against an in-memory one. */
export const IN_MEMORY_IMPLEMENTATIONS: readonly ImplementationName[] = ['a', 'b-fetch', 'c'];
export const LABELS: Readonly<Record<ImplementationName, string>> = {
  a: '(a) fetch + Shared Key (floor)',
  b: '(b) ours, default transport (node:http)',
  'b-fetch': '(b-fetch) ours, injected fetch',
  c: '(c) bare hey-api + our signer',
  d: '(d) @azure/batch 10.2.0',
};

export type OperationName = 'add' | 'get';
export const OPERATIONS: readonly OperationName[] = ['add', 'get'];

/** One implementation: a call per operation, each resolving with that client's own result. */
export type Implementation = Readonly<Record<OperationName, () => Promise<unknown>>>;
export type Implementations = Partial<Record<ImplementationName, Implementation>>;

export interface Bundles {
  readonly ours: string;
  readonly internals: string;
}

export async function loadModules(
  bundles: Bundles,
): Promise<{ ours: typeof Ours; internals: typeof Internals }> {
  const ours = (await import(bundles.ours)) as typeof Ours;
  const internals = (await import(bundles.internals)) as typeof Internals;
  return { ours, internals };
}

/**
 * Every implementation against the server at `baseUrl`, each checked once (status, ETag, body)
 * before it is returned; or, with `inMemoryFetch`, those of {@link IN_MEMORY_IMPLEMENTATIONS} on
 * it, unchecked (its canned answers prove nothing).
 */
export async function createImplementations(
  baseUrl: string,
  accountKeyBase64: string,
  bundles: Bundles,
  inMemoryFetch?: typeof fetch,
): Promise<Implementations> {
  const { ours, internals } = await loadModules(bundles);
  const credential = new ours.BatchSharedKeyCredential(ACCOUNT, accountKeyBase64);
  await checkFloorSigner(credential, accountKeyBase64);

  const floor = createFloorClient(baseUrl, accountKeyBase64, inMemoryFetch);
  const oursWith = (fetchOption?: typeof fetch) => {
    const client = new ours.BatchClient(baseUrl, credential, {
      allowInsecureConnection: true,
      onWarning: () => {},
      ...(fetchOption ? { fetch: fetchOption } : {}),
    });
    return {
      add: () => client.certificate.add(CERTIFICATE),
      get: () => client.certificate.get('sha1', THUMBPRINT),
    };
  };
  const heyApi = createBareHeyApi(internals, baseUrl, credential, inMemoryFetch);
  const implementations: Implementations = {
    a: { add: () => floor.add(CERTIFICATE), get: () => floor.get() },
    'b-fetch': oursWith(inMemoryFetch ?? ((input, init) => globalThis.fetch(input, init))),
    c: { add: () => heyApi.add(CERTIFICATE), get: () => heyApi.get() },
  };
  if (inMemoryFetch) return implementations;
  const azure = new batch.BatchServiceClient(
    new batch.BatchSharedKeyCredentials(ACCOUNT, accountKeyBase64),
    baseUrl,
  );
  implementations.b = oursWith();
  implementations.d = {
    add: () => azure.certificate.add(CERTIFICATE),
    get: () => azure.certificate.get('sha1', THUMBPRINT),
  };
  await checkImplementations(implementations);
  return implementations;
}

/** The implementation named, which must exist. */
export function implementation(all: Implementations, name: ImplementationName): Implementation {
  const found = all[name];
  if (!found) throw new Error(`implementation ${name} is not available here`);
  return found;
}
