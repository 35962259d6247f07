/**
 * `batch-rest-client/testing`: the Batch certificates emulator for tests, as an in-process fetch
 * handler or a loopback HTTP server. Needs no other package; the msw handlers are in
 * `batch-rest-client/testing/msw`, the one entry that needs msw installed.
 *
 * This is the build for Node and the runtimes that resolve the `node` export condition (Deno,
 * Bun). Browsers, workers and bundlers without that condition get `browser.ts`: the same names,
 * without `node:http`, so `startBatchEmulator` there rejects and says to use
 * `createBatchEmulator().handle` instead.
 *
 * @module batch-rest-client/testing
 */

export {
  type RunningBatchEmulator,
  type StartBatchEmulatorOptions,
  startBatchEmulator,
} from '../emulator/http-server.js';
export * from './portable.js';
