/**
 * msw request handlers that delegate to the emulator core, for consumers' jest/vitest suites.
 * This is the only module that imports msw (an optional peer dependency, needed only by the
 * `batch-rest-client/testing/msw` entry).
 *
 * @module
 */

import { type HttpHandler, HttpResponse, http } from 'msw';
import { EmulatedNetworkError } from './batch-fault.js';
import type { BatchEmulator } from './types.js';

/** Options of {@link batchEmulatorHandlers}. */
export interface BatchEmulatorHandlersOptions {
  /**
   * The account URL clients use, e.g. `https://myaccount.westeurope.batch.azure.com`. Requests to
   * this origin (and under its path, if it has one) go to the emulator; others are not handled.
   * Its path must be the emulator's `pathPrefix` (`createBatchEmulator({ pathPrefix: '/acct' })`
   * for `https://gw.example.com/acct`), so the emulator serves the operations under it.
   */
  readonly baseUrl: string;
}

/**
 * Builds msw handlers that answer every request under `baseUrl` with the emulator.
 *
 * A request dropped with `faults.dropNext` becomes a network error (`HttpResponse.error()`).
 *
 * @param emulator - The emulator to delegate to (see `createBatchEmulator`).
 * @param options - The account URL to intercept.
 * @returns Handlers for `setupServer(...)` / `server.use(...)`.
 * @throws TypeError when the path of `baseUrl` is not the emulator's `pathPrefix`.
 */
export function batchEmulatorHandlers(
  emulator: BatchEmulator,
  options: BatchEmulatorHandlersOptions,
): HttpHandler[] {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  if (prefix !== emulator.pathPrefix) {
    throw new TypeError(
      `baseUrl has the path '${prefix}', but the emulator serves its operations under the path ` +
        `prefix '${emulator.pathPrefix}': create it with pathPrefix: '${prefix}', or use a ` +
        'baseUrl without that path.',
    );
  }
  const handles = (request: Request): boolean => {
    const url = new URL(request.url);
    return (
      url.origin === base.origin &&
      (prefix === '' || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))
    );
  };
  return [
    http.all(
      ({ request }) => handles(request),
      async ({ request }) => {
        try {
          return await emulator.handle(request);
        } catch (error) {
          if (error instanceof EmulatedNetworkError) return HttpResponse.error();
          throw error;
        }
      },
    ),
  ];
}
