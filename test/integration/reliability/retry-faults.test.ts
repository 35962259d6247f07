/**
 * Fault injection, part 1: throttling and server errors. Each case asserts how many attempts went
 * out, the waits asked of the injected sleep, that every attempt was freshly stamped and signed
 * with the same client-request-id, and the final outcome.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse } from 'msw';
import { isBatchServiceError } from '../../../src/index.js';
import { documentedBackoff, expectFreshlySignedAttempts } from './support/expectations.js';
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
  findSecrets,
  GET_URL,
  secretCertificate,
  THUMBPRINT,
} from './support/secrets.js';

const { server } = useFaultServer();

const batchError =
  (status: number, code: string, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(
      { code, message: { lang: 'en-US', value: `${code} happened.\nRequestId:r\nTime:t` } },
      { status, headers },
    );
const created = () => new HttpResponse(null, { status: 201 });
const certificate = () => HttpResponse.json(ACTIVE_CERTIFICATE);

describe('throttling with Retry-After', () => {
  it('429 with Retry-After in seconds: waits exactly that long, no jitter, then succeeds', async () => {
    const h = createHarness();
    answerInTurn(server, 'post', ADD_URL, [
      batchError(429, 'TooManyRequests', { 'Retry-After': '7' }),
      batchError(429, 'TooManyRequests', { 'Retry-After': '0' }),
      created,
    ]);
    const result = await h.client.certificate.add(secretCertificate());
    expect(result).toEqual({});
    expect(h.attempts).toHaveLength(3);
    expect(h.sleeps).toEqual([7000, 0]);
    expect(h.randomCalls()).toBe(0);
    expectFreshlySignedAttempts(h.attempts);
    expect(pendingTimers()).toBe(0);
  });

  it('503 with Retry-After as an HTTP date: waits until that date on the injected clock', async () => {
    const h = createHarness();
    const at = (offsetMs: number) => () =>
      batchError(503, 'ServerBusy', {
        'Retry-After': new Date(h.clock.now() + offsetMs).toUTCString(),
      })();
    answerInTurn(server, 'get', GET_URL, [at(12_000), at(-5_000), certificate]);
    const result = await h.client.certificate.get('sha1', THUMBPRINT);
    expect(result).toEqual(ACTIVE_CERTIFICATE);
    // A date in the past means "now": a zero wait, still without jitter.
    expect(h.sleeps).toEqual([12_000, 0]);
    expect(h.randomCalls()).toBe(0);
    expectFreshlySignedAttempts(h.attempts);
  });

  it.each([
    ['soon'],
    ['1.5'],
    ['-3'],
    ['Wed, 32 Foo 2025 08:00:00 GMT'],
    [''],
  ])('malformed Retry-After %p falls back to jittered backoff', async (value) => {
    const h = createHarness({ randomValues: [0, 0.5, 0.999] });
    answerInTurn(server, 'post', ADD_URL, [
      batchError(503, 'ServerBusy', { 'Retry-After': value }),
      batchError(429, 'TooManyRequests', { 'Retry-After': value }),
      batchError(503, 'ServerBusy', { 'Retry-After': value }),
      created,
    ]);
    await h.client.certificate.add(secretCertificate());
    expect(h.attempts).toHaveLength(4);
    // One random draw per retry, in order: the decision is made once per attempt.
    expect(h.randomCalls()).toBe(3);
    expect(h.sleeps).toEqual([
      documentedBackoff(1, 0),
      documentedBackoff(2, 0.5),
      documentedBackoff(3, 0.999),
    ]);
    expect(h.sleeps).toEqual([400, 1200, 3198]);
    expectFreshlySignedAttempts(h.attempts);
  });

  it('a Retry-After above maxRetryAfterInMs is not waited for: the 429 surfaces at once', async () => {
    const h = createHarness({ retry: { maxRetryAfterInMs: 30_000 } });
    answerInTurn(server, 'post', ADD_URL, [
      batchError(429, 'TooManyRequests', { 'Retry-After': '31' }),
    ]);
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(isBatchServiceError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(h.attempts).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('retry-after-ms is preferred to Retry-After', async () => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, [
      batchError(503, 'ServerBusy', { 'retry-after-ms': '250', 'Retry-After': '9' }),
      certificate,
    ]);
    await h.client.certificate.get('sha1', THUMBPRINT);
    expect(h.sleeps).toEqual([250]);
  });
});

describe('server errors', () => {
  it('500 then 201: one retry after backoff, add resolves', async () => {
    const h = createHarness();
    answerInTurn(server, 'post', ADD_URL, [batchError(500, 'InternalError'), created]);
    await expect(h.client.certificate.add(secretCertificate())).resolves.toEqual({});
    expect(h.attempts).toHaveLength(2);
    expect(h.sleeps).toEqual([600]);
    expectFreshlySignedAttempts(h.attempts);
    expect(pendingTimers()).toBe(0);
  });

  it.each([408, 500, 502, 503, 504])('%i is retried until maxRetries runs out', async (status) => {
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, Array(4).fill(batchError(status, 'Flaky')));
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: status, code: 'Flaky' });
    expect(h.attempts).toHaveLength(4);
    expect(h.sleeps).toEqual([600, 1200, 2400]);
    expectFreshlySignedAttempts(h.attempts);
  });

  it.each([
    [400, 'InvalidHeaderValue'],
    [403, 'AuthenticationFailed'],
    [404, 'CertificateNotFound'],
    [409, 'CertificateExists'],
    [501, 'NotImplemented'],
    [505, 'HttpVersionNotSupported'],
  ])('%i is never retried', async (status, code) => {
    const h = createHarness();
    answerInTurn(server, 'post', ADD_URL, [batchError(status, code, { 'Retry-After': '1' })]);
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: status, code });
    expect(h.attempts).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('an empty 500 is retried and surfaces as a BatchServiceError with a fallback message', async () => {
    const h = createHarness({ retry: { maxRetries: 1 } });
    answerInTurn(
      server,
      'get',
      GET_URL,
      Array(2).fill(() => new HttpResponse(null, { status: 500 })),
    );
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: 500 });
    expect(error.message).toMatch(/500/);
    expect(h.attempts).toHaveLength(2);
  });

  it('an HTML error page from a proxy: 502 retried, 403 not, never quoted in the error', async () => {
    const page = (status: number) => () =>
      new HttpResponse(`<html><body><h1>${status}</h1><p>secret-ish proxy page</p></body></html>`, {
        status,
        headers: { 'content-type': 'text/html' },
      });
    const h = createHarness();
    answerInTurn(server, 'get', GET_URL, [page(502), page(403)]);
    const error = await rejectionOf(h.client.certificate.get('sha1', THUMBPRINT));
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: 403 });
    expect(error.message).not.toMatch(/<html>|proxy page/i);
    expect(h.attempts).toHaveLength(2);
    expect(h.sleeps).toEqual([600]);
  });

  it('maxRetries: 0 on the client, and a per-call override, are honoured', async () => {
    const off = createHarness({ retry: { maxRetries: 0 } });
    answerInTurn(server, 'get', GET_URL, [
      batchError(503, 'ServerBusy'),
      batchError(503, 'ServerBusy'),
    ]);
    await rejectionOf(off.client.certificate.get('sha1', THUMBPRINT));
    expect(off.attempts).toHaveLength(1);
    await rejectionOf(off.client.certificate.get('sha1', THUMBPRINT, { retry: { maxRetries: 1 } }));
    expect(off.attempts).toHaveLength(3);
    expect(off.sleeps).toEqual([600]);
  });
});

describe('what the suite printed', () => {
  it('leaked no secret in any error, warning or console line', () => {
    expect(journal.texts.length).toBeGreaterThan(50);
    expect(journal.authorizations.length).toBeGreaterThan(30);
    expect(findSecrets(journal.texts, dynamicSecrets())).toEqual([]);
  });
});
