/**
 * Paging settings hold per run and for every page: each byPage() uses its own maxPageSize, an
 * explicit maxPageSize replaces the size a continuation link carries, and the call's maxResults is
 * carried onto next links like byPage's (over a real socket, both transports).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential } from '../../../src/index.js';
import { ACCOUNT, ACCOUNT_KEY } from '../../support/test-client.js';

let server: Server;
let url = '';
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url!);
    res.setHeader('content-type', 'application/json');
    if (req.url!.startsWith('/certificates(')) res.end(JSON.stringify({ thumbprint: 'ab' }));
    else if (req.url!.includes('page=1')) res.end(JSON.stringify({ value: [] }));
    else
      res.end(
        JSON.stringify({
          value: [{ thumbprint: 'ab', thumbprintAlgorithm: 'sha1' }],
          'odata.nextLink': `${url}/certificates?page=1`,
        }),
      );
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
const client = () =>
  new BatchClient(url, new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY), {
    allowInsecureConnection: true,
    deprecationWarnings: 'off',
  });

describe('paging settings', () => {
  it('a second byPage() of the same iterable uses its own maxPageSize', async () => {
    const list = client().certificate.list();
    seen.length = 0;
    for await (const _ of list.byPage({ maxPageSize: 2 })) break;
    for await (const _ of list.byPage({ maxPageSize: 7 })) break;
    for await (const _ of list) break; // no settings: the default page size
    expect(seen[1]).toContain('maxresults=7');
    expect(seen[2]).not.toContain('maxresults');
  });

  it('byPage({ continuationToken, maxPageSize }) sends the maxPageSize asked for', async () => {
    seen.length = 0;
    const continuationToken = `${url}/certificates?api-version=2024-07-01.20.0&maxresults=1000&$skiptoken=abc`;
    for await (const _ of client().certificate.list().byPage({ continuationToken, maxPageSize: 5 }))
      break;
    expect(seen[0]).toContain('maxresults=5');
  });

  it('an argument after the options bag is refused, not ignored', async () => {
    seen.length = 0;
    const get = client().certificate.get as unknown as (...a: unknown[]) => Promise<unknown>;
    const outcome = await get('sha1', 'ab', {}, { timeoutInMs: 1 }).then(
      () => 'resolved',
      (e: Error) => e.name,
    );
    expect(outcome).toBe('BatchValidationError');
  });

  it('options.maxResults holds for every page, as byPage({ maxPageSize }) does', async () => {
    seen.length = 0;
    for await (const _ of client().certificate.list({ maxResults: 5 }).byPage()) {
    }
    const viaSettings = [...seen];
    seen.length = 0;
    for await (const _ of client().certificate.list().byPage({ maxPageSize: 5 })) {
    }
    expect(viaSettings[1]).toContain('maxresults=5');
  });
});
