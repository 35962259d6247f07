/**
 * Interop: the official @azure/batch 10.2.0 SDK (API 2022-10-01.16.0, its own Shared Key signer,
 * node-fetch transport) drives the whole lifecycle against the loopback emulator.
 */

import batch from '@azure/batch';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  type RunningBatchEmulator,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import { fakeCertificate } from './support/signed-request.js';

const { BatchServiceClient, BatchSharedKeyCredentials } = batch;

describe('official @azure/batch SDK against the loopback emulator', () => {
  let server: RunningBatchEmulator;
  let client: InstanceType<typeof BatchServiceClient>;

  beforeAll(async () => {
    server = await startBatchEmulator();
    client = new BatchServiceClient(
      new BatchSharedKeyCredentials(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
      server.url,
    );
  });
  afterAll(() => server.close());

  it('adds, lists (with paging), gets, deletes and cancels a failed deletion', async () => {
    const first = fakeCertificate('sdk-1');
    const second = fakeCertificate('sdk-2');
    const added = await client.certificate.add({
      thumbprint: first.thumbprint.toUpperCase(),
      thumbprintAlgorithm: 'sha1',
      data: first.data,
      certificateFormat: 'cer',
    });
    expect(added._response.status).toBe(201);
    expect(added.dataServiceId).toBe(
      `${server.url}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${first.thumbprint})`,
    );
    await client.certificate.add({
      thumbprint: second.thumbprint,
      thumbprintAlgorithm: 'sha1',
      data: second.data,
      certificateFormat: 'pfx',
      password: 'not-a-real-password',
    });

    const page1 = await client.certificate.list({ certificateListOptions: { maxResults: 1 } });
    expect(page1).toHaveLength(1);
    expect(page1.odatanextLink).toMatch(new RegExp(`^${server.url}/certificates\\?`));
    const page2 = await client.certificate.listNext(page1.odatanextLink!);
    expect(page2).toHaveLength(1);
    expect(page2.odatanextLink).toBeUndefined();
    expect([...page1, ...page2].map((c) => c.thumbprint).sort()).toEqual(
      [first.thumbprint, second.thumbprint].sort(),
    );

    const filtered = await client.certificate.list({
      certificateListOptions: { filter: "state eq 'active'", select: 'thumbprint,state' },
    });
    expect(filtered.map((c) => Object.keys(c).sort())).toEqual([
      ['state', 'thumbprint'],
      ['state', 'thumbprint'],
    ]);

    const got = await client.certificate.get('sha1', first.thumbprint);
    expect(got.state).toBe('active');
    expect(got.publicData).toBe(first.data);
    expect(got.thumbprint).toBe(first.thumbprint);

    server.emulator.markInUse(EMULATOR_ACCOUNT_NAME, first.thumbprint, ['pool-a']);
    const deleted = await client.certificate.deleteMethod('sha1', first.thumbprint);
    expect(deleted._response.status).toBe(202);
    // Deletion takes time, as on the service: right after the 202 the certificate is deleting,
    // and cancelDeletion is the 409 Microsoft's own SDK tests expect at this point.
    const deleting = await client.certificate.get('sha1', first.thumbprint);
    expect(deleting.state).toBe('deleting');
    expect(deleting.previousState).toBe('active');
    expect(deleting.previousStateTransitionTime).toEqual(got.stateTransitionTime);
    await expect(client.certificate.cancelDeletion('sha1', first.thumbprint)).rejects.toMatchObject(
      { statusCode: 409, code: 'CertificateBeingDeleted' },
    );
    server.emulator.completeDeletions();
    const failed = await client.certificate.get('sha1', first.thumbprint);
    expect(failed.state).toBe('deletefailed');
    expect(failed.previousState).toBe('deleting');
    expect(failed.deleteCertificateError?.values).toEqual([{ name: 'Pool', value: 'pool-a' }]);

    const cancelled = await client.certificate.cancelDeletion('sha1', first.thumbprint);
    expect(cancelled._response.status).toBe(204);
    expect((await client.certificate.get('sha1', first.thumbprint)).state).toBe('active');

    await client.certificate.deleteMethod('sha1', second.thumbprint);
    expect((await client.certificate.get('sha1', second.thumbprint)).state).toBe('deleting');
    server.emulator.completeDeletions();
    await expect(client.certificate.get('sha1', second.thumbprint)).rejects.toMatchObject({
      statusCode: 404,
      code: 'CertificateNotFound',
    });
  });

  it('reports the retirement error to the SDK in retired mode', async () => {
    server.emulator.setMode('retired');
    try {
      await expect(client.certificate.list()).rejects.toMatchObject({
        statusCode: 400,
        code: 'CertificateRetired',
      });
    } finally {
      server.emulator.setMode('classic');
    }
  });

  it('every SDK request used API 2022-10-01.16.0 and passed authentication', () => {
    const log = server.emulator.requests;
    expect(log.length).toBeGreaterThan(8);
    for (const entry of log) {
      expect(new URL(entry.url).searchParams.get('api-version')).toBe('2022-10-01.16.0');
      expect(entry.errorCode).not.toBe('AuthenticationFailed');
      expect(entry.headers.authorization).toBe(`SharedKey ${EMULATOR_ACCOUNT_NAME}:[redacted]`);
    }
  });
});
