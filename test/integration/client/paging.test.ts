/**
 * Paging the Azure SDK way (issue 18, items 8 and 9): a next link that lacks `api-version` gets
 * the client's, its own query kept exactly as written (azure-sdk-for-js #11913); `byPage()` takes
 * `@azure/core-paging`'s settings — `maxPageSize` (sent as `maxresults` on every page) and
 * `continuationToken` (resume from a page's token) — and refuses anything else, so nothing a
 * caller passes is silently ignored.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { type BatchValidationError, isBatchValidationError } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient } from '../../support/test-client.js';

const { server, requests } = useMswServer();
const LIST = `${ACCOUNT_URL}/certificates`;
const API_VERSION = '2024-07-01.20.0';

/** Pages served by `$skiptoken`: `pages[0]` first, each linking to the next by `link(i)`. */
function pagedService(pages: string[][], link: (i: number) => string) {
  server.use(
    http.get(LIST, ({ request }) => {
      const token = new URL(request.url).searchParams.get('$skiptoken');
      const i = token === null ? 0 : Number(token);
      const next = i + 1 < pages.length ? { 'odata.nextLink': link(i + 1) } : {};
      return HttpResponse.json({ value: pages[i]!.map((thumbprint) => ({ thumbprint })), ...next });
    }),
  );
}

async function pagesOf(iterable: AsyncIterable<{ thumbprint?: string }[]>) {
  const pages: { items: (string | undefined)[]; token?: string }[] = [];
  for await (const page of iterable) {
    pages.push({
      items: page.map((c) => c.thumbprint),
      ...((page as { continuationToken?: string }).continuationToken
        ? { token: (page as { continuationToken?: string }).continuationToken }
        : {}),
    });
  }
  return pages;
}

describe('next links', () => {
  it("a link without api-version gets the client's; its own query is kept as written", async () => {
    pagedService([['a'], ['b']], (i) => `${LIST}?%24skiptoken=${i}&odd=a%20b+c`);
    const items = [];
    for await (const c of testClient().certificate.list()) items.push(c.thumbprint);
    expect(items).toEqual(['a', 'b']);
    expect(requests[1]!.url).toBe(`${LIST}?%24skiptoken=1&odd=a%20b+c&api-version=${API_VERSION}`);
  });

  it('a link that has api-version (in any case) is followed as it is', async () => {
    pagedService([['a'], ['b']], (i) => `${LIST}?API-Version=2099-01-01&$skiptoken=${i}`);
    for await (const _ of testClient().certificate.list());
    expect(requests[1]!.url).toBe(`${LIST}?API-Version=2099-01-01&$skiptoken=1`);
  });

  it('a relative link resolves against the account URL and gets api-version', async () => {
    pagedService([['a'], ['b']], (i) => `/certificates?$skiptoken=${i}`);
    for await (const _ of testClient().certificate.list());
    expect(requests[1]!.url).toBe(`${LIST}?$skiptoken=1&api-version=${API_VERSION}`);
  });
});

describe('byPage settings', () => {
  it('maxPageSize is sent as maxresults on the first page and on links that lack it', async () => {
    pagedService([['a', 'b'], ['c']], (i) => `${LIST}?$skiptoken=${i}`);
    const pages = await pagesOf(testClient().certificate.list().byPage({ maxPageSize: 2 }));
    expect(pages.map((p) => p.items)).toEqual([['a', 'b'], ['c']]);
    expect(requests.map((r) => new URL(r.url).searchParams.get('maxresults'))).toEqual(['2', '2']);
  });

  it('maxPageSize equal to the call’s own maxResults is accepted', async () => {
    pagedService([['a']], () => '');
    await pagesOf(testClient().certificate.list({ maxResults: 3 }).byPage({ maxPageSize: 3 }));
    expect(new URL(requests[0]!.url).searchParams.get('maxresults')).toBe('3');
  });

  it('every page but the last carries a continuationToken that resumes the list', async () => {
    pagedService([['a'], ['b'], ['c']], (i) => `${LIST}?$skiptoken=${i}`);
    const client = testClient();
    const first = await client.certificate.list().byPage()[Symbol.asyncIterator]().next();
    const token = (first.value as { continuationToken?: string }).continuationToken;
    expect(token).toBe(`${LIST}?$skiptoken=1`);
    requests.length = 0;
    const rest = await pagesOf(client.certificate.list().byPage({ continuationToken: token! }));
    expect(rest).toEqual([{ items: ['b'], token: `${LIST}?$skiptoken=2` }, { items: ['c'] }]);
    expect(requests[0]!.url).toBe(`${LIST}?$skiptoken=1&api-version=${API_VERSION}`);
  });

  it('a continuationToken outside the account URL is refused (credentials never follow it)', async () => {
    const iterable = testClient()
      .certificate.list()
      .byPage({ continuationToken: 'https://evil.example.com/certificates?$skiptoken=1' });
    await expect(pagesOf(iterable)).rejects.toThrow(
      'refusing to follow a next-page link outside the account URL (https://evil.example.com)',
    );
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ maxPageSize: 0 }, 'settings.maxPageSize', 'range', 'must be a positive integer'],
    [{ maxPageSize: 2.5 }, 'settings.maxPageSize', 'range', 'must be a positive integer'],
    [
      { continuationToken: '' },
      'settings.continuationToken',
      'type',
      "must be a non-empty string: a page's continuationToken",
    ],
    [
      { pageSize: 5 },
      'settings.pageSize',
      'unknownOption',
      'is not a byPage() setting (its settings: continuationToken, maxPageSize)',
    ],
  ])('%j is refused at byPage(), before anything is sent', (settings, path, rule, message) => {
    let error: unknown;
    try {
      testClient()
        .certificate.list()
        .byPage(settings as never);
    } catch (e) {
      error = e;
    }
    expect(isBatchValidationError(error)).toBe(true);
    expect((error as BatchValidationError).issues).toEqual([{ path, rule, message }]);
    expect(requests).toHaveLength(0);
  });

  it('maxPageSize that disagrees with the call’s maxResults is refused', () => {
    expect(() =>
      testClient().certificate.list({ maxResults: 10 }).byPage({ maxPageSize: 5 }),
    ).toThrow(
      expect.objectContaining({
        issues: [
          {
            path: 'settings.maxPageSize',
            rule: 'conflict',
            message: "disagrees with the call's options.maxResults; give the page size once",
          },
        ],
      }),
    );
  });
});
