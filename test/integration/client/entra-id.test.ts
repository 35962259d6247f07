/** Entra ID (TokenCredential) authentication through the client. */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { BatchClient, type TokenCredential } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const THUMB = '0123456789abcdef0123456789abcdef01234567';

function fakeCredential(now: () => number) {
  const calls: string[][] = [];
  let issued = 0;
  const credential: TokenCredential = {
    async getToken(scopes) {
      calls.push([...(Array.isArray(scopes) ? scopes : [scopes])]);
      issued++;
      return { token: `token-${issued}`, expiresOnTimestamp: now() + 60 * 60 * 1000 };
    },
  };
  return { credential, calls };
}

describe('Entra ID tokens', () => {
  it('sends Bearer with the Batch scope, reuses the token, and refreshes near expiry', async () => {
    let clock = Date.UTC(2024, 6, 1);
    const now = () => clock;
    const { credential, calls } = fakeCredential(now);
    server.use(http.get(/\/certificates\(/, () => HttpResponse.json({ thumbprint: THUMB })));
    const client = new BatchClient(ACCOUNT_URL, credential, { now, onWarning: () => {} });

    await client.certificate.get('sha1', THUMB);
    await client.certificate.get('sha1', THUMB);
    clock += 59 * 60 * 1000; // inside the 2-minute refresh window: refreshed in the background
    await client.certificate.get('sha1', THUMB);
    await client.certificate.get('sha1', THUMB);
    clock += 60 * 60 * 1000 - 10_000; // 10 s before the second token expires: the call waits
    await client.certificate.get('sha1', THUMB);

    expect(calls).toEqual([
      ['https://batch.core.windows.net//.default'],
      ['https://batch.core.windows.net//.default'],
      ['https://batch.core.windows.net//.default'],
    ]);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
      'Bearer token-3',
    ]);
    // ocp-date is only stamped by Shared Key; with a token it is sent only when given
    expect(requests.every((r) => !r.headers.has('ocp-date'))).toBe(true);
  });

  it('a failing token refresh does not fail calls while the cached token is usable', async () => {
    let clock = Date.UTC(2024, 6, 1);
    const now = () => clock;
    let failing = false;
    const credential: TokenCredential = {
      async getToken() {
        if (failing) throw new Error('identity endpoint unavailable');
        return { token: 'token-1', expiresOnTimestamp: now() + 60 * 60 * 1000 };
      },
    };
    server.use(http.get(/\/certificates\(/, () => HttpResponse.json({ thumbprint: THUMB })));
    const client = new BatchClient(ACCOUNT_URL, credential, {
      now,
      onWarning: () => {},
      retry: { maxRetries: 0 },
    });
    await client.certificate.get('sha1', THUMB);
    failing = true;
    clock += 60 * 60 * 1000 - 90_000; // 90 s left: the refresh fails in the background
    await client.certificate.get('sha1', THUMB);
    clock += 30_000;
    await client.certificate.get('sha1', THUMB);
    clock += 30_000; // 30 s left: no usable token, the credential's error is the call's
    await expect(client.certificate.get('sha1', THUMB)).rejects.toThrow(
      'identity endpoint unavailable',
    );
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-1',
    ]);
  });

  it('a credential failure rejects without sending anything and without leaking the token', async () => {
    const credential: TokenCredential = {
      async getToken() {
        throw new Error('no identity available');
      },
    };
    const client = new BatchClient(ACCOUNT_URL, credential, {
      onWarning: () => {},
      retry: { maxRetries: 0 },
    });
    await expect(client.certificate.get('sha1', THUMB)).rejects.toThrow('no identity available');
    expect(requests).toHaveLength(0);
  });

  it('refuses an object that is not a credential', () => {
    expect(() => new BatchClient(ACCOUNT_URL, {} as never)).toThrow(
      'credential must be a BatchSharedKeyCredential, an AzureNamedKeyCredential ({ name, key }) or a TokenCredential (an object with getToken(scopes, options))',
    );
  });
});
