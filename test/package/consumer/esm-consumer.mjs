// Runs inside the temp project that installed the packed tarball (see ../smoke.ts), with Node 20
// and Node 24: imports every public entry by its package name and adds a certificate, read from
// a file with the certificates helper, to the loopback emulator of `batch-rest-client/testing`.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  BatchClient,
  BatchSharedKeyCredential,
  isBatchServiceError,
  VERSION,
} from 'batch-rest-client';
import { certificateFromBytes, certificateFromFile } from 'batch-rest-client/certificates';
import { parseKeyVaultSecretUrl, planKeyVaultMigration } from 'batch-rest-client/migration';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from 'batch-rest-client/testing';

const [pemPath] = process.argv.slice(2);
assert.ok(pemPath, 'usage: node esm-consumer.mjs <certificate.pem>');

const manifest = createRequire(import.meta.url)('batch-rest-client/package.json');
assert.equal(VERSION, manifest.version, 'VERSION matches the installed package.json');
assert.equal(typeof certificateFromBytes, 'function');
assert.equal(typeof certificateFromFile, 'function', 'Node gets the node build of certificates');

// The thumbprint as an independent implementation (node:crypto) computes it.
const expectedThumbprint = new X509Certificate(await readFile(pemPath)).fingerprint
  .replaceAll(':', '')
  .toLowerCase();

const server = await startBatchEmulator();
try {
  const warnings = [];
  const client = new BatchClient(
    server.url,
    new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
    { allowInsecureConnection: true, onWarning: (_message, code) => warnings.push(code) },
  );
  const certificate = await certificateFromFile(pemPath);
  assert.equal(certificate.thumbprint.toLowerCase(), expectedThumbprint);
  assert.equal(certificate.certificateFormat, 'cer');

  const added = await client.certificate.add(certificate);
  assert.match(added.requestId ?? '', /^[0-9a-f-]{36}$/i);
  const got = await client.certificate.get('sha1', certificate.thumbprint);
  assert.equal(got.thumbprint?.toLowerCase(), expectedThumbprint);
  assert.equal(got.state, 'active');
  const listed = [];
  for await (const item of client.certificate.list()) listed.push(item.thumbprint?.toLowerCase());
  assert.deepEqual(listed, [expectedThumbprint]);
  assert.equal(server.emulator.certificates().length, 1);
  assert.ok(
    warnings.includes('BATCH_DEP_CERTIFICATE_ADD'),
    'add warns that the feature is retired',
  );

  // A second add of the same certificate is the service's 409, as a typed error.
  const conflict = await client.certificate.add(certificate).then(
    () => undefined,
    (error) => error,
  );
  assert.ok(isBatchServiceError(conflict), 'a conflict is a BatchServiceError');
  assert.equal(conflict.statusCode, 409);
  assert.equal(conflict.code, 'CertificateExists');
} finally {
  await server.close();
}
// The migration plan for a pool referencing that certificate (pure: nothing is sent).
const secretUrl = 'https://smoke-kv.vault.azure.net/secrets/smoke-cert';
const plan = planKeyVaultMigration({
  pool: {
    id: 'smoke-pool',
    virtualMachineConfiguration: { nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
    certificateReferences: [{ thumbprint: expectedThumbprint, thumbprintAlgorithm: 'sha1' }],
  },
  secretUrls: { [expectedThumbprint]: secretUrl },
  identity: {
    resourceId:
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/smoke',
    clientId: '00000000-0000-0000-0000-000000000001',
  },
});
const [extension] =
  plan.armPoolFragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions;
assert.equal(extension.type, 'KeyVaultForLinux');
assert.deepEqual(extension.settings.secretsManagementSettings.observedCertificates, [secretUrl]);
assert.equal(
  plan.certificates[0].landing.path,
  '/var/lib/waagent/Microsoft.Azure.KeyVault/smoke-kv.smoke-cert',
);
assert.equal(parseKeyVaultSecretUrl(secretUrl).vaultName, 'smoke-kv');

console.log(`esm ok: node ${process.version}, added ${expectedThumbprint}, planned its migration`);
