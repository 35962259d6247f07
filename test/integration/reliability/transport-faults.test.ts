/**
 * Fault injection, part 2: faults without a usable response — connection resets, answers slower
 * than the per-attempt timeout, bodies cut short — and the caller's abort signal, including an
 * abort during the backoff wait. Timers are counted before and after each call settles.
 */
import { describe, expect, it } from '@jest/globals';
import { delay, HttpResponse, http } from 'msw';
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
  type TokenCredential,
} from '../../../src/index.js';
import { expectFreshlySignedAttempts } from './support/expectations.js';
import {
  answerInTurn,
  createHarness,
  dynamicSecrets,
  journal,
  pendingTimers,
  rejectionOf,
  useFaultServer,
} from './support/harness.js';
import {
  ACTIVE_CERTIFICATE,
  ADD_URL,
  BEARER_TOKEN,
  findSecrets,
  GET_URL,
  secretCertificate,
  THUMBPRINT,
} from './support/secrets.js';

const { server, requestsReached } = useFaultServer();

/** A handler answer slower than the timeout; `settled` resolves once its msw delay is over. */
function slowAnswers() {
  const pending: Promise<void>[] = [];
  const slow = (ms: number, answer: () => Response) => () => {
    const done = delay(ms).then(answer);
    pending.push(done.then(() => undefined));
    return done;
  };
  return { slow, settled: () => Promise.all(pending) };
}

const reset = () => HttpResponse.error();
const certificate = () => HttpResponse.json(ACTIVE_CERTIFICATE);

describe('connection reset', () => {
  it('a reset is retried after backoff and the get then succeeds', async () => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, [reset, reset, certificate]);
    await expect(h.client.certificate.get('sha1', THUMBPRINT)).resolves.toEqual(ACTIVE_CERTIFICATE);
    expect(h.attempts).toHaveLength(3);
    expect(h.sleeps).toEqual([600, 1200]);
    expectFreshlySignedAttempts(h.attempts);
    expect(pendingTimers()).toBe(0);
  });

  it('resets on every attempt end in a BatchNetworkError that keeps the cause', async () => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, Array(4).fill(reset));
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toBeInstanceOf(BatchNetworkError);
    expect(error).toMatchObject({ attempts: 4, operation: 'certificate.get' });
    expect((error.cause as Error).name).toBe('TypeError'); // fetch's own error, another realm
    expect(h.sleeps).toEqual([600, 1200, 2400]);
    expectFreshlySignedAttempts(h.attempts);
  });
});

describe('answers slower than the per-attempt timeout', () => {
  it('a slow attempt times out, is retried, and the next answer is used', async () => {
    // Generous enough that the fast answer never times out on a loaded machine.
    const h = createHarness({ timeoutInMs: 200 });
    const { slow, settled } = slowAnswers();
    answerInTurn(server, 'get', GET_URL, [slow(500, certificate), certificate]);
    await expect(h.client.certificate.get('sha1', THUMBPRINT)).resolves.toEqual(ACTIVE_CERTIFICATE);
    expect(h.attempts).toHaveLength(2);
    expect(h.sleeps).toEqual([600]);
    expectFreshlySignedAttempts(h.attempts);
    await settled();
    expect(pendingTimers()).toBe(0);
  });

  it('timing out on every attempt gives a BatchTimeoutError (per-call timeout wins)', async () => {
    const h = createHarness({ timeoutInMs: 60_000 });
    const { slow, settled } = slowAnswers();
    answerInTurn(server, 'get', GET_URL, [slow(250, certificate), slow(250, certificate)]);
    const error = await rejectionOf(
      h.client.certificate.get('sha1', THUMBPRINT, { timeoutInMs: 20, retry: { maxRetries: 1 } }),
    );
    expect(error).toBeInstanceOf(BatchTimeoutError);
    expect(error).toMatchObject({ name: 'BatchTimeoutError', timeoutInMs: 20, attempts: 2 });
    expect((error.cause as Error).name).toBe('TimeoutError');
    expect(h.sleeps).toEqual([600]);
    await settled();
    expect(pendingTimers()).toBe(0);
  });
});

describe('bodies cut short', () => {
  it('a 200 whose JSON is truncated is not retried and fails with a BatchResponseError', async () => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, [
      () =>
        new HttpResponse('{"thumbprint":"c0ffee","sta', {
          headers: { 'content-type': 'application/json' },
        }),
    ]);
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toMatchObject({ name: 'BatchResponseError', problem: 'invalidJson' });
    expect(error.message).toMatch(/certificate\.get.*not valid JSON/);
    expect(error.message).not.toContain('c0ffee');
    expect(h.attempts).toHaveLength(1);
  });

  it.each([
    ['empty', ''],
    ['not the declared shape', '["c0ffee"]'],
  ])('a 200 whose body is %s is not retried and fails with a BatchResponseError', async (_l, body) => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, [
      () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } }),
    ]);
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toMatchObject({ name: 'BatchResponseError', statusCode: 200 });
    expect(error.message).not.toContain('c0ffee');
    expect(h.attempts).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('a body whose connection breaks mid-way is retried like a reset', async () => {
    const h = createHarness();
    const broken = () =>
      new HttpResponse(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"thumbprint":"c0f'));
            controller.error(new Error('socket hang up'));
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    answerInTurn(server, 'get', GET_URL, [broken, certificate]);
    await expect(h.client.certificate.get('sha1', THUMBPRINT)).resolves.toEqual(ACTIVE_CERTIFICATE);
    expect(h.attempts).toHaveLength(2);
    expect(h.sleeps).toEqual([600]);
  });
});

