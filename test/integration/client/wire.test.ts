/**
 * Wire-level behaviour of every certificate operation: exact method, URL, headers and body with a
 * frozen clock and request id, a Shared Key signature checked by an independent implementation,
 * and the typed results.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { operations } from '../../../src/index.js';
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
const THUMB = '0123456789abcdef0123456789abcdef01234567';
const ITEM = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMB})`;
const SERVICE_HEADERS = {
  'request-id': '5a4c3b2a-0000-4000-8000-000000000001',
  ETag: '0x8D9A1B2C3D4E5F6',
  'Last-Modified': 'Mon, 01 Jul 2024 00:00:00 GMT',
  DataServiceId: `${ITEM}`,
};

/** Headers the fetch implementation adds on its own (they vary with its version). */
const ADDED_BY_FETCH = new Set([
  'accept-encoding',
  'accept-language',
  'connection',
  'host',
  'sec-fetch-mode',
]);

/** Snapshots never hold secrets: the table's secret fields are replaced by their length. */
function redactSecrets(body: Record<string, unknown>) {
  const copy = { ...body };
  for (const path of operations.Certificate_Add.secrets) {
    const field = path.split('.')[1]!;
    if (typeof copy[field] === 'string')
      copy[field] = `<secret: ${(copy[field] as string).length} chars>`;
  }
  return copy;
}

/** The request as sent, with the signature replaced by whether it verified independently. */
async function wire(request: Request) {
  const text = await request.clone().text();
  const body = text === '' ? undefined : text;
  const arrived = await referenceRequestFromArrived(request);
  const expected = referenceAuthorization(arrived, ACCOUNT, ACCOUNT_KEY);
  const { authorization, ...ours } = Object.fromEntries(
    [...request.headers].filter(([name]) => !ADDED_BY_FETCH.has(name)),
  );
  return {
    method: request.method,
    url: request.url,
    headers: ours,
    signatureVerified: authorization === expected,
    body: body === undefined ? undefined : redactSecrets(JSON.parse(body)),
  };
}

describe('certificate.add', () => {
  it('sends the documented request and returns typed headers', async () => {
    server.use(
      http.post(
        `${ACCOUNT_URL}/certificates`,
        () => new HttpResponse(null, { status: 201, headers: SERVICE_HEADERS }),
      ),
    );
    const result = await testClient().certificate.add(
      { ...validCertificate(), thumbprint: '01234567 89abcdef0123456789abcdef01234567' },
      { timeout: 30, returnClientRequestId: true },
    );
    expect(await wire(requests[0]!)).toMatchSnapshot();
    const sentBody = JSON.parse(await requests[0]!.clone().text());
    expect(sentBody).toEqual(validCertificate()); // spaces removed from the thumbprint
    expect(result).toEqual({
      requestId: SERVICE_HEADERS['request-id'],
      eTag: SERVICE_HEADERS.ETag,
      lastModified: new Date('2024-07-01T00:00:00Z'),
      dataServiceId: ITEM,
    });
  });

  it('sends ocp-date from the caller when given, and a caller client-request-id', async () => {
    server.use(
      http.post(`${ACCOUNT_URL}/certificates`, () => new HttpResponse(null, { status: 201 })),
    );
    await testClient().certificate.add(validCertificate(), {
      ocpDate: new Date(Date.UTC(2024, 1, 2, 3, 4, 5)),
      clientRequestId: '11111111-2222-4333-8444-555555555555',
    });
    const sent = await wire(requests[0]!);
    expect(sent.headers['ocp-date']).toBe('Fri, 02 Feb 2024 03:04:05 GMT');
    expect(sent.headers['client-request-id']).toBe('11111111-2222-4333-8444-555555555555');
    expect(sent.signatureVerified).toBe(true);
    expect(sent.url).toBe(`${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0`);
  });
});

describe('certificate.get', () => {
  it('GETs the parenthesised path with $select and returns the Certificate', async () => {
    const certificate = {
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      state: 'active',
      url: ITEM,
    };
    server.use(http.get(ITEM, () => HttpResponse.json(certificate, { headers: SERVICE_HEADERS })));
    const result = await testClient().certificate.get('sha1', THUMB, {
      select: 'thumbprint,state',
    });
    expect(await wire(requests[0]!)).toMatchSnapshot();
    expect(result).toEqual(certificate);
  });
});

describe('certificate.delete and cancelDeletion', () => {
  it('DELETEs and returns typed headers', async () => {
    server.use(
      http.delete(ITEM, () => new HttpResponse(null, { status: 202, headers: SERVICE_HEADERS })),
    );
    const result = await testClient().certificate.delete('sha1', THUMB);
    expect(await wire(requests[0]!)).toMatchSnapshot();
    expect(result.requestId).toBe(SERVICE_HEADERS['request-id']);
    expect(result.lastModified).toEqual(new Date('2024-07-01T00:00:00Z'));
  });

  it('POSTs canceldelete with no body and returns typed headers', async () => {
    server.use(
      http.post(
        `${ITEM}/canceldelete`,
        () => new HttpResponse(null, { status: 204, headers: SERVICE_HEADERS }),
      ),
    );
    const result = await testClient().certificate.cancelDeletion('sha1', THUMB);
    expect(await wire(requests[0]!)).toMatchSnapshot();
    expect(result).toEqual({
      requestId: SERVICE_HEADERS['request-id'],
      eTag: SERVICE_HEADERS.ETag,
      lastModified: new Date('2024-07-01T00:00:00Z'),
      dataServiceId: ITEM,
    });
  });
});

describe('certificate.list', () => {
  it('pages lazily through odata.nextLink', async () => {
    const page2 = `${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0&maxresults=2&$skiptoken=abc`;
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, ({ request }) => {
        const url = new URL(request.url);
        if (url.searchParams.get('$skiptoken') === 'abc') {
          return HttpResponse.json({ value: [{ thumbprint: 'c3' }] });
        }
        return HttpResponse.json({
          value: [{ thumbprint: 'a1' }, { thumbprint: 'b2' }],
          'odata.nextLink': page2,
        });
      }),
    );
    const iterable = testClient().certificate.list({ filter: "state eq 'active'", maxResults: 2 });
    expect(requests).toHaveLength(0); // nothing is sent before iteration
    const iterator = iterable[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ thumbprint: 'a1' });
    expect(requests).toHaveLength(1);
    const rest: unknown[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) rest.push(r.value);
    expect(rest).toEqual([{ thumbprint: 'b2' }, { thumbprint: 'c3' }]);
    expect(requests).toHaveLength(2);
    const [first, second] = [await wire(requests[0]!), await wire(requests[1]!)];
    expect(first).toMatchSnapshot();
    expect(second.url).toBe(page2);
    expect(second.signatureVerified).toBe(true);
  });

  it('iterates whole pages with byPage()', async () => {
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, () =>
        HttpResponse.json({ value: [{ thumbprint: 'a1' }] }),
      ),
    );
    const pages: unknown[] = [];
    for await (const page of testClient().certificate.list().byPage()) pages.push(page);
    expect(pages).toEqual([[{ thumbprint: 'a1' }]]);
  });

  it('refuses a next link that points to another host (credentials never leave the account)', async () => {
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, () =>
        HttpResponse.json({ value: [], 'odata.nextLink': 'https://evil.example/certificates?x=1' }),
      ),
    );
    const consume = async () => {
      for await (const _ of testClient().certificate.list()) {
        // drain
      }
    };
    await expect(consume()).rejects.toThrow(/outside the account URL/);
    expect(requests).toHaveLength(1);
  });
});
