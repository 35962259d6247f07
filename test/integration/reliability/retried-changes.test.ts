/**
 * Safe retry of the other state-changing operations (issue 18, item 1): a delete and a
 * cancelDeletion whose first attempt may have taken effect (its answer was lost to a reset, or it
 * was answered 500/502/504) meet, on the client's own retry, the answer that attempt caused —
 * `409 CertificateBeingDeleted` or `404 CertificateNotFound` for a delete, `409
 * CertificateStateActive` for a cancel. The client reads the certificate back and resolves only
 * when it is in the state the caller asked for (gone or deleting; active). The same answers on a
 * first attempt stay errors. The add is covered by lost-add.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { isBatchServiceError } from '../../../src/index.js';
import {
  createHarness,
  dynamicSecrets,
  journal,
  rejectionOf,
  useFaultServer,
} from './support/harness.js';
import { findSecrets, GET_URL, THUMBPRINT } from './support/secrets.js';

const { server } = useFaultServer();

const CANCEL_URL = `${GET_URL}/canceldelete`;

const fault = (status: number, code: string) =>
  HttpResponse.json({ code, message: { lang: 'en-US', value: `${code} (test)` } }, { status });

type State = 'active' | 'deleting' | 'deletefailed' | 'gone';

/**
 * A service whose first answer to `method url` is `first` (`'reset'`: the connection breaks after
 * the service acted), whose later answers are `later`, and whose certificate is then in `state`.
 * Counts requests by kind.
 */
function service(options: {
  method: 'delete' | 'post';
  url: string;
  first: 'reset' | [number, string];
  later: [number, string];
  state: State | 'unreadable';
}) {
  const counts = { change: 0, get: 0 };
  server.use(
    http[options.method](options.url, () => {
      counts.change++;
      if (counts.change > 1) return fault(...options.later);
      return options.first === 'reset' ? HttpResponse.error() : fault(...options.first);
    }),
    http.get(GET_URL, () => {
      counts.get++;
      if (options.state === 'unreadable') return fault(500, 'InternalError');
      if (options.state === 'gone') return fault(404, 'CertificateNotFound');
      return HttpResponse.json(
        { thumbprint: THUMBPRINT, thumbprintAlgorithm: 'sha1', state: options.state },
        { headers: { 'request-id': 'bbbbbbbb-0000-4000-8000-000000000001' } },
      );
    }),
  );
  return counts;
}

const deleting = (
  first: 'reset' | [number, string],
  later: [number, string],
  state: State | 'unreadable',
) => service({ method: 'delete', url: GET_URL, first, later, state });
const cancelling = (
  first: 'reset' | [number, string],
  later: [number, string],
  state: State | 'unreadable',
) => service({ method: 'post', url: CANCEL_URL, first, later, state });

