/**
 * What the benchmark needs beyond the public API, bundled by `build-bundles.ts` into
 * `internals.mjs`: the facade's validateCall and operation table, the compiled validators, and
 * the bare hey-api SDK (its fetch client and the `BatchSdk` class with `certificateAdd`).
 */

export { createClient } from '../../generated/hey-api/client/index.js';
export { BatchSdk } from '../../generated/hey-api/sdk.gen.js';
export { operations } from '../../generated/operations.js';
export * as validators from '../../generated/validators.js';
export { validateCall } from '../../src/client/validate-call.js';
