import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  BATCH_TOKEN_SCOPE,
  createBearerTokenProvider,
  DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS,
  TOKEN_FORCED_REFRESH_WINDOW_IN_MS,
  TOKEN_REFRESH_RETRY_INTERVAL_IN_MS,
} from '../../../src/auth/batch-token-provider.js';
import type {
  AccessToken,
  GetTokenOptions,
  TokenCredential,
} from '../../../src/auth/token-credential.js';

const SECOND = 1000;
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

/** Whether `promise` has settled after pending callbacks ran. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await settle();
  return settled;
}

/** A provider holding `first`, valid for an hour from the clock's start. */
async function providerWithToken(refreshWindowInMs?: number) {
  const { credential, calls } = fakeCredential();
  const clock = fakeClock();
  const getToken = createBearerTokenProvider(credential, {
    now: clock.now,
    ...(refreshWindowInMs === undefined ? {} : { refreshWindowInMs }),
  });
  const expiresOnTimestamp = clock.now() + 60 * MINUTE;
  const pending = getToken();
  calls[0]!.resolve({ token: 'first', expiresOnTimestamp });
  await expect(pending).resolves.toBe('first');
  /** Moves the clock to `ms` before the first token expires. */
  const toBeforeExpiry = (ms: number) => clock.advance(expiresOnTimestamp - ms - clock.now());
  return { getToken, calls, clock, expiresOnTimestamp, toBeforeExpiry };
}

