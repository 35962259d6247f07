/**
 * `additionalPolicies`: user policies in the two positions Azure SDK users know. perCall runs once
 * per request, outside the retry loop; perRetry runs on every attempt, on a fresh copy, before the
 * request is signed (so an `ocp-*` header it sets is covered by the Shared Key signature, checked
 * here with an independent implementation). A policy that throws fails the call with its own error.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import {
  type AdditionalPolicy,
  BatchClient,
  type BatchValidationError,
  isBatchValidationError,
  type PipelinePolicy,
  type PipelineRequest,
} from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import {
  referenceAuthorization,
  referenceRequestFromArrived,
} from '../../support/reference-shared-key.js';
import {
  ACCOUNT,
  ACCOUNT_KEY,
  ACCOUNT_URL,
  testClient,
  validCertificate,
} from '../../support/test-client.js';

const { server, requests } = useMswServer();
const ADD = `${ACCOUNT_URL}/certificates`;

/** A policy that records what it saw and calls `change` before passing the request on. */
function recorder(name: string, change?: (request: PipelineRequest) => void) {
  const seen: { operation: string; headers: Record<string, string>; body?: string }[] = [];
  const policy: PipelinePolicy = {
    name,
    sendRequest(request, next) {
      seen.push({
        operation: request.operation,
        headers: Object.fromEntries(request.headers),
        body: request.body,
      });
      change?.(request);
      return next(request);
    },
  };
  return { policy, seen };
}

function answers(...statuses: number[]) {
  let i = 0;
  server.use(http.post(ADD, () => new HttpResponse(null, { status: statuses[i++] ?? 201 })));
}

describe('perRetry policies', () => {
  it('run on every attempt, on a fresh copy, and what they set is signed', async () => {
    const tag = recorder('tag', (r) => r.headers.append('ocp-tag', 'x'));
    answers(503, 201);
    const client = testClient({
      additionalPolicies: [{ policy: tag.policy, position: 'perRetry' }],
    });
    await client.certificate.add(validCertificate());
    expect(tag.seen).toHaveLength(2);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      // one value per attempt: copies do not pile up
      expect(request.headers.get('ocp-tag')).toBe('x');
      const arrived = await referenceRequestFromArrived(request);
      expect(request.headers.get('authorization')).toBe(
        referenceAuthorization(arrived, ACCOUNT, ACCOUNT_KEY),
      );
    }
  });

  it('see the serialized request before it is signed: no authorization, the JSON body, the operation', async () => {
    const spy = recorder('spy');
    answers(201);
    await testClient({
      additionalPolicies: [{ policy: spy.policy, position: 'perRetry' }],
    }).certificate.add(validCertificate());
    const [seen] = spy.seen;
    expect(seen!.operation).toBe('certificate.add');
    expect(seen!.headers.authorization).toBeUndefined();
    expect(seen!.headers['client-request-id']).toBe('9c4d50ee-2d56-4cd3-8152-34347dc9f2b0');
    expect(seen!.headers['content-type']).toBe('application/json; odata=minimalmetadata');
    expect(JSON.parse(seen!.body!)).toEqual(validCertificate());
  });

  it('an ocp-date set by a policy is kept and signed (the signer stamps one only when absent)', async () => {
    const date = 'Tue, 02 Jul 2024 03:04:05 GMT';
    const dated = recorder('dated', (r) => r.headers.set('ocp-date', date));
    answers(201);
    await testClient({
      additionalPolicies: [{ policy: dated.policy, position: 'perRetry' }],
    }).certificate.add(validCertificate());
    expect(requests[0]!.headers.get('ocp-date')).toBe(date);
    const arrived = await referenceRequestFromArrived(requests[0]!);
    expect(requests[0]!.headers.get('authorization')).toBe(
      referenceAuthorization(arrived, ACCOUNT, ACCOUNT_KEY),
    );
  });
});

