/**
 * The names of `batch-rest-client/testing` that run wherever `fetch` runs (Node, Deno, Bun,
 * workerd, browsers): the in-process emulator, its constants and types. Both builds of the entry
 * export them: `index.ts` (the `node` export condition) adds the loopback HTTP server, and
 * `browser.ts` (every other runtime) a `startBatchEmulator` that says where to find it.
 *
 * @module
 */

export { resetDeprecationWarnings } from '../deprecation/deprecation-warnings.js';
export { EmulatedNetworkError } from '../emulator/batch-fault.js';
export {
  CERTIFICATE_RETIRED_MESSAGE,
  CERTIFICATE_RETIRED_REASON,
  DEFAULT_DELETE_DELAY_IN_MS,
  DEFAULT_MAX_CLOCK_SKEW_IN_MS,
  DEFAULT_MAX_REQUEST_BODY_BYTES,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  SUPPORTED_API_VERSIONS,
} from '../emulator/constants.js';
export { createBatchEmulator, DEFAULT_EMULATED_SPEC } from '../emulator/create-batch-emulator.js';
export type {
  BatchEmulator,
  BatchEmulatorAccount,
  BatchEmulatorFaults,
  BatchEmulatorMode,
  BatchEmulatorOptions,
  BatchEmulatorRequestLogEntry,
  EmulatedCertificate,
  EmulatedCertificateState,
  EmulatedDeleteCertificateError,
  EmulatedSpec,
  FailFaultOptions,
  ThrottleFaultOptions,
} from '../emulator/types.js';
