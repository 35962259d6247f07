import { describe, expect, it } from '@jest/globals';
import { EMULATOR_ACCOUNT_NAME } from '../../../src/testing/index.js';
import { errorBody, testEmulator } from './support/emulator-fixture.js';
import { ACCOUNT_URL, API_VERSION, detail, signedRequest, T0 } from './support/signed-request.js';

const LIST = `/certificates?api-version=${API_VERSION}`;
const OTHER_KEY = Buffer.from('another key that the emulator does not know').toString('base64');

async function expectAuthFailure(response: Response, detailPattern: RegExp): Promise<void> {
  expect(response.status).toBe(403);
  const body = await errorBody(response);
  expect(body.code).toBe('AuthenticationFailed');
  expect(detail(body, 'AuthenticationErrorDetail')).toMatch(detailPattern);
}

describe('Shared Key', () => {
  it('accepts a correctly signed request for the default well-known account', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: LIST }));
    expect(response.status).toBe(200);
  });

  it('rejects a signature made with the wrong key', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: LIST, key: OTHER_KEY }));
    await expectAuthFailure(response, /^The MAC signature found in the HTTP request/);
  });

  it('rejects a request whose path was changed after signing', async () => {
    const { emulator } = testEmulator();
    const request = signedRequest({
      path: `/certificates(thumbprintAlgorithm=sha1,thumbprint=aa)?api-version=${API_VERSION}`,
      tamper: (parts) => {
        parts.url = parts.url.replace('thumbprint=aa', 'thumbprint=bb');
      },
    });
    await expectAuthFailure(await emulator.handle(request), /thumbprint=bb\)/);
  });

  it('rejects a request whose query was changed after signing', async () => {
    const { emulator } = testEmulator();
    const request = signedRequest({
      path: `${LIST}&maxresults=5`,
      tamper: (parts) => {
        parts.url = parts.url.replace('maxresults=5', 'maxresults=6');
      },
    });
    await expectAuthFailure(await emulator.handle(request), /\nmaxresults:6'\.$/);
  });

  it('rejects a request whose ocp-date was changed after signing', async () => {
    const { emulator } = testEmulator();
    const request = signedRequest({
      path: LIST,
      tamper: (parts) => {
        parts.headers['ocp-date'] = new Date(T0 + 1000).toUTCString();
      },
    });
    await expectAuthFailure(await emulator.handle(request), /MAC signature/);
  });

  it('signs Content-Type and Content-Length of a body', async () => {
    const { emulator } = testEmulator();
    const request = signedRequest({
      method: 'POST',
      path: LIST,
      body: { thumbprint: 'ab', thumbprintAlgorithm: 'sha1', data: 'AAAA' },
      tamper: (parts) => {
        parts.headers['Content-Type'] = 'application/json';
      },
    });
    await expectAuthFailure(await emulator.handle(request), /\napplication\/json\n/);
  });

  it('rejects a request without an Authorization header', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: LIST, unsigned: true }));
    await expectAuthFailure(response, /does not carry an Authorization header/);
  });

  it('rejects a malformed Authorization header', async () => {
    const { emulator } = testEmulator();
    const request = signedRequest({
      path: LIST,
      tamper: (parts) => {
        parts.headers.Authorization = 'Basic dXNlcjpwYXNz';
      },
    });
    await expectAuthFailure(await emulator.handle(request), /must be 'SharedKey/);
  });

  it('rejects an account it does not know', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: LIST, account: 'stranger' }));
    await expectAuthFailure(response, /account 'stranger' is not configured/);
  });

  it('keeps configured accounts apart', async () => {
    const { emulator } = testEmulator({
      accounts: [
        { name: 'alpha', key: OTHER_KEY },
        { name: 'beta', key: Buffer.from('beta key').toString('base64') },
      ],
    });
    expect(emulator.accountNames).toEqual(['alpha', 'beta']);
    const add = signedRequest({
      method: 'POST',
      path: LIST,
      account: 'alpha',
      key: OTHER_KEY,
      body: {
        thumbprint: 'ab',
        thumbprintAlgorithm: 'sha1',
        data: 'AAAA',
        certificateFormat: 'cer',
      },
    });
    expect((await emulator.handle(add)).status).toBe(201);
    expect(emulator.certificates('alpha').map((c) => c.thumbprint)).toEqual(['ab']);
    expect(emulator.certificates('beta')).toEqual([]);
    const wrong = signedRequest({ path: LIST, account: 'beta', key: OTHER_KEY });
    await expectAuthFailure(await emulator.handle(wrong), /MAC signature/);
  });

  it.each([
    ['a key as the name (name and key swapped)', { name: OTHER_KEY, key: 'acct' }],
    ['a name with a colon', { name: 'acct:x', key: OTHER_KEY }],
    ['a name with a dash', { name: 'my-acct', key: OTHER_KEY }],
  ])('refuses %s with a TypeError that does not show the value', (_label, account) => {
    let caught: unknown;
    try {
      testEmulator({ accounts: [account] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toEqual(
      new TypeError(
        'Emulator account names must be Batch account names, 1 to 24 letters and digits (the value is not shown).',
      ),
    );
    expect(String(caught)).not.toContain(account.name);
  });

  it('never keeps account keys in enumerable properties', () => {
    const { emulator } = testEmulator({ accounts: [{ name: 'alpha', key: OTHER_KEY }] });
    expect(JSON.stringify(emulator)).not.toContain(OTHER_KEY);
    expect(Object.values(emulator).map(String).join(' ')).not.toContain(OTHER_KEY);
  });
});

describe('request date window', () => {
  it.each([
    ['14 minutes early', -14 * 60_000],
    ['15 minutes late', 15 * 60_000],
  ])('accepts an ocp-date %s', async (_label, offset) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: LIST, date: T0 + offset }));
    expect(response.status).toBe(200);
  });

  it.each([
    ['more than 15 minutes old', -15 * 60_000 - 1000],
    ['more than 15 minutes ahead', 16 * 60_000],
  ])('rejects an ocp-date %s', async (_label, offset) => {
    const { emulator } = testEmulator();
    const date = new Date(T0 + offset).toUTCString();
    const response = await emulator.handle(signedRequest({ path: LIST, date: T0 + offset }));
    await expectAuthFailure(
      response,
      new RegExp(
        `^The ocp-date header value '${date}' differs from the server time '${new Date(T0).toUTCString()}' by more than 15 minutes\\.$`,
      ),
    );
  });

  it('follows the injected clock', async () => {
    const { emulator, clock } = testEmulator();
    clock.now = T0 + 20 * 60_000;
    await expectAuthFailure(await emulator.handle(signedRequest({ path: LIST })), /more than 15/);
  });

  it('uses the Date header when ocp-date is absent, and signs it', async () => {
    const { emulator } = testEmulator();
    const ok = signedRequest({
      path: LIST,
      noDate: true,
      headers: { Date: new Date(T0).toUTCString() },
    });
    expect((await emulator.handle(ok)).status).toBe(200);
    const old = signedRequest({
      path: LIST,
      noDate: true,
      headers: { Date: new Date(T0 - 3_600_000).toUTCString() },
    });
    await expectAuthFailure(await emulator.handle(old), /^The Date header value/);
  });

  it('rejects a request with no date at all, and one with an unreadable date', async () => {
    const { emulator } = testEmulator();
    const none = signedRequest({ path: LIST, noDate: true });
    await expectAuthFailure(await emulator.handle(none), /must carry an ocp-date or Date header/);
    const bad = signedRequest({ path: LIST, headers: { 'ocp-date': '2023-11-14T22:13:20Z' } });
    await expectAuthFailure(await emulator.handle(bad), /is not an RFC 1123 date/);
  });

  it.each([
    ['without GMT (an instant only in some time zone)', 'Tue, 14 Nov 2023 22:13:20'],
    ['with a day November does not have', 'Fri, 31 Nov 2023 22:13:20 GMT'],
  ])('rejects an ocp-date %s', async (_label, date) => {
    const { emulator } = testEmulator();
    const bad = signedRequest({ path: LIST, headers: { 'ocp-date': date } });
    await expectAuthFailure(await emulator.handle(bad), /is not an RFC 1123 date/);
  });
});