describe('perCall policies', () => {
  it('run once per request, outside the retry loop, in the order given', async () => {
    const order: string[] = [];
    const named = (name: string): AdditionalPolicy => ({
      position: 'perCall',
      policy: {
        name,
        sendRequest: (request, next) => {
          order.push(name);
          return next(request);
        },
      },
    });
    answers(503, 503, 201);
    await testClient({ additionalPolicies: [named('first'), named('second')] }).certificate.add(
      validCertificate(),
    );
    expect(requests).toHaveLength(3);
    expect(order).toEqual(['first', 'second']);
  });

  it('run once per page of a list', async () => {
    const pages = recorder('pages');
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, ({ request }) =>
        new URL(request.url).searchParams.has('$skiptoken')
          ? HttpResponse.json({ value: [{ thumbprint: 'b' }] })
          : HttpResponse.json({
              value: [{ thumbprint: 'a' }],
              'odata.nextLink': `${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0&$skiptoken=a`,
            }),
      ),
    );
    const client = testClient({
      additionalPolicies: [{ policy: pages.policy, position: 'perCall' }],
    });
    const thumbprints: string[] = [];
    for await (const c of client.certificate.list()) thumbprints.push(c.thumbprint!);
    expect(thumbprints).toEqual(['a', 'b']);
    expect(pages.seen.map((s) => s.operation)).toEqual(['certificate.list', 'certificate.list']);
  });

  it('may answer on their own: nothing is sent', async () => {
    const cached: PipelinePolicy = {
      name: 'cache',
      sendRequest: async () =>
        new Response(JSON.stringify({ thumbprint: 'ab', state: 'active' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    };
    const client = testClient({ additionalPolicies: [{ policy: cached, position: 'perCall' }] });
    await expect(client.certificate.get('sha1', 'ab')).resolves.toEqual({
      thumbprint: 'ab',
      state: 'active',
    });
    expect(requests).toHaveLength(0);
  });

  it('see error answers as responses (the BatchServiceError is made outside them)', async () => {
    const statuses: number[] = [];
    const observe: PipelinePolicy = {
      name: 'observe',
      async sendRequest(request, next) {
        const response = await next(request);
        statuses.push(response.status);
        return response;
      },
    };
    server.use(
      http.post(ADD, () => HttpResponse.json({ code: 'CertificateExists' }, { status: 409 })),
    );
    const client = testClient({ additionalPolicies: [{ policy: observe, position: 'perCall' }] });
    await expect(client.certificate.add(validCertificate())).rejects.toMatchObject({
      name: 'BatchServiceError',
      code: 'CertificateExists',
    });
    expect(statuses).toEqual([409]);
  });
});

describe('a policy that throws', () => {
  it.each([
    'perCall',
    'perRetry',
  ] as const)('in %s position fails the call with its own error, unwrapped, and nothing is sent or retried', async (position) => {
    const own = new Error('policy says no');
    let calls = 0;
    const refuse: PipelinePolicy = {
      name: 'refuse',
      sendRequest: () => {
        calls++;
        throw own;
      },
    };
    answers(201);
    const error = await testClient({ additionalPolicies: [{ policy: refuse, position }] })
      .certificate.add(validCertificate())
      .catch((e: unknown) => e);
    expect(error).toBe(own);
    expect(calls).toBe(1);
    expect(requests).toHaveLength(0);
  });
});

describe('what a policy can see and do with answers', () => {
  it.each([
    'perCall',
    'perRetry',
  ] as const)('in %s position never sees the signature or a bearer token, even after next() returns', async (position) => {
    const after: (string | null)[] = [];
    const look: PipelinePolicy = {
      name: 'look',
      async sendRequest(request, next) {
        const response = await next(request);
        after.push(request.headers.get('authorization'));
        return response;
      },
    };
    answers(201);
    await testClient({ additionalPolicies: [{ policy: look, position }] }).certificate.add(
      validCertificate(),
    );
    const token = {
      getToken: async () => ({
        token: 'eyJ.secret-token.x',
        expiresOnTimestamp: Date.now() + 3600_000,
      }),
    };
    answers(201);
    await new BatchClient(ACCOUNT_URL, token, {
      onWarning: () => {},
      additionalPolicies: [{ policy: look, position }],
    }).certificate.add(validCertificate());
    expect(after).toEqual([null, null]);
    expect(requests.map((r) => r.headers.get('authorization')?.split(' ')[0])).toEqual([
      'SharedKey',
      'Bearer',
    ]);
  });

  it('a perCall policy may read the body of the answer it passes on (the client still gets it)', async () => {
    const bodies: string[] = [];
    const read: PipelinePolicy = {
      name: 'read',
      async sendRequest(request, next) {
        const response = await next(request);
        bodies.push(await response.text());
        return response;
      },
    };
    server.use(
      http.get(`${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`, () =>
        HttpResponse.json({ thumbprint: 'ab' }),
      ),
    );
    const client = testClient({ additionalPolicies: [{ policy: read, position: 'perCall' }] });
    await expect(client.certificate.get('sha1', 'ab')).resolves.toEqual({ thumbprint: 'ab' });
    expect(bodies).toEqual(['{"thumbprint":"ab"}']);
  });

  it('a perRetry policy may read the body of the answer it passes on: answers are read once and carried as text', async () => {
    const bodies: string[] = [];
    const read: PipelinePolicy = {
      name: 'read',
      async sendRequest(request, next) {
        const response = await next(request);
        bodies.push(await response.text());
        return response;
      },
    };
    server.use(
      http.get(`${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`, () =>
        HttpResponse.json({ thumbprint: 'ab' }),
      ),
    );
    const client = testClient({ additionalPolicies: [{ policy: read, position: 'perRetry' }] });
    await expect(client.certificate.get('sha1', 'ab')).resolves.toEqual({ thumbprint: 'ab' });
    expect(bodies).toEqual(['{"thumbprint":"ab"}']);
    expect(requests).toHaveLength(1);
  });

  it.each([
    'perCall',
    'perRetry',
  ] as const)('a %s policy that answers with its own Response whose body it read gets an error saying what to do, not a network error', async (position) => {
    const own: PipelinePolicy = {
      name: 'own',
      async sendRequest() {
        const response = new Response('{"thumbprint":"ab"}', { status: 200 });
        await response.text();
        return response;
      },
    };
    const error = await testClient({ additionalPolicies: [{ policy: own, position }] })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      `a ${position} policy gave a 200 answer whose body was already read; read a clone (response.clone()) instead.`,
    );
    expect(requests).toHaveLength(0);
  });

  it('a perRetry policy sees what fetch threw, as fetch threw it, and the attempt is retried', async () => {
    const seen: unknown[] = [];
    const watch: PipelinePolicy = {
      name: 'watch',
      async sendRequest(request, next) {
        try {
          return await next(request);
        } catch (error) {
          seen.push(error);
          throw error;
        }
      },
    };
    let calls = 0;
    const failing: typeof fetch = async (input, init) => {
      if (++calls === 1) throw new TypeError('fetch failed');
      return globalThis.fetch(input, init);
    };
    answers(201);
    await testClient({
      fetch: failing,
      additionalPolicies: [{ policy: watch, position: 'perRetry' }],
    }).certificate.add(validCertificate());
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).message).toBe('fetch failed');
    expect(requests).toHaveLength(1);
  });
});

