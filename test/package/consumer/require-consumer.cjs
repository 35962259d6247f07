// Runs inside the temp project that installed the packed tarball (see ../smoke.ts): loads every
// public entry with require(), which Node supports for ES modules without top-level await from
// 20.19 and 22.12 on, and checks it is the same module the ESM import gives.
const assert = require('node:assert/strict');

const main = require('batch-rest-client');
const certificates = require('batch-rest-client/certificates');
const testing = require('batch-rest-client/testing');
const migration = require('batch-rest-client/migration');
const manifest = require('batch-rest-client/package.json');

assert.equal(typeof main.BatchClient, 'function');
assert.equal(typeof main.BatchSharedKeyCredential, 'function');
assert.equal(main.VERSION, manifest.version);
assert.equal(typeof certificates.certificateFromFile, 'function', 'node build under require too');
assert.equal(typeof testing.startBatchEmulator, 'function');
assert.equal(typeof migration.planKeyVaultMigration, 'function');

import('batch-rest-client').then((esm) => {
  assert.equal(esm.BatchClient, main.BatchClient, 'require and import share one module instance');
  console.log(`require ok: node ${process.version}`);
});