describe('bearer tokens', () => {
  const bearer = (token: string, host = ACCOUNT_URL) =>
    new Request(`${host}${LIST}`, { headers: { Authorization: `Bearer ${token}` } });

  it('are rejected when no verifier is configured', async () => {
    const { emulator } = testEmulator();
    await expectAuthFailure(await emulator.handle(bearer('t')), /no token verifier is configured/);
  });

  it('go through the verifier, sync or async', async () => {
    const seen: string[] = [];
    const { emulator } = testEmulator({
      verifyToken: async (token) => {
        seen.push(token);
        return token === 'good';
      },
    });
    expect((await emulator.handle(bearer('good'))).status).toBe(200);
    await expectAuthFailure(await emulator.handle(bearer('bad')), /bearer token is not valid/);
    expect(seen).toEqual(['good', 'bad']);
  });

  it('act on the account named by the host, else the first account', async () => {
    const key = Buffer.from('k').toString('base64');
    const { emulator } = testEmulator({
      accounts: [
        { name: 'first', key },
        { name: 'second', key },
      ],
      verifyToken: () => true,
    });
    const add = (host: string, thumbprint: string) =>
      new Request(`${host}${LIST}`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer ok',
          'Content-Type': 'application/json; odata=minimalmetadata',
        },
        body: JSON.stringify({ thumbprint, thumbprintAlgorithm: 'sha1', data: 'AAAA' }),
      });
    expect((await emulator.handle(add('https://second.region.batch.azure.com', 'b1'))).status).toBe(
      201,
    );
    expect((await emulator.handle(add('http://127.0.0.1:1', 'f1'))).status).toBe(201);
    expect(emulator.certificates('second').map((c) => c.thumbprint)).toEqual(['b1']);
    expect(emulator.certificates('first').map((c) => c.thumbprint)).toEqual(['f1']);
    expect(emulator.certificates().map((c) => c.thumbprint)).toEqual(['f1']);
  });

  it('is redacted in the request log, like Shared Key', async () => {
    const { emulator } = testEmulator({ verifyToken: () => true });
    await emulator.handle(bearer('very-secret-token'));
    await emulator.handle(signedRequest({ path: LIST }));
    const [first, second] = emulator.requests;
    expect(first?.headers.authorization).toBe('Bearer [redacted]');
    expect(second?.headers.authorization).toBe(`SharedKey ${EMULATOR_ACCOUNT_NAME}:[redacted]`);
    expect(JSON.stringify(emulator.requests)).not.toContain('very-secret-token');
  });
});
