import { describe, expect, it } from '@jest/globals';
import { addRequest, testEmulator } from './support/emulator-fixture.js';
import { ACCOUNT_URL, API_VERSION, signedRequest } from './support/signed-request.js';

interface Page {
  'odata.metadata': string;
  value: { thumbprint: string; state: string }[];
  'odata.nextLink'?: string;
}

const THUMBPRINTS = ['a1', 'b2', 'c3', 'd4', 'e5'];

async function seeded() {
  const fixture = testEmulator();
  for (const thumbprint of THUMBPRINTS) {
    await fixture.emulator.handle(
      addRequest({
        thumbprint,
        thumbprintAlgorithm: 'sha1',
        data: 'AAAA',
        certificateFormat: 'cer',
      }),
    );
  }
  return fixture;
}

async function list(emulator: { handle(r: Request): Promise<Response> }, query = '') {
  const response = await emulator.handle(
    signedRequest({ path: `/certificates?api-version=${API_VERSION}${query}` }),
  );
  return { response, page: (await response.json()) as Page };
}

describe('list', () => {
  it('returns every certificate sorted by thumbprint, with odata.metadata', async () => {
    const { emulator } = await seeded();
    const { response, page } = await list(emulator);
    expect(response.status).toBe(200);
    expect(page['odata.metadata']).toBe(`${ACCOUNT_URL}/$metadata#certificates`);
    expect(page.value.map((c) => c.thumbprint)).toEqual(THUMBPRINTS);
    expect(page['odata.nextLink']).toBeUndefined();
  });

  it('writes the page like the service: CRLF and two-space indents per level', async () => {
    const { emulator } = await seeded();
    const response = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}&$select=thumbprint,state` }),
    );
    const item = (thumbprint: string) =>
      `{\r\n      "thumbprint":"${thumbprint}","state":"active"\r\n    }`;
    expect(await response.text()).toBe(
      `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates","value":[\r\n    ` +
        `${THUMBPRINTS.map(item).join(',')}\r\n  ]\r\n}`,
    );
    const empty = await testEmulator().emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}` }),
    );
    expect(await empty.text()).toBe(
      `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates","value":[\r\n    \r\n  ]\r\n}`,
    );
  });

  it('pages with maxresults and an absolute odata.nextLink to the same emulator', async () => {
    const { emulator } = await seeded();
    const seen: string[][] = [];
    let { page } = await list(emulator, '&maxresults=2');
    seen.push(page.value.map((c) => c.thumbprint));
    while (page['odata.nextLink']) {
      const next = new URL(page['odata.nextLink']);
      expect(next.origin).toBe(ACCOUNT_URL);
      expect(next.searchParams.get('api-version')).toBe(API_VERSION);
      expect(next.searchParams.get('maxresults')).toBe('2');
      const response = await emulator.handle(signedRequest({ path: next.pathname + next.search }));
      page = (await response.json()) as Page;
      seen.push(page.value.map((c) => c.thumbprint));
    }
    expect(seen).toEqual([['a1', 'b2'], ['c3', 'd4'], ['e5']]);
  });

  it('continues correctly when certificates change between pages', async () => {
    const { emulator } = await seeded();
    const { page } = await list(emulator, '&maxresults=2');
    await emulator.handle(
      addRequest({ thumbprint: 'a0', thumbprintAlgorithm: 'sha1', data: 'AAAA' }),
    );
    const next = new URL(page['odata.nextLink']!);
    const response = await emulator.handle(signedRequest({ path: next.pathname + next.search }));
    expect(((await response.json()) as Page).value.map((c) => c.thumbprint)).toEqual(['c3', 'd4']);
  });

  it('keeps the filter across pages', async () => {
    const { emulator } = await seeded();
    const filter = encodeURIComponent("thumbprint ne 'b2'");
    const { page } = await list(emulator, `&maxresults=2&$filter=${filter}`);
    expect(page.value.map((c) => c.thumbprint)).toEqual(['a1', 'c3']);
    const next = new URL(page['odata.nextLink']!);
    const second = (await (
      await emulator.handle(signedRequest({ path: next.pathname + next.search }))
    ).json()) as Page;
    expect(second.value.map((c) => c.thumbprint)).toEqual(['d4', 'e5']);
    expect(second['odata.nextLink']).toBeUndefined();
  });

  it('applies $select to every item', async () => {
    const { emulator } = await seeded();
    const { page } = await list(emulator, '&$select=thumbprint&maxresults=1');
    expect(page.value).toEqual([{ thumbprint: 'a1' }]);
    expect(new URL(page['odata.nextLink']!).searchParams.get('$select')).toBe('thumbprint');
  });

  it('lists only the calling account', async () => {
    const { emulator } = testEmulator({
      accounts: [
        { name: 'emulator', key: 'AAAA' },
        { name: 'other', key: 'AAAA' },
      ],
    });
    await emulator.handle(
      signedRequest({
        method: 'POST',
        path: `/certificates?api-version=${API_VERSION}`,
        key: 'AAAA',
        body: { thumbprint: 'ab', thumbprintAlgorithm: 'sha1', data: 'AAAA' },
      }),
    );
    const other = await emulator.handle(
      signedRequest({
        path: `/certificates?api-version=${API_VERSION}`,
        account: 'other',
        key: 'AAAA',
      }),
    );
    expect(((await other.json()) as Page).value).toEqual([]);
  });
});
