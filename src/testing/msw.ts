/**
 * `batch-rest-client/testing/msw`: msw request handlers that answer with the Batch certificates
 * emulator, for jest/vitest suites that already use msw. The only entry that imports msw (an
 * optional peer dependency), so `batch-rest-client/testing` loads without it.
 *
 * @module batch-rest-client/testing/msw
 */

export {
  type BatchEmulatorHandlersOptions,
  batchEmulatorHandlers,
} from '../emulator/msw-handlers.js';
