import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import {
  BatchAbortError,
  BatchNetworkError,
  BatchTimeoutError,
} from '../../../src/errors/index.js';

const request = { method: 'get', url: 'https://a.b/certificates?api-version=1&$filter=x' };

describe('BatchTimeoutError', () => {
  it('says which limit was hit and keeps cause', () => {
    const cause = new DOMException('The operation timed out.', 'TimeoutError');
    const err = new BatchTimeoutError({
      timeoutInMs: 30000,
      attempts: 3,
      operation: 'listCertificates',
      request,
      cause,
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('BatchTimeoutError');
    expect(err.message).toBe(
      "Operation 'listCertificates' timed out: no response within 30000 ms (per-attempt timeoutInMs) after 3 attempts.",
    );
    expect(err.timeoutInMs).toBe(30000);
    expect(err.attempts).toBe(3);
    expect(err.cause).toBe(cause);
    expect(err.request).toEqual({
      method: 'GET',
      url: 'https://a.b/certificates?api-version=1&$filter=REDACTED',
    });
  });

  it('reads well with nothing but the limit', () => {
    const err = new BatchTimeoutError({ timeoutInMs: 500, attempts: 1 });
    expect(err.message).toBe(
      'The request timed out: no response within 500 ms (per-attempt timeoutInMs) after 1 attempt.',
    );
    expect('cause' in err).toBe(false);
    expect(new BatchTimeoutError({ timeoutInMs: 5 }).message).toBe(
      'The request timed out: no response within 5 ms (per-attempt timeoutInMs).',
    );
  });
});

describe('BatchAbortError', () => {
  it("is named AbortError and keeps the signal's reason as cause", () => {
    const controller = new AbortController();
    controller.abort(new Error('user pressed cancel'));
    const err = new BatchAbortError({
      operation: 'getCertificate',
      cause: controller.signal.reason,
    });
    expect(err.name).toBe('AbortError');
    expect(err.message).toBe(
      "Operation 'getCertificate' was aborted by the caller's abort signal.",
    );
    expect(err.cause).toBe(controller.signal.reason);
    expect(new BatchAbortError().message).toBe(
      "The request was aborted by the caller's abort signal.",
    );
  });

  it('prints only a summary of a non-error reason', () => {
    const err = new BatchAbortError({ cause: 'user pressed cancel', attempts: 2 });
    expect(err.cause).toBe('user pressed cancel');
    const printed = inspect(err);
    expect(printed).toContain("cause: 'string'");
    expect(printed).toContain('attempts: 2');
    expect(printed).not.toContain('pressed');
  });
});

describe('BatchNetworkError', () => {
  it('reports the system error code found under a fetch failure', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
      code: 'ECONNREFUSED',
    });
    const cause = new TypeError('fetch failed', { cause: socket });
    const err = new BatchNetworkError({ operation: 'addCertificate', attempts: 4, cause, request });
    expect(err.name).toBe('BatchNetworkError');
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.cause).toBe(cause);
    expect(err.message).toBe(
      "Operation 'addCertificate' failed with a network error (ECONNREFUSED) after 4 attempts: no response was received from the Batch service.",
    );
    const printed = inspect(err);
    expect(printed).toContain("cause: 'TypeError (ECONNREFUSED)'");
    expect(printed).not.toContain('10.0.0.1');
  });

  it('has no code when the cause carries none', () => {
    const err = new BatchNetworkError({ cause: new TypeError('fetch failed') });
    expect(err.code).toBeUndefined();
    expect(err.message).toBe(
      'The request failed with a network error: no response was received from the Batch service.',
    );
    expect(
      new BatchNetworkError({ cause: Object.assign(new Error('x'), { code: 'not a code' }) }).code,
    ).toBeUndefined();
  });

  it('serialises only safe properties', () => {
    const err = new BatchNetworkError({ attempts: 1, cause: new TypeError('fetch failed') });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: 'BatchNetworkError',
      message: err.message,
      attempts: 1,
      cause: 'TypeError',
    });
  });
});
