/** An msw server for the fuzz suites that counts every request reaching it. */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';

export function useCountingServer() {
  const server = setupServer();
  let reached = 0;
  server.events.on('request:start', () => {
    reached++;
  });
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { server, requestsReached: () => reached };
}

export const FUZZ_ACCOUNT = 'fuzzacct';
export const FUZZ_ACCOUNT_URL = 'https://fuzzacct.eastus.batch.azure.com';
/** A 64-byte key, base64 (the shape of a real Batch account key). */
export const FUZZ_KEY = Buffer.from(
  Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256),
).toString('base64');
export const FUZZ_PASSWORD = 'fuzz-Pw-7Qx2-never-printed';
