/**
 * Child process of `run.ts`: client CPU per call of (a), (b-fetch) and (c), add and get, with an
 * in-memory `fetch` that answers at once with a canned `Response` (add: 201 and the service's
 * headers; get: 200 and the certificate's JSON) — the client's own work without the transport,
 * which on a busy 2-CPU box is far steadier than the loopback figures. Ours runs on its `fetch`
 * path here (the node:http transport takes no `fetch`), as does (c); (d) takes none and is left
 * out. Per operation: 5,000 warm-up calls each, then the median of 5 runs of 10,000 calls, the
 * implementations interleaved. Prints one JSON line.
 *
 * With `profile` (`profile.ts --in-memory`): one implementation and operation only, 5,000 warm-up
 * calls, then `calls` calls under V8's CPU profiler, whose `.cpuprofile` goes to `file`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { emitResult } from './child-process.ts';
import { accountKey, certificateResource, ETAG } from './fixtures.ts';
import {
  type Bundles,
  createImplementations,
  type ImplementationName,
  IN_MEMORY_IMPLEMENTATIONS,
  implementation,
  OPERATIONS,
  type OperationName,
} from './implementations.ts';
import { median, rotate } from './stats.ts';

/** CPU µs per call, per operation and implementation. */
export type OverheadResult = Record<OperationName, Partial<Record<ImplementationName, number>>>;

export interface OverheadConfig {
  readonly bundles: Bundles;
  readonly profile?: {
    readonly implementation: ImplementationName;
    readonly operation: OperationName;
    readonly calls: number;
    readonly file: string;
    readonly intervalUs: number;
  };
}

const ROOT = 'http://127.0.0.1:9';
const RESOURCE = `${ROOT}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=01)`;
const HEADERS = {
  'request-id': '8b4f6f3c-0d7e-4f39-9d43-0a4c2b1c9e01',
  etag: ETAG,
  'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT',
};
/** Encoded once: a `Response` made from text would encode it on every call, which is no client's work. */
const GET_BODY = new TextEncoder().encode(JSON.stringify(certificateResource(ROOT)));

const inMemoryFetch: typeof fetch = async (input, init) => {
  const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
  if (method === 'POST') {
    return new Response(null, {
      status: 201,
      headers: { ...HEADERS, dataserviceid: RESOURCE, location: RESOURCE, 'content-length': '0' },
    });
  }
  return new Response(GET_BODY, {
    status: 200,
    headers: { ...HEADERS, 'content-type': 'application/json;odata=minimalmetadata' },
  });
};

async function cpuPerCall(call: () => Promise<unknown>, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

async function main({ bundles, profile }: OverheadConfig): Promise<OverheadResult | number> {
  const all = await createImplementations(ROOT, accountKey(), bundles, inMemoryFetch);
  if (profile) {
    const call = implementation(all, profile.implementation)[profile.operation];
    await cpuPerCall(call, 5000);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: profile.intervalUs });
    await session.post('Profiler.start');
    const cpuUs = await cpuPerCall(call, profile.calls);
    const { profile: result } = await session.post('Profiler.stop');
    writeFileSync(profile.file, JSON.stringify(result));
    session.disconnect();
    return cpuUs;
  }
  const names = IN_MEMORY_IMPLEMENTATIONS;
  const result = {} as OverheadResult;
  for (const operation of OPERATIONS) {
    const calls = Object.fromEntries(
      names.map((name) => [name, implementation(all, name)[operation]]),
    );
    for (const name of names) await cpuPerCall(calls[name]!, 5000);
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < 5; round++) {
      for (const name of rotate(names, round)) {
        samples[name]!.push(await cpuPerCall(calls[name]!, 10_000));
      }
    }
    result[operation] = Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
  }
  return result;
}

emitResult(await main(JSON.parse(process.argv[2] ?? '{}') as OverheadConfig));
