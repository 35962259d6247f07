/**
 * Child process of `run.ts`: client CPU per call of (a), (b) and (c) with an in-memory `fetch`
 * that answers 201 with the service's headers at once — the client's own work without the
 * transport, which on a busy 2-CPU box is far steadier than the loopback figures. (d) cannot take
 * a `fetch` and is left out. Median of 5 runs of 10,000 calls after 5,000 warm-up calls, the
 * implementations interleaved. Prints one JSON line.
 */
import { emitResult } from './child-process.ts';
import { accountKey } from './fixtures.ts';
import { type Bundles, createImplementations, type ImplementationName } from './implementations.ts';
import { median, rotate } from './stats.ts';

export type OverheadResult = Partial<Record<ImplementationName, number>>;

const RESPONSE_HEADERS = {
  'request-id': '8b4f6f3c-0d7e-4f39-9d43-0a4c2b1c9e01',
  etag: '0x8DCBENCH0000000',
  'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT',
  dataserviceid: 'http://127.0.0.1/certificates(thumbprintAlgorithm=sha1,thumbprint=01)',
  location: 'http://127.0.0.1/certificates(thumbprintAlgorithm=sha1,thumbprint=01)',
  'content-length': '0',
};

const inMemoryFetch: typeof fetch = async () =>
  new Response(null, { status: 201, headers: RESPONSE_HEADERS });

async function cpuPerCall(call: () => Promise<unknown>, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

async function main(bundles: Bundles): Promise<OverheadResult> {
  const all = await createImplementations(
    'http://127.0.0.1:9',
    accountKey(),
    bundles,
    inMemoryFetch,
  );
  const names: ImplementationName[] = ['a', 'b', 'c'];
  for (const name of names) await cpuPerCall(all[name], 5000);
  const samples: Record<string, number[]> = { a: [], b: [], c: [] };
  for (let round = 0; round < 5; round++) {
    for (const name of rotate(names, round))
      samples[name]!.push(await cpuPerCall(all[name], 10_000));
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

emitResult(await main(JSON.parse(process.argv[2] ?? '{}') as Bundles));