describe('certificate.delete after an attempt that may have taken effect', () => {
  it.each([
    ['a reset', 'reset'],
    ['500 OperationTimedOut', [500, 'OperationTimedOut']],
    ['502 BadGateway', [502, 'BadGateway']],
    ['504 GatewayTimeout', [504, 'GatewayTimeout']],
  ] as const)('after %s, 409 CertificateBeingDeleted and a certificate read back deleting: resolves, flagged', async (_label, first) => {
    const h = createHarness();
    const counts = deleting(first as never, [409, 'CertificateBeingDeleted'], 'deleting');
    const result = await h.client.certificate.delete('sha1', THUMBPRINT);
    expect(result).toEqual({
      recoveredFromConflict: true,
      requestId: 'bbbbbbbb-0000-4000-8000-000000000001',
    });
    expect(counts).toEqual({ change: 2, get: 1 });
  });

  it('after a reset, 404 CertificateNotFound and a certificate read back gone: resolves, flagged', async () => {
    const h = createHarness();
    const counts = deleting('reset', [404, 'CertificateNotFound'], 'gone');
    const result = await h.client.certificate.delete('sha1', THUMBPRINT);
    expect(result).toMatchObject({ recoveredFromNotFound: true });
    expect(result).not.toHaveProperty('recoveredFromConflict');
    expect(counts).toEqual({ change: 2, get: 1 });
  });

  it('after a reset, 409 and a certificate read back gone (the deletion finished meanwhile): resolves', async () => {
    const h = createHarness();
    deleting('reset', [409, 'CertificateBeingDeleted'], 'gone');
    await expect(h.client.certificate.delete('sha1', THUMBPRINT)).resolves.toMatchObject({
      recoveredFromConflict: true,
    });
  });

  it.each([
    ['still active', 'active'],
    ['in deletefailed', 'deletefailed'],
    ['unreadable (500 on every read)', 'unreadable'],
  ] as const)('a certificate read back %s: the 409 surfaces', async (_label, state) => {
    const h = createHarness({ retry: { maxRetries: 1 } });
    const counts = deleting('reset', [409, 'CertificateBeingDeleted'], state);
    const error = await rejectionOf(h.client.certificate.delete('sha1', THUMBPRINT));
    expect(isBatchServiceError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateBeingDeleted' });
    expect(counts.change).toBe(2);
    expect(counts.get).toBeGreaterThan(0);
  });

  it.each([
    [409, 'CertificateBeingDeleted'],
    [404, 'CertificateNotFound'],
  ] as const)('%i %s on the first attempt is an error, and nothing is read back', async (status, code) => {
    const h = createHarness();
    const counts = deleting([status, code], [status, code], 'deleting');
    const error = await rejectionOf(h.client.certificate.delete('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: status, code });
    expect(counts).toEqual({ change: 1, get: 0 });
  });

  it.each([
    [503, 'ServerBusy'],
    [429, 'TooManyRequests'],
  ] as const)('a 404 after a %i %s (refused before processing) is an error, nothing read back', async (status, code) => {
    const h = createHarness();
    const counts = deleting([status, code], [404, 'CertificateNotFound'], 'gone');
    const error = await rejectionOf(h.client.certificate.delete('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: 404, code: 'CertificateNotFound' });
    expect(counts).toEqual({ change: 2, get: 0 });
  });

  it('reconcileLostAdds: false switches it off for deletes too', async () => {
    const h = createHarness({ reconcileLostAdds: false });
    const counts = deleting('reset', [409, 'CertificateBeingDeleted'], 'deleting');
    const error = await rejectionOf(h.client.certificate.delete('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: 409 });
    expect(counts).toEqual({ change: 2, get: 0 });
  });
});

describe('certificate.cancelDeletion after an attempt that may have taken effect', () => {
  it('after a reset, 409 CertificateStateActive and a certificate read back active: resolves, flagged', async () => {
    const h = createHarness();
    const counts = cancelling('reset', [409, 'CertificateStateActive'], 'active');
    await expect(h.client.certificate.cancelDeletion('sha1', THUMBPRINT)).resolves.toMatchObject({
      recoveredFromConflict: true,
    });
    expect(counts).toEqual({ change: 2, get: 1 });
  });

  it.each([
    ['being deleted again', 'deleting'],
    ['still in deletefailed', 'deletefailed'],
  ] as const)('a certificate read back %s: the 409 surfaces', async (_label, state) => {
    const h = createHarness();
    cancelling('reset', [409, 'CertificateStateActive'], state);
    const error = await rejectionOf(h.client.certificate.cancelDeletion('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateStateActive' });
  });

  it('a 404 on the retry is not what a cancel asks for: an error, nothing read back', async () => {
    const h = createHarness();
    const counts = cancelling('reset', [404, 'CertificateNotFound'], 'gone');
    const error = await rejectionOf(h.client.certificate.cancelDeletion('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: 404 });
    expect(counts).toEqual({ change: 2, get: 0 });
  });

  it('409 on the first attempt is an error, and nothing is read back', async () => {
    const h = createHarness();
    const counts = cancelling(
      [409, 'CertificateStateActive'],
      [409, 'CertificateStateActive'],
      'active',
    );
    const error = await rejectionOf(h.client.certificate.cancelDeletion('sha1', THUMBPRINT));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateStateActive' });
    expect(counts).toEqual({ change: 1, get: 0 });
  });
});

describe('what the suite printed', () => {
  it('leaked no secret in any error, warning or console line', () => {
    expect(journal.texts.length).toBeGreaterThan(10);
    expect(findSecrets(journal.texts, dynamicSecrets())).toEqual([]);
  });
});
