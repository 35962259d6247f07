/**
 * What Azure SDK users bring (issue 20): an `AzureNamedKeyCredential` from `@azure/core-auth` beside
 * our own `BatchSharedKeyCredential`, its key rotated with `update()` for the next request; and
 * `onResponse` in the call options, giving the raw answer (status, headers, body text) of every
 * answer a call gets — a success, a service error, every page of a list, a read-back. Signatures
 * are checked with the independent reference implementation.
 */
import { AzureNamedKeyCredential } from '@azure/core-auth';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { BatchClient, type BatchRawResponse, isBatchServiceError } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import {
  referenceAuthorization,
  referenceRequestFromArrived,
} from '../../support/reference-shared-key.js';
import {
  ACCOUNT,
  ACCOUNT_KEY,
  ACCOUNT_URL,
  FROZEN_NOW,
  testClient,
  validCertificate,
} from '../../support/test-client.js';

const { server, requests } = useMswServer();
const GET = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`;
const LIST = `${ACCOUNT_URL}/certificates`;
/** Another made-up key (base64 of "fedcba9876543210fedcba9876543210"). */
const ROTATED_KEY = 'ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=';

const certificateJson = {
  thumbprint: 'ab',
  state: 'active',
  stateTransitionTime: '2024-07-01T00:00:00.0000000Z',
};

function namedKeyClient(credential: AzureNamedKeyCredential) {
  return new BatchClient(ACCOUNT_URL, credential, {
    now: () => FROZEN_NOW,
    deprecationWarnings: 'off',
    sleep: async () => {},
  });
}

describe('AzureNamedKeyCredential', () => {
  it('signs like BatchSharedKeyCredential: the account name and key it holds', async () => {
    server.use(http.get(GET, () => HttpResponse.json(certificateJson)));
    await namedKeyClient(new AzureNamedKeyCredential(ACCOUNT, ACCOUNT_KEY)).certificate.get(
      'sha1',
      'ab',
    );
    const arrived = await referenceRequestFromArrived(requests[0]!);
    expect(requests[0]!.headers.get('authorization')).toBe(
      referenceAuthorization(arrived, ACCOUNT, ACCOUNT_KEY),
    );
  });

  it('update() rotates the key: the next request is signed with the new one', async () => {
    server.use(http.get(GET, () => HttpResponse.json(certificateJson)));
    const credential = new AzureNamedKeyCredential(ACCOUNT, ACCOUNT_KEY);
    const client = namedKeyClient(credential);
    await client.certificate.get('sha1', 'ab');
    credential.update(ACCOUNT, ROTATED_KEY);
    await client.certificate.get('sha1', 'ab');
    const [before, after] = await Promise.all(requests.map(referenceRequestFromArrived));
    expect(requests[0]!.headers.get('authorization')).toBe(
      referenceAuthorization(before!, ACCOUNT, ACCOUNT_KEY),
    );
    expect(requests[1]!.headers.get('authorization')).toBe(
      referenceAuthorization(after!, ACCOUNT, ROTATED_KEY),
    );
  });

  it('a name or key that breaks the rules fails when the client is made, neither shown', () => {
    expect(() => namedKeyClient(new AzureNamedKeyCredential(ACCOUNT, 'not-base64 secret'))).toThrow(
      new TypeError(
        'AzureNamedKeyCredential: key must be a non-empty, padded base64 string (the key is not shown).',
      ),
    );
    expect(() => namedKeyClient(new AzureNamedKeyCredential(ACCOUNT_KEY, ACCOUNT_KEY))).toThrow(
      new TypeError(
        'AzureNamedKeyCredential: name must be a Batch account name, 1 to 24 letters and digits (the value is not shown).',
      ),
    );
  });
});

describe('onResponse', () => {
  function recorder() {
    const seen: { raw: BatchRawResponse; error?: unknown }[] = [];
    return {
      seen,
      onResponse: (raw: BatchRawResponse, error?: unknown) => seen.push({ raw, error }),
    };
  }

  it('a success: status, headers, the body text and the parsed result', async () => {
    server.use(
      http.get(GET, () =>
        HttpResponse.json(certificateJson, { headers: { 'x-ms-extra': 'seen' } }),
      ),
    );
    const { seen, onResponse } = recorder();
    const result = await testClient().certificate.get('sha1', 'ab', { onResponse });
    expect(seen).toHaveLength(1);
    const { raw, error } = seen[0]!;
    expect(error).toBeUndefined();
    expect(raw.status).toBe(200);
    expect(raw.headers.get('x-ms-extra')).toBe('seen');
    expect(JSON.parse(raw.bodyAsText!)).toEqual(certificateJson);
    expect(raw.parsedBody).toBe(result);
    expect(raw.request.method).toBe('GET');
    expect(raw.request.url).toBe(`${GET}?api-version=2024-07-01.20.0`);
    expect(raw.request.headers.get('authorization')).toBeNull();
  });

  it('a service error: the raw answer and the error the call then rejects with', async () => {
    server.use(
      http.get(GET, () =>
        HttpResponse.json(
          { code: 'CertificateNotFound', message: { lang: 'en-US', value: 'gone' } },
          { status: 404 },
        ),
      ),
    );
    const { seen, onResponse } = recorder();
    const rejection = await testClient()
      .certificate.get('sha1', 'ab', { onResponse })
      .catch((e: unknown) => e);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.raw.status).toBe(404);
    expect(seen[0]!.raw.bodyAsText).toContain('CertificateNotFound');
    expect(seen[0]!.raw.parsedBody).toBeUndefined();
    expect(isBatchServiceError(seen[0]!.error)).toBe(true);
    expect(seen[0]!.error).toBe(rejection);
  });

  it('every page of a list', async () => {
    server.use(
      http.get(LIST, ({ request }) =>
        new URL(request.url).searchParams.has('page')
          ? HttpResponse.json({ value: [{ thumbprint: 'b' }] })
          : HttpResponse.json({ value: [{ thumbprint: 'a' }], 'odata.nextLink': `${LIST}?page=2` }),
      ),
    );
    const { seen, onResponse } = recorder();
    for await (const _ of testClient().certificate.list({ onResponse }));
    expect(seen.map((s) => JSON.parse(s.raw.bodyAsText!).value[0].thumbprint)).toEqual(['a', 'b']);
  });

  it('an operation without a result body, and the read-back of a recovered add', async () => {
    let posts = 0;
    server.use(
      http.post(LIST, () =>
        posts++ === 0
          ? HttpResponse.json({ code: 'OperationTimedOut' }, { status: 500 })
          : HttpResponse.json({ code: 'CertificateExists' }, { status: 409 }),
      ),
      http.get(`${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=:thumbprint)`, () =>
        HttpResponse.json({ ...validCertificate(), state: 'active' }),
      ),
    );
    const { seen, onResponse } = recorder();
    const result = await testClient().certificate.add(validCertificate(), { onResponse });
    expect(result).toMatchObject({ recoveredFromConflict: true });
    // The retried attempts are not answers of the call; the final 409 and the read-back are.
    expect(seen.map((s) => [s.raw.request.method, s.raw.status])).toEqual([
      ['POST', 409],
      ['GET', 200],
    ]);
  });

  it('is refused when it is not a function', () => {
    return expect(
      testClient().certificate.get('sha1', 'ab', { onResponse: 'log' as never }),
    ).rejects.toMatchObject({
      issues: [
        {
          path: 'options.onResponse',
          rule: 'type',
          message: 'must be a function (rawResponse, error?) => void',
        },
      ],
    });
  });
});

describe("Azure's requestOptions", () => {
  it('is refused with what to use instead, not ignored', async () => {
    const error = await testClient()
      .certificate.get('sha1', 'ab', { requestOptions: { timeout: 5 } } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      issues: [
        {
          path: 'options.requestOptions',
          rule: 'unknownOption',
          message:
            "is Azure's request-options bag, which this client does not take: use timeoutInMs for its timeout, and a policy (BatchClientOptions.additionalPolicies) for custom headers",
        },
      ],
    });
    expect(requests).toHaveLength(0);
  });
});
