/** Edge cases found in review: each pins a behaviour a production caller relies on. */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { BatchClient } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_KEY, ACCOUNT_URL, testClient } from '../../support/test-client.js';

const { server, requests } = useMswServer();

async function drain(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('paging is bounded by what the service says', () => {
  it('stops with an error when the service hands out the same next link twice', async () => {
    const link = `${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0&$skiptoken=same`;
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, () =>
        HttpResponse.json({ value: [{ thumbprint: 'a' }], 'odata.nextLink': link }),
      ),
    );
    await expect(drain(testClient().certificate.list())).rejects.toThrow(
      'paging stopped: the service returned a next-page link it had already returned',
    );
    expect(requests).toHaveLength(2); // the first page, then the link — which names itself again
  });

  it('a link that only shares a prefix with the account path is outside the account', async () => {
    const base = `${ACCOUNT_URL}/batch`;
    const client = new BatchClient(base, testClient.credential(), { onWarning: () => {} });
    server.use(
      http.get(`${base}/certificates`, () =>
        HttpResponse.json({ value: [], 'odata.nextLink': `${ACCOUNT_URL}/batchevil/certificates` }),
      ),
    );
    await expect(drain(client.certificate.list())).rejects.toThrow(/outside the account URL/);
    expect(requests).toHaveLength(1);
  });
});

describe('credentials', () => {
  it("refuses @azure/batch's BatchSharedKeyCredentials (a look-alike with another signRequest)", async () => {
    const { BatchSharedKeyCredentials } = await import('@azure/batch');
    const legacy = new BatchSharedKeyCredentials('myaccount', ACCOUNT_KEY);
    expect(() => new BatchClient(ACCOUNT_URL, legacy as never)).toThrow(
      'credential must be a BatchSharedKeyCredential, an AzureNamedKeyCredential ({ name, key }) or a TokenCredential (an object with getToken(scopes, options))',
    );
  });
});

describe('client options', () => {
  it('every bad option is one BatchValidationError naming each field', () => {
    expect(() =>
      testClient({
        deprecationWarnings: 'loud' as never,
        timeoutInMs: -1,
        userAgentPrefix: 'app\r\nX-Evil: 1',
        retry: { maxRetries: 1.5 },
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'BatchValidationError',
        issues: [
          {
            path: 'options.deprecationWarnings',
            rule: 'enum',
            message: 'must be one of "once", "always", "off", "error"',
          },
          {
            path: 'options.timeoutInMs',
            rule: 'range',
            message: 'must be a positive number of milliseconds (Infinity for no limit)',
          },
          {
            path: 'options.userAgentPrefix',
            rule: 'headerValue',
            message:
              'must not contain CR, LF, NUL, other control characters or characters above U+00FF',
          },
          {
            path: 'options.retry',
            rule: 'retryOptions',
            message: "retry option 'maxRetries' must be a non-negative integer, got 1.5",
          },
        ],
      }),
    );
  });

  it('timeoutInMs has one rule as a client option and as a call option', async () => {
    const rule = {
      path: 'options.timeoutInMs',
      rule: 'range',
      message: 'must be a positive number of milliseconds (Infinity for no limit)',
    };
    for (const bad of [0, -1, Number.NaN, '5000', null]) {
      expect(() => testClient({ timeoutInMs: bad as never })).toThrow(
        expect.objectContaining({ issues: [rule] }),
      );
      await expect(
        testClient().certificate.get('sha1', 'ab', { timeoutInMs: bad as never }),
      ).rejects.toMatchObject({ issues: [rule] });
    }
    expect(requests).toHaveLength(0);
    server.use(http.get(/certificates/, () => HttpResponse.json({ thumbprint: 'ab' })));
    for (const good of [1, Number.POSITIVE_INFINITY]) {
      await expect(
        testClient({ timeoutInMs: good }).certificate.get('sha1', 'ab', { timeoutInMs: good }),
      ).resolves.toMatchObject({ thumbprint: 'ab' });
    }
  });
});