describe('createBearerTokenProvider: caching', () => {
  it('asks for the Batch scope and reuses the token until the 2-minute refresh window', async () => {
    expect(DEFAULT_TOKEN_REFRESH_WINDOW_IN_MS).toBe(2 * MINUTE);
    expect(BATCH_TOKEN_SCOPE).toBe('https://batch.core.windows.net//.default');
    const { getToken, calls, toBeforeExpiry } = await providerWithToken();
    expect(calls[0]!.scopes).toBe('https://batch.core.windows.net//.default');

    toBeforeExpiry(2 * MINUTE + 1); // 1 ms before the window
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(1);

    toBeforeExpiry(2 * MINUTE); // the window starts: refresh in the background
    await expect(getToken()).resolves.toBe('first');
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

  it('uses a token shorter-lived than the windows for half its remaining life, not once per call', async () => {
    const { credential, calls } = fakeCredential();
    const clock = fakeClock();
    const getToken = createBearerTokenProvider(credential, { now: clock.now });
    const first = getToken();
    calls[0]!.resolve({ token: 'short', expiresOnTimestamp: clock.now() + 40 * SECOND });
    await first;
    clock.advance(20 * SECOND - 1);
    await expect(getToken()).resolves.toBe('short');
    expect(calls).toHaveLength(1);
    clock.advance(1); // half its life: past its usable life, so the call waits
    const waiting = getToken();
    expect(calls).toHaveLength(2);
    expect(await isSettled(waiting)).toBe(false);
    calls[1]!.resolve({ token: 'next', expiresOnTimestamp: clock.now() + 40 * SECOND });
    await expect(waiting).resolves.toBe('next');
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

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects refreshWindowInMs %p', (value) => {
    expect(() =>
      createBearerTokenProvider(fakeCredential().credential, {
        now: () => 0,
        refreshWindowInMs: value,
      }),
    ).toThrow(new RangeError('refreshWindowInMs must be a finite number >= 0.'));
  });
});

describe('createBearerTokenProvider: refresh in the background while the token is usable', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('a failing refresh with 90 s left: the call gets the cached token, and nothing is unhandled', async () => {
    const { getToken, calls, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(90 * SECOND);
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(2);
    calls[1]!.reject(new Error('identity endpoint unavailable'));
    await settle();
    await expect(getToken()).resolves.toBe('first');
    // Give Node a chance to report an unhandled rejection (it does so after the microtasks).
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unhandled).toEqual([]);
  });

  it('a slow refresh delays no call, and every call meanwhile shares it', async () => {
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(2 * MINUTE);
    const during = [];
    for (let i = 0; i < 50; i++) {
      during.push(getToken());
      clock.advance(SECOND); // 50 s of calls while getToken hangs
    }
    await expect(Promise.all(during)).resolves.toEqual(Array(50).fill('first'));
    expect(calls).toHaveLength(2);

    calls[1]!.resolve({ token: 'second', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await settle();
    await expect(getToken()).resolves.toBe('second');
    expect(calls).toHaveLength(2);
  });

  it('honours a custom refresh window', async () => {
    const { getToken, calls, toBeforeExpiry } = await providerWithToken(10 * MINUTE);
    toBeforeExpiry(10 * MINUTE + 1);
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(1);
    toBeforeExpiry(10 * MINUTE);
    await expect(getToken()).resolves.toBe('first');
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
    await expect(getToken()).resolves.toBe('t1');
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ token: 't2', expiresOnTimestamp: clock.now() + 24 * 60 * MINUTE });
    await settle();
    await expect(getToken()).resolves.toBe('t2');
  });

  it('retries a failed background refresh on the first call after the retry interval, not before', async () => {
    expect(TOKEN_REFRESH_RETRY_INTERVAL_IN_MS).toBe(10 * SECOND);
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(2 * MINUTE);
    await getToken();
    calls[1]!.reject(new Error('throttled'));
    await settle();

    for (let i = 0; i < 100; i++) {
      // a hot loop of calls for 9.9 s
      await expect(getToken()).resolves.toBe('first');
      clock.advance(99);
    }
    expect(calls).toHaveLength(2);
    clock.advance(100); // 10 s after the failure
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(3);
  });

  it('recovers after several failed refreshes, and the next window starts afresh', async () => {
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(2 * MINUTE);
    for (let failure = 1; failure <= 3; failure++) {
      await expect(getToken()).resolves.toBe('first');
      expect(calls).toHaveLength(1 + failure);
      calls[failure]!.reject(new Error(`failure ${failure}`));
      await settle();
      clock.advance(TOKEN_REFRESH_RETRY_INTERVAL_IN_MS);
    }
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(5);
    const secondExpiry = clock.now() + 60 * MINUTE;
    calls[4]!.resolve({ token: 'second', expiresOnTimestamp: secondExpiry });
    await settle();
    await expect(getToken()).resolves.toBe('second');

    clock.advance(secondExpiry - 2 * MINUTE - clock.now()); // the second token's window
    await expect(getToken()).resolves.toBe('second');
    expect(calls).toHaveLength(6);
  });
});

describe('createBearerTokenProvider: waiting when no usable token exists', () => {
  it('waits from 30 s before expiry, sharing a refresh that is already running', async () => {
    expect(TOKEN_FORCED_REFRESH_WINDOW_IN_MS).toBe(30 * SECOND);
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(30 * SECOND + 1);
    await expect(getToken()).resolves.toBe('first'); // starts the background refresh
    expect(calls).toHaveLength(2);
    toBeforeExpiry(30 * SECOND);
    const waiting = getToken();
    expect(await isSettled(waiting)).toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve({ token: 'second', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(waiting).resolves.toBe('second');
  });

  it('an expired token and a failing credential: the call fails with the credential error, without the token', async () => {
    const { getToken, calls, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(10 * SECOND);
    const failing = getToken();
    expect(calls).toHaveLength(2);
    const failure = new Error('AADSTS700016: application not found');
    calls[1]!.reject(failure);
    const error = await failing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBe(failure);
    expect(String(error) + JSON.stringify(error)).not.toContain('first');
  });

  it('a failed wait is not remembered: the next call asks again at once, whatever the retry interval', async () => {
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(35 * SECOND);
    await getToken(); // background refresh …
    calls[1]!.reject(new Error('first failure')); // … fails: no background attempt for 10 s
    await settle();
    toBeforeExpiry(30 * SECOND); // 5 s later the token is past its usable life
    const a = getToken();
    const b = getToken();
    expect(calls).toHaveLength(3);
    const failure = new Error('sign-in failed');
    calls[2]!.reject(failure);
    await expect(a).rejects.toBe(failure);
    await expect(b).rejects.toBe(failure);

    const retry = getToken();
    expect(calls).toHaveLength(4);
    calls[3]!.resolve({ token: 'after-retry', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await expect(retry).resolves.toBe('after-retry');
  });

  it('with refreshWindowInMs 0 uses a token until it expires, then waits', async () => {
    const { getToken, calls, toBeforeExpiry } = await providerWithToken(0);
    toBeforeExpiry(1);
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(1);
    toBeforeExpiry(0);
    void getToken();
    expect(calls).toHaveLength(2);
  });

  it('with a refresh window under 30 s, the window is also the forced one', async () => {
    const { getToken, calls, toBeforeExpiry } = await providerWithToken(10 * SECOND);
    toBeforeExpiry(10 * SECOND + 1);
    await expect(getToken()).resolves.toBe('first');
    expect(calls).toHaveLength(1);
    toBeforeExpiry(10 * SECOND);
    expect(await isSettled(getToken())).toBe(false);
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

  it('an abort while waiting for a nearly expired token does not cancel the shared refresh', async () => {
    const { getToken, calls, clock, toBeforeExpiry } = await providerWithToken();
    toBeforeExpiry(5 * SECOND);
    const controller = new AbortController();
    const aborted = getToken(controller.signal);
    controller.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    calls[1]!.resolve({ token: 'second', expiresOnTimestamp: clock.now() + 60 * MINUTE });
    await settle();
    await expect(getToken()).resolves.toBe('second');
    expect(calls).toHaveLength(2);
  });

  it('rejects at once with the reason of an already aborted signal, without calling getToken', async () => {
    const { credential, calls } = fakeCredential();
    const getToken = createBearerTokenProvider(credential, { now: fakeClock().now });
    const reason = new Error('already aborted');
    await expect(getToken(AbortSignal.abort(reason))).rejects.toBe(reason);
    await settle();
    expect(calls).toHaveLength(0);
  });
});
