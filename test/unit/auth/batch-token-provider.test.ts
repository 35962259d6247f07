import { describe, expect, it } from '@jest/globals';
import {
  BATCH_TOKEN_SCOPE,
  createBearerTokenProvider,
  DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS,
} from '../../../src/auth/batch-token-provider.js';
import type {
  AccessToken,
  GetTokenOptions,
  TokenCredential,
} from '../../../src/auth/token-credential.js';

const MINUTE = 60_000;

interface Call {
  scopes: string | string[];
  options: GetTokenOptions | undefined;
  resolve(token: AccessToken | null): void;
  reject(error: unknown): void;
}

/** A credential whose getToken calls wait until the test settles them. */
function fakeCredential() {
  const calls: Call[] = [];
  const credential: TokenCredential = {
    getToken(scopes, options) {
      return new Promise((resolve, reject) => {
        calls.push({ scopes, options, resolve, reject });
      });
    },
  };
  return { credential, calls };
}

function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** Lets pending promise callbacks run (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createBearerTokenProvider', () => {
  it('asks for the Batch scope and reuses the token until the 2-minute refresh window', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    expect(DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS).toBe(2 * MINUTE);

    const first = getToken();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.scopes).toBe('https://batch.core.windows.net//.default');
    expect(BATCH_TOKEN_SCOPE).toBe('https://batch.core.windows.net//.default');
    calls[0]!.resolve({ token: 'token-1', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(first).resolves.toBe('token-1');

    clock.advance(58 * MINUTE - 1); // 2 minutes + 1 ms before expiry: still outside the window
    await expect(getToken()).resolves.toBe('token-1');
    expect(calls).toHaveLength(1);

    clock.advance(1); // exactly 2 minutes before expiry: refresh
    const refreshed = getToken();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ token: 'token-2', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(refreshed).resolves.toBe('token-2');
    await expect(getToken()).resolves.toBe('token-2');
    expect(calls).toHaveLength(2);
  });

  it('honours a custom refresh window', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, {
      now: clock.now,
      refreshWindowInMs: 10 * MINUTE,
    });
    const first = getToken();
    calls[0]!.resolve({ token: 't1', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await first;
    clock.advance(50 * MINUTE - 1);
    await expect(getToken()).resolves.toBe('t1');
    clock.advance(1);
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it('refreshes once refreshAfterTimestamp has passed, even far from expiry', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const first = getToken();
    calls[0]!.resolve({
      token: 't1',
      expiresOnTimestamp: clock.now() + 24 * 60 * MINUTE,
      refreshAfterTimestamp: clock.now() + 30 * MINUTE,
    });
    await first;
    clock.advance(30 * MINUTE - 1);
    await expect(getToken()).resolves.toBe('t1');
    expect(calls).toHaveLength(1);
    clock.advance(1);
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it('uses a token shorter-lived than the window for half its remaining life, not once per call', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const first = getToken();
    calls[0]!.resolve({ token: 'short', expiresOnTimestamp: clock.now() + MINUTE });
    await first;
    clock.advance(MINUTE / 2 - 1);
    await expect(getToken()).resolves.toBe('short');
    expect(calls).toHaveLength(1);
    clock.advance(1);
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it('shares one in-flight getToken between concurrent callers', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const waiting = [getToken(), getToken(), getToken()];
    expect(calls).toHaveLength(1);
    calls[0]!.resolve({ token: 'shared', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(Promise.all(waiting)).resolves.toEqual(['shared', 'shared', 'shared']);
    expect(calls).toHaveLength(1);
  });

  it('does not cache a failure: every waiter sees it and the next call tries again', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const a = getToken();
    const b = getToken();
    const failure = new Error('sign-in failed');
    calls[0]!.reject(failure);
    await expect(a).rejects.toBe(failure);
    await expect(b).rejects.toBe(failure);

    const retry = getToken();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ token: 'after-retry', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(retry).resolves.toBe('after-retry');
  });

  it('fails clearly on a null token, without caching it', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const first = getToken();
    calls[0]!.resolve(null);
    await expect(first).rejects.toThrow(
      new Error(
        'The token credential returned no access token for scope "https://batch.core.windows.net//.default". ' +
          'Check that the identity can sign in and has access to the Batch account.',
      ),
    );
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['an empty token', { token: '', expiresOnTimestamp: 1 }],
    ['a missing expiry', { token: 'secret-token-value' }],
    ['a non-finite expiry', { token: 'secret-token-value', expiresOnTimestamp: Number.NaN }],
  ])('rejects %s without showing the token', async (_label, malformed) => {
    const { credential, calls } = fakeCredential();
    const getToken = createBearerTokenProvider(credential, { now: fakeClock().now });
    const first = getToken();
    calls[0]!.resolve(malformed as AccessToken);
    const error = await first.then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      'The token credential returned a malformed access token for scope "https://batch.core.windows.net//.default" ' +
        '(expected a non-empty token string and a numeric expiresOnTimestamp).',
    );
    expect(JSON.stringify(error) + String(error)).not.toContain('secret-token-value');
  });

  it('refetches a cached token once it has expired, whatever the window', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, {
      now: clock.now,
      refreshWindowInMs: 0,
    });
    const first = getToken();
    calls[0]!.resolve({ token: 't1', expiresOnTimestamp: clock.now() + MINUTE });
    await first;
    clock.advance(MINUTE - 1);
    await expect(getToken()).resolves.toBe('t1');
    clock.advance(1);
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it('lets one caller abort its wait without failing the others or losing the token', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const controller = new AbortController();
    const aborted = getToken(controller.signal);
    const other = getToken();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toBeUndefined();
    const reason = new Error('caller gave up');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);

    calls[0]!.resolve({ token: 'kept', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(other).resolves.toBe('kept');
    await expect(getToken()).resolves.toBe('kept');
    expect(calls).toHaveLength(1);
  });

  it('rejects at once with the reason of an already aborted signal, without calling getToken', async () => {
    const { credential, calls } = fakeCredential();
    const getToken = createBearerTokenProvider(credential, { now: fakeClock().now });
    const reason = new Error('already aborted');
    await expect(getToken(AbortSignal.abort(reason))).rejects.toBe(reason);
    await settle();
    expect(calls).toHaveLength(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects refreshWindowInMs %p', (value) => {
    expect(() =>
      createBearerTokenProvider(fakeCredential().credential, {
        now: () => 0,
        refreshWindowInMs: value,
      }),
    ).toThrow(new RangeError('refreshWindowInMs must be a finite number >= 0.'));
  });
});
