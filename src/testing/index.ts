/**
 * `batch-rest-client/testing`: the Batch certificates emulator for tests, as an in-process fetch
 * handler or a loopback HTTP server. Needs no other package; the msw handlers are in
 * `batch-rest-client/testing/msw`, the one entry that needs msw installed.
 *
 * @module batch-rest-client/testing
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
export {
  type RunningBatchEmulator,
  type StartBatchEmulatorOptions,
  startBatchEmulator,
} from '../emulator/http-server.js';
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
