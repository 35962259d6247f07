import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { BatchSharedKeyCredential } from '../../../src/auth/batch-shared-key-credential.js';

const KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
const KEY_TEXT = Buffer.from(KEY, 'base64').toString('latin1'); // "0123456789abcdef0123456789abcdef"
const VECTOR_REQUEST = {
  method: 'POST',
  url: 'https://myaccount.westus.batch.azure.com/certificates?api-version=2024-07-01.20.0&timeout=30',
  headers: {
    'Content-Type': 'application/json; odata=minimalmetadata; charset=utf-8',
    'Content-Length': '126',
    'ocp-date': 'Mon, 01 Jul 2024 00:00:00 GMT',
  },
};

const leaksKey = (text: string): boolean => text.includes(KEY) || text.includes(KEY_TEXT);

describe('BatchSharedKeyCredential', () => {
  it('signs the published vector, repeatedly, with the cached key', async () => {
    const credential = new BatchSharedKeyCredential('myaccount', KEY);
    const expected = 'SharedKey myaccount:3YKm9g/esS9JnEVD8nKfjI6VT7Lgve6Q52gZ2YqO8jw=';
    const results = await Promise.all([1, 2, 3].map(() => credential.signRequest(VECTOR_REQUEST)));
    expect(results).toEqual([expected, expected, expected]);
    await expect(credential.signRequest(VECTOR_REQUEST)).resolves.toBe(expected);
    expect(credential.accountName).toBe('myaccount');
  });

  it('never shows the key in JSON, inspect, string conversion, keys or own properties', () => {
    const credential = new BatchSharedKeyCredential('myaccount', KEY);
    const renderings = [
      JSON.stringify(credential),
      JSON.stringify({ nested: { credential } }),
      inspect(credential),
      inspect(credential, { showHidden: true, depth: 10, getters: true }),
      inspect({ credential }, { depth: 10 }),
      String(credential),
      `${Object.keys(credential)}`,
      JSON.stringify(
        Object.getOwnPropertyNames(credential).map((n) => [n, String(Reflect.get(credential, n))]),
      ),
      JSON.stringify({ ...credential }),
    ];
    for (const text of renderings) expect(leaksKey(text)).toBe(false);
    expect(JSON.parse(JSON.stringify(credential))).toEqual({ accountName: 'myaccount' });
    expect(inspect(credential)).toBe('BatchSharedKeyCredential { accountName: "myaccount" }');
  });

  it.each([
    ['not base64', 'not base64!'],
    ['missing padding', KEY.slice(0, -1)],
    ['empty', ''],
    ['with whitespace', `${KEY} `],
  ])('rejects a key that is %s with a TypeError that does not show it', (_label, badKey) => {
    let caught: unknown;
    try {
      new BatchSharedKeyCredential('myaccount', badKey);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    const error = caught as TypeError;
    expect(error.message).toBe(
      'BatchSharedKeyCredential: accountKeyBase64 must be a non-empty, padded base64 string (the key is not shown).',
    );
    expect(badKey.length > 0 && inspect(error).includes(badKey)).toBe(false);
    expect(leaksKey(inspect(error))).toBe(false);
  });

  const NAME_RULE =
    'BatchSharedKeyCredential: accountName must be a Batch account name, 1 to 24 letters and digits (the value is not shown).';

  it.each([
    '',
    'my account',
    'acct:x',
    'a/b',
    'my-account',
    'a'.repeat(25),
    'acct\n',
  ])('rejects account name %j', (name) => {
    expect(() => new BatchSharedKeyCredential(name, KEY)).toThrow(new TypeError(NAME_RULE));
  });

  it.each([
    'myaccount',
    'MyAccount',
    'a',
    'a'.repeat(24),
    'acct2024',
  ])('accepts account name %j', (name) => {
    expect(new BatchSharedKeyCredential(name, KEY).accountName).toBe(name);
  });

  /** A 64-byte key as Azure issues them (88 base64 characters, ending in ==), without '/'. */
  const ACCOUNT_KEY = Buffer.alloc(64, 0x5a).toString('base64');

  it.each([
    ['an account key (64 bytes)', ACCOUNT_KEY],
    ['a 32-byte key', KEY],
    ['a key with / in it', Buffer.alloc(33, 0xff).toString('base64')],
  ])('refuses name and key given the other way round (%s as the name), without showing the key', (_label, key) => {
    expect(key.includes('/') || key.endsWith('=')).toBe(true);
    let caught: unknown;
    try {
      // 'acct' is valid base64 too: swapped, both arguments used to pass their checks.
      new BatchSharedKeyCredential(key, 'acct');
    } catch (error) {
      caught = error;
    }
    expect(caught).toEqual(new TypeError(NAME_RULE));
    const printed = [inspect(caught), String(caught), (caught as Error).stack ?? ''];
    for (const text of printed) expect(text).not.toContain(key);
  });

  it('does not modify the request it signs', async () => {
    const request = structuredClone(VECTOR_REQUEST);
    await new BatchSharedKeyCredential('myaccount', KEY).signRequest(request);
    expect(request).toEqual(VECTOR_REQUEST);
  });
});