describe('abort', () => {
  it('an abort during the backoff wait rejects at once with the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const waits: number[] = [];
    const h = createHarness({
      // A real-looking sleep that only ends when aborted, so only the abort can end the call.
      sleep: (ms, signal) =>
        new Promise((_, reject) => {
          waits.push(ms);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          queueMicrotask(() => controller.abort(reason));
        }),
    });
    answerInTurn(server, 'post', ADD_URL, [
      () => HttpResponse.json({ code: 'ServerBusy' }, { status: 503 }),
    ]);
    const error = await rejectionOf(
      h.client.certificate.add(secretCertificate(), { abortSignal: controller.signal }),
    );
    expect(error).toBeInstanceOf(BatchAbortError);
    expect(error.name).toBe('AbortError');
    expect(error.cause).toBe(reason);
    expect(error).toMatchObject({ attempts: 1, operation: 'certificate.add' });
    expect(waits).toEqual([600]);
    expect(h.attempts).toHaveLength(1);
    expect(pendingTimers()).toBe(0);
  });

  it('an injected sleep that ignores the signal is still cut short by the abort', async () => {
    const controller = new AbortController();
    const h = createHarness({
      sleep: () => {
        queueMicrotask(() => controller.abort('stop'));
        return new Promise<void>(() => {});
      },
    });
    answerInTurn(server, 'get', GET_URL, [reset]);
    const error = await rejectionOf(
      h.client.certificate.get('sha1', THUMBPRINT, { abortSignal: controller.signal }),
    );
    expect(error).toMatchObject({ name: 'AbortError', cause: 'stop', attempts: 1 });
  });

  it('an abort while the request is in flight is an abort, not a timeout or network error', async () => {
    const controller = new AbortController();
    const h = createHarness();
    let release = () => {};
    server.use(
      http.get(GET_URL, async () => {
        controller.abort(new DOMException('caller gave up', 'AbortError'));
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return certificate();
      }),
    );
    const error = await rejectionOf(
      h.client.certificate.get('sha1', THUMBPRINT, { abortSignal: controller.signal }),
    );
    release();
    expect(error).toBeInstanceOf(BatchAbortError);
    expect((error.cause as DOMException).message).toBe('caller gave up');
    expect(h.sleeps).toEqual([]);
    expect(pendingTimers()).toBe(0);
  });

  it('an already-aborted signal sends nothing', async () => {
    const h = createHarness();
    const error = await rejectionOf(
      h.client.certificate.get('sha1', THUMBPRINT, { abortSignal: AbortSignal.abort('early') }),
    );
    expect(error).toMatchObject({ name: 'AbortError', cause: 'early', attempts: 0 });
    expect(requestsReached()).toBe(0);
  });
});

describe('bearer tokens', () => {
  it('an expired token is replaced before the retry; both attempts share the request id', async () => {
    const issued: string[] = [];
    const credential: TokenCredential = {
      getToken: async () => {
        const token = `${BEARER_TOKEN}${issued.length}`;
        issued.push(token);
        // Valid for 80 s: under the 30 s the client keeps as a margin after the 429's 60 s wait,
        // so the retry waits for a new token.
        return { token, expiresOnTimestamp: h.clock.now() + 80_000 };
      },
    };
    const h = createHarness({ credential });
    answerInTurn(server, 'get', GET_URL, [
      () =>
        HttpResponse.json(
          { code: 'TooManyRequests' },
          { status: 429, headers: { 'Retry-After': '60' } },
        ),
      certificate,
    ]);
    await h.client.certificate.get('sha1', THUMBPRINT);
    expect(h.attempts.map((a) => a.headers.get('authorization'))).toEqual(
      issued.map((t) => `Bearer ${t}`),
    );
    expect(issued).toHaveLength(2);
    const ids = h.attempts.map((a) => a.headers.get('client-request-id'));
    expect(ids[0]).toBe(ids[1]);
  });
});

describe('what the suite printed', () => {
  it('leaked no secret in any error, warning or console line', () => {
    expect(journal.texts.length).toBeGreaterThan(30);
    expect(findSecrets(journal.texts, dynamicSecrets())).toEqual([]);
  });
});
