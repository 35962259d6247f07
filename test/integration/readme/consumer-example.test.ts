// A consumer's test suite against the emulator, through msw. src/emulator/README.md shows this
// file as the example for `batch-rest-client/testing` (test/integration/readme/coverage.test.ts
// keeps the two identical), so it is written the way a consumer would write it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from '../../../src/index.js';
import {
  createBatchEmulator,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
} from '../../../src/testing/index.js';
import { batchEmulatorHandlers } from '../../../src/testing/msw.js';

const ACCOUNT_URL = 'https://emulator.westeurope.batch.azure.com';
const emulator = createBatchEmulator();
const server = setupServer(...batchEmulatorHandlers(emulator, { baseUrl: ACCOUNT_URL }));
const client = new BatchClient(
  ACCOUNT_URL,
  new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
  { deprecationWarnings: 'off', retry: { retryDelayInMs: 1 } },
);
const thumbprint = 'a3f1c0de5b7e4a2f9d8c1b0a3f1c0de5b7e4a2f9';
const certificate = {
  thumbprint,
  thumbprintAlgorithm: 'sha1' as const,
  data: 'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVEYXRh', // a stand-in: the emulator does not parse it
  certificateFormat: 'cer' as const,
};

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => emulator.reset());
afterAll(() => server.close());

describe('certificate rotation job', () => {
  it('adds, lists and gets a certificate', async () => {
    await client.certificate.add(certificate);
    const listed = [];
    for await (const c of client.certificate.list({ filter: "state eq 'active'" })) listed.push(c);
    expect(listed.map((c) => c.thumbprint)).toEqual([thumbprint]);
    expect((await client.certificate.get('sha1', thumbprint)).state).toBe('active');
  });

  it('a certificate still used by a pool ends in deleteFailed, and cancelDeletion restores it', async () => {
    await client.certificate.add(certificate);
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, thumbprint, ['render-pool']);
    await client.certificate.delete('sha1', thumbprint);
    // Deletion takes time, as on the service (30 s on the emulator's clock by default).
    expect((await client.certificate.get('sha1', thumbprint)).state).toBe('deleting');
    emulator.completeDeletions(); // end it now
    expect((await client.certificate.get('sha1', thumbprint)).state).toBe('deletefailed');
    await client.certificate.cancelDeletion('sha1', thumbprint);
    expect((await client.certificate.get('sha1', thumbprint)).state).toBe('active');
  });

  it('adding twice is a 409 CertificateExists', async () => {
    await client.certificate.add(certificate);
    const error = await client.certificate.add(certificate).catch((e: unknown) => e);
    expect(isBatchServiceError(error) && error.code).toBe('CertificateExists');
  });

  it('survives throttling (429 with Retry-After is retried)', async () => {
    emulator.faults.throttleNext(2, { status: 429, retryAfter: 0 });
    await client.certificate.add(certificate);
    expect((await client.certificate.get('sha1', thumbprint)).thumbprint).toBe(thumbprint);
  });

  it('tells the user what to do when the service has retired certificates', async () => {
    emulator.setMode('retired');
    const error = await client.certificate.get('sha1', thumbprint).catch((e: unknown) => e);
    expect(isBatchServiceError(error) && error.retired).toBe(true);
    expect((error as Error).message).toContain('Azure Key Vault VM extension');
  });
});
