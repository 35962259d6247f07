/**
 * Safe retry of Certificate Add (a POST): when an attempt may have taken effect (its answer was
 * lost to a reset or a timeout, or it was answered 500/502/504, which may come after the service
 * acted) and the client's own retry answers 409 CertificateExists, the client reads the
 * certificate back and resolves only when it is the one it sent.
 */
import { describe, expect, it } from '@jest/globals';
import { delay, HttpResponse, http } from 'msw';
import { isBatchServiceError } from '../../../src/index.js';
import { expectFreshlySignedAttempts } from './support/expectations.js';
import {
  createHarness,
  dynamicSecrets,
  journal,
  rejectionOf,
  useFaultServer,
} from './support/harness.js';
import {
  ADD_URL,
  CERT_DATA,
  findSecrets,
  GET_URL,
  secretCertificate,
  THUMBPRINT,
} from './support/secrets.js';

const { server } = useFaultServer();

const exists = () =>
  HttpResponse.json(
    {
      code: 'CertificateExists',
      message: { lang: 'en-US', value: 'The specified certificate already exists.' },
    },
    { status: 409 },
  );

/**
 * A service that stores the first add it receives but loses that answer (`lost`), then answers
 * 409 to every later add, and serves `stored` (or 404) on get. Counts requests by method.
 */
function lostAddService(options: {
  lost: 'reset' | 'timeout' | 'none';
  stored?: (sent: Record<string, unknown>) => Record<string, unknown> | undefined;
}) {
  const counts = { post: 0, get: 0 };
  let sent: Record<string, unknown> | undefined;
  server.use(
    http.post(ADD_URL, async ({ request }) => {
      counts.post++;
      if (sent !== undefined) return exists();
      sent = (await request.json()) as Record<string, unknown>;
      if (options.lost === 'reset') return HttpResponse.error();
      if (options.lost === 'timeout') await delay(500);
      return new HttpResponse(null, { status: 201 });
    }),
    http.get(GET_URL, () => {
      counts.get++;
      const resource = sent && options.stored ? options.stored(sent) : undefined;
      return resource
        ? HttpResponse.json(resource)
        : HttpResponse.json({ code: 'CertificateNotFound' }, { status: 404 });
    }),
  );
  return counts;
}

const asStored = (sent: Record<string, unknown>) => ({
  thumbprint: sent.thumbprint,
  thumbprintAlgorithm: sent.thumbprintAlgorithm,
  state: 'active',
  publicData: 'AAAA',
});

