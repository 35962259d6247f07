/**
 * The bench server's Shared Key check must accept exactly what a correct signer sends and refuse
 * the rest, or the benchmark could measure a client that signs wrongly. Checked against the
 * client's own `BatchSharedKeyCredential` and, for the string to sign, against the emulator's
 * independent reading of the same specification.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { BatchSharedKeyCredential } from '../../src/auth/batch-shared-key-credential.js';
import { buildStringToSign } from '../../src/emulator/shared-key-verifier.js';
import { createSharedKeyVerifier, serverStringToSign } from './verify-shared-key.ts';

const ACCOUNT = 'benchaccount';
const KEY = randomBytes(64).toString('base64');
const HOST = 'http://127.0.0.1:8080';
const verify = createSharedKeyVerifier(ACCOUNT, KEY);
const credential = new BatchSharedKeyCredential(ACCOUNT, KEY);

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
}

async function signed(sent: Sent, by = credential): Promise<IncomingHttpHeaders> {
  const authorization = await by.signRequest({
    method: sent.method,
    url: `${HOST}${sent.path}`,
    headers: sent.headers,
  });
  return { ...sent.headers, authorization };
}

const now = () => new Date().toUTCString();
const add = (): Sent => ({
  method: 'POST',
  path: '/certificates?api-version=2024-07-01.20.0',
  headers: {
    'content-type': 'application/json; odata=minimalmetadata',
    'content-length': '4242',
    'ocp-date': now(),
    'client-request-id': '5b8b1f0e-8f2e-4f4a-9d0c-1c7a3c3f2b11',
  },
});
const get = (): Sent => ({
  method: 'GET',
  path: '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123abcd)?api-version=2024-07-01.20.0&%24select=state%2Curl&timeout=30',
  headers: { 'ocp-date': now(), 'ocp-custom': ' spaced ', accept: 'application/json' },
});

describe('bench server Shared Key check', () => {
  it.each([
    ['an add (POST with a body)', add],
    ['a get (GET, no Content-Length, encoded query, two ocp- headers)', get],
  ])('accepts %s signed by BatchSharedKeyCredential', async (_name, make) => {
    const sent = make();
    expect(verify(sent.method, sent.path, await signed(sent))).toEqual({ ok: true });
  });

  it.each([
    ['an add', add],
    ['a get', get],
  ])("signs %s the way the emulator's verifier reads the specification", (_name, make) => {
    const sent = make();
    const headers = new Headers(sent.headers);
    const emulator = buildStringToSign(
      { method: sent.method, url: new URL(`${HOST}${sent.path}`), headers, bodyLength: 0 },
      ACCOUNT,
    );
    const trimmed = Object.fromEntries([...headers]);
    expect(serverStringToSign(sent.method, sent.path, trimmed, ACCOUNT)).toBe(emulator);
  });

  it('refuses a signature made with another key (403, with the string it signed)', async () => {
    const sent = add();
    const other = new BatchSharedKeyCredential(ACCOUNT, randomBytes(64).toString('base64'));
    const verdict = verify(sent.method, sent.path, await signed(sent, other));
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    expect(verdict.ok ? '' : verdict.reason).toContain('Server used following string to sign');
  });

  it.each([
    ['another Content-Length', (h: IncomingHttpHeaders) => ({ ...h, 'content-length': '4243' })],
    [
      'another Content-Type',
      (h: IncomingHttpHeaders) => ({ ...h, 'content-type': 'application/json' }),
    ],
    ['an ocp- header added', (h: IncomingHttpHeaders) => ({ ...h, 'ocp-extra': '1' })],
  ])('refuses a request changed after signing: %s', async (_name, change) => {
    const sent = add();
    const verdict = verify(sent.method, sent.path, change(await signed(sent)));
    expect(verdict).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a request sent to another path or query than the one signed', async () => {
    const sent = get();
    const headers = await signed(sent);
    expect(verify('GET', sent.path.replace('0123abcd', '0123abce'), headers).ok).toBe(false);
    expect(verify('GET', sent.path.replace('timeout=30', 'timeout=31'), headers).ok).toBe(false);
    expect(verify('DELETE', sent.path, headers).ok).toBe(false);
  });

  it('refuses an ocp-date more than 15 minutes off, even correctly signed', async () => {
    const sent = add();
    sent.headers['ocp-date'] = new Date(Date.now() - 16 * 60 * 1000).toUTCString();
    const verdict = verify(sent.method, sent.path, await signed(sent));
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    expect(verdict.ok ? '' : verdict.reason).toContain('15 minutes');
  });

  it('refuses a request with no Shared Key header, or one for another account (401)', async () => {
    const sent = add();
    expect(verify(sent.method, sent.path, sent.headers)).toMatchObject({ ok: false, status: 401 });
    const other = new BatchSharedKeyCredential('otheraccount', KEY);
    const verdict = verify(sent.method, sent.path, await signed(sent, other));
    expect(verdict).toMatchObject({ ok: false, status: 401 });
  });
});
