import { describe, expect, it } from '@jest/globals';
import { hmacSha256Base64 } from '../../../../src/auth/shared-key/hmac.js';
import {
  type SharedKeySigner,
  signSharedKey,
} from '../../../../src/auth/shared-key/sign-request.js';

const KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const VECTOR_REQUEST = {
  method: 'POST',
  url: 'https://myaccount.westus.batch.azure.com/certificates?api-version=2024-07-01.20.0&timeout=30',
  headers: {
    'Content-Type': 'application/json; odata=minimalmetadata; charset=utf-8',
    'Content-Length': '126',
    'ocp-date': 'Mon, 01 Jul 2024 00:00:00 GMT',
  },
};

describe('hmacSha256Base64', () => {
  it('matches RFC 4231 test case 2 (key "Jefe")', async () => {
    // RFC 4231 §4.3: HMAC-SHA-256("Jefe", "what do ya want for nothing?") =
    // 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
    const expected = Buffer.from(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      'hex',
    ).toString('base64');
    const key = Buffer.from('Jefe').toString('base64');
    await expect(hmacSha256Base64(key, 'what do ya want for nothing?')).resolves.toBe(expected);
  });

  it('hashes the UTF-8 bytes of the message', async () => {
    const { createHmac } = await import('node:crypto');
    const message = "é ☃ 𝄞 $filter:a eq 'x'";
    const expected = createHmac('sha256', Buffer.from(KEY, 'base64'))
      .update(message, 'utf8')
      .digest('base64');
    await expect(hmacSha256Base64(KEY, message)).resolves.toBe(expected);
  });

  it('rejects a key that is not base64 without echoing it', async () => {
    await expect(hmacSha256Base64('not base64!', 'm')).rejects.toThrow(
      new TypeError('Expected a non-empty, padded base64 string.'),
    );
  });
});

describe('signSharedKey', () => {
  const signer: SharedKeySigner = {
    accountName: 'myaccount',
    hmacSha256Base64: (message) => hmacSha256Base64(KEY, message),
  };

  it('reproduces the published vector', async () => {
    await expect(signSharedKey(VECTOR_REQUEST, signer)).resolves.toBe(
      'SharedKey myaccount:3YKm9g/esS9JnEVD8nKfjI6VT7Lgve6Q52gZ2YqO8jw=',
    );
  });

  it('hands the signer the string-to-sign and does not modify the request', async () => {
    const seen: string[] = [];
    const request = structuredClone(VECTOR_REQUEST);
    const result = await signSharedKey(request, {
      accountName: 'acct',
      hmacSha256Base64: async (message) => {
        seen.push(message);
        return 'SIG';
      },
    });
    expect(result).toBe('SharedKey acct:SIG');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.endsWith('\n/acct/certificates\napi-version:2024-07-01.20.0\ntimeout:30')).toBe(
      true,
    );
    expect(request).toEqual(VECTOR_REQUEST);
  });
});
