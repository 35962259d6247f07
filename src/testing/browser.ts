/**
 * `batch-rest-client/testing` for runtimes without Node's `node:http` (browsers, workers, and any
 * bundler that does not apply the `node` export condition): the same names as the Node build
 * (`index.ts`), so code and types written against one work against the other, but
 * `startBatchEmulator` cannot open a server here and rejects with what to use instead.
 *
 * @module
 */

import type { RunningBatchEmulator, StartBatchEmulatorOptions } from '../emulator/http-server.js';

export type { RunningBatchEmulator, StartBatchEmulatorOptions };
export * from './portable.js';

const UNAVAILABLE =
  'startBatchEmulator() opens a node:http server, which only the Node build of ' +
  "'batch-rest-client/testing' has (the package's 'node' export condition selects it: Node, " +
  'Deno, Bun). In this runtime, answer requests in-process instead: ' +
  'const emulator = createBatchEmulator(); new BatchClient(url, credential, ' +
  '{ allowInsecureConnection: true, fetch: (input, init) => emulator.handle(new Request(input, init)) }).';

/**
 * The loopback HTTP server is not available in this runtime.
 *
 * @param _options - Accepted for the signature of the Node build; not read.
 * @returns Never resolves.
 * @throws Error (as a rejection), always: the message names the `node` export condition and shows
 *   the in-process alternative, `createBatchEmulator().handle` as the client's `fetch`.
 */
export async function startBatchEmulator(
  _options?: StartBatchEmulatorOptions,
): Promise<RunningBatchEmulator> {
  throw new Error(UNAVAILABLE);
}