describe('a lost 201 followed by 409 CertificateExists', () => {
  it.each([
    ['reset', {}],
    ['timeout', { timeoutInMs: 200 }],
  ] as const)('after a %s, the certificate read back matches: resolves, flagged', async (lost, o) => {
    const h = createHarness(o);
    const counts = lostAddService({ lost, stored: asStored });
    const result = await h.client.certificate.add(secretCertificate());
    expect(result).toEqual({ recoveredFromConflict: true });
    expect(counts).toEqual({ post: 2, get: 1 });
    const posts = h.attempts.filter((a) => a.method === 'POST');
    expectFreshlySignedAttempts(posts);
    // Both attempts sent the same body.
    expect(new Set(posts.map((a) => Buffer.from(a.body!).toString()))).toHaveProperty('size', 1);
    expect(h.sleeps).toEqual([600]);
  });

  it('a thumbprint written with spaces and upper case still matches', async () => {
    const h = createHarness();
    lostAddService({ lost: 'reset', stored: asStored });
    const spaced = THUMBPRINT.toUpperCase()
      .replace(/(.{8})/g, '$1 ')
      .trim();
    await expect(h.client.certificate.add(secretCertificate(spaced))).resolves.toEqual({
      recoveredFromConflict: true,
    });
  });

  it.each([
    ['is being deleted', (s: Record<string, unknown>) => ({ ...asStored(s), state: 'deleting' })],
    [
      'has a different thumbprint',
      (s: Record<string, unknown>) => ({ ...asStored(s), thumbprint: 'ab' }),
    ],
    ['is not found', () => undefined],
  ])('the certificate read back %s: the 409 surfaces', async (_label, stored) => {
    const h = createHarness();
    const counts = lostAddService({ lost: 'reset', stored });
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(isBatchServiceError(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateExists' });
    expect(counts).toEqual({ post: 2, get: 1 });
    expect(JSON.stringify(error)).not.toContain(CERT_DATA.slice(0, 20));
  });

  it('a 409 on the first attempt is always an error, and nothing is read back', async () => {
    const h = createHarness();
    server.use(
      http.post(ADD_URL, exists),
      http.get(GET_URL, () => {
        throw new Error('must not read back');
      }),
    );
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateExists' });
    expect(h.attempts).toHaveLength(1);
  });

  /** A service that stores the first add but answers it with `status`/`code`, then 409s. */
  function ambiguousAnswerService(status: number, code: string, stores: boolean) {
    const counts = { post: 0, get: 0 };
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.post(ADD_URL, async ({ request }) => {
        counts.post++;
        if (sent !== undefined) return exists();
        const body = (await request.json()) as Record<string, unknown>;
        if (stores) sent = body;
        else sent = {}; // refused: later adds still meet a 409 from someone else's certificate
        return HttpResponse.json(
          { code, message: { lang: 'en-US', value: `${code} (test)` } },
          { status },
        );
      }),
      http.get(GET_URL, () => {
        counts.get++;
        return sent?.thumbprint
          ? HttpResponse.json(asStored(sent))
          : HttpResponse.json({ code: 'CertificateNotFound' }, { status: 404 });
      }),
    );
    return counts;
  }

  it.each([
    // Batch documents that a request that timed out on the server may have been fully processed.
    [500, 'OperationTimedOut'],
    [500, 'InternalError'],
    [502, 'BadGateway'],
    [504, 'GatewayTimeout'],
  ])('after an ambiguous %i %s answer, the stored add is confirmed: resolves, flagged', async (status, code) => {
    const h = createHarness();
    const counts = ambiguousAnswerService(status, code, true);
    await expect(h.client.certificate.add(secretCertificate())).resolves.toEqual({
      recoveredFromConflict: true,
    });
    expect(counts).toEqual({ post: 2, get: 1 });
  });

  it('an abort during the read-back is an abort, not the 409', async () => {
    const h = createHarness();
    const controller = new AbortController();
    let stored = false;
    server.use(
      http.post(ADD_URL, () => {
        if (stored) return exists();
        stored = true;
        return HttpResponse.json({ code: 'OperationTimedOut' }, { status: 500 });
      }),
      http.get(GET_URL, () => {
        controller.abort(new Error('caller gave up'));
        return HttpResponse.json({ code: 'ServerBusy' }, { status: 503 });
      }),
    );
    const error = await rejectionOf(
      h.client.certificate.add(secretCertificate(), { abortSignal: controller.signal }),
    );
    expect(error.name).toBe('AbortError');
    expect((error.cause as Error).message).toBe('caller gave up');
  });

  it('after an ambiguous 500 the read-back still decides: a certificate not there keeps the 409', async () => {
    const h = createHarness();
    const counts = ambiguousAnswerService(500, 'OperationTimedOut', false);
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateExists' });
    expect(counts).toEqual({ post: 2, get: 1 });
  });

  it.each([
    [503, 'ServerBusy'],
    [429, 'TooManyRequests'],
    [408, 'RequestTimeout'],
  ])('a 409 after a %i %s (refused before processing) is an error, nothing read back', async (status, code) => {
    const h = createHarness();
    const counts = ambiguousAnswerService(status, code, false);
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateExists' });
    expect(counts).toEqual({ post: 2, get: 0 });
  });

  it('reconcileLostAdds: false switches it off: the 409 surfaces, nothing is read back', async () => {
    const h = createHarness({ reconcileLostAdds: false });
    const counts = lostAddService({ lost: 'reset', stored: asStored });
    const error = await rejectionOf(h.client.certificate.add(secretCertificate()));
    expect(error).toMatchObject({ statusCode: 409, code: 'CertificateExists' });
    expect(counts).toEqual({ post: 2, get: 0 });
  });
});

describe('what the suite printed', () => {
  it('leaked no secret in any error, warning or console line', () => {
    expect(journal.texts.length).toBeGreaterThan(25);
    expect(findSecrets(journal.texts, dynamicSecrets())).toEqual([]);
  });
});