describe('additionalPolicies is checked like every option', () => {
  it.each([
    [
      'a position that does not exist',
      [{ policy: { name: 'p', sendRequest: () => undefined }, position: 'perAttempt' }],
      [
        {
          path: 'options.additionalPolicies[0].position',
          rule: 'enum',
          message: 'must be "perCall" or "perRetry"',
        },
      ],
    ],
    [
      'a policy without a name or sendRequest',
      [{ policy: {}, position: 'perCall' }],
      [
        {
          path: 'options.additionalPolicies[0].policy.name',
          rule: 'type',
          message: 'must be a non-empty string',
        },
        {
          path: 'options.additionalPolicies[0].policy.sendRequest',
          rule: 'type',
          message: 'must be a function (request, next) => Promise<Response>',
        },
      ],
    ],
    [
      'not an array',
      { policy: {} },
      [{ path: 'options.additionalPolicies', rule: 'type', message: 'must be an array' }],
    ],
  ])('%s is a BatchValidationError naming it', (_label, additionalPolicies, issues) => {
    let error: unknown;
    try {
      testClient({ additionalPolicies: additionalPolicies as never });
    } catch (e) {
      error = e;
    }
    expect(isBatchValidationError(error)).toBe(true);
    expect((error as BatchValidationError).issues).toEqual(issues);
  });

  it('an unknown client option is reported, never ignored', () => {
    expect(() => testClient({ aditionalPolicies: [] } as never)).toThrow(
      /options\.aditionalPolicies: is not a BatchClientOptions member/,
    );
  });
});
