import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import {
  createBatchEmulator,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import { batchEmulatorHandlers } from '../../../src/testing/msw.js';
import { ACCOUNT_URL, API_VERSION, signedRequest } from './support/signed-request.js';

const CER = {
  thumbprint: 'ab',
  thumbprintAlgorithm: 'sha1',
  data: 'AAAA',
  certificateFormat: 'cer',
};
const now = () => Date.now();

describe('startBatchEmulator (node:http on loopback)', () => {
  it('serves signed requests from fetch on a free port and stops on close()', async () => {
    const server = await startBatchEmulator();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const add = await fetch(
        signedRequest({
          method: 'POST',
          baseUrl: server.url,
          path: `/certificates?api-version=${API_VERSION}`,
          body: CER,
          date: now(),
        }),
      );
      expect(add.status).toBe(201);
      expect(add.headers.get('location')).toBe(
        `${server.url}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=ab)`,
      );
      const get = await fetch(
        signedRequest({
          baseUrl: server.url,
          path: `/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)?api-version=${API_VERSION}`,
          date: now(),
        }),
      );
      expect(get.status).toBe(200);
      expect(((await get.json()) as { url: string }).url).toBe(
        `${server.url}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`,
      );
      expect(server.emulator.certificates(EMULATOR_ACCOUNT_NAME)).toHaveLength(1);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/certificates`)).rejects.toThrow();
  });

  it('signs the POST without a body (cancelDeletion) with the Content-Length it received', async () => {
    const server = await startBatchEmulator({ mode: 'retired' });
    try {
      const response = await fetch(
        signedRequest({
          method: 'POST',
          baseUrl: server.url,
          path: `/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete?api-version=${API_VERSION}`,
          date: now(),
        }),
      );
      expect(((await response.json()) as { code: string }).code).toBe('CertificateRetired');
    } finally {
      await server.close();
    }
  });

  it('serves a given emulator, and drops connections for dropNext', async () => {
    const emulator = createBatchEmulator();
    const server = await startBatchEmulator({ emulator });
    try {
      expect(server.emulator).toBe(emulator);
      emulator.faults.dropNext(1);
      const path = `/certificates?api-version=${API_VERSION}`;
      await expect(
        fetch(signedRequest({ baseUrl: server.url, path, date: now() })),
      ).rejects.toThrow();
      const response = await fetch(signedRequest({ baseUrl: server.url, path, date: now() }));
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startBatchEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });
});

describe('batchEmulatorHandlers (msw)', () => {
  const emulator = createBatchEmulator();
  const server = setupServer(...batchEmulatorHandlers(emulator, { baseUrl: ACCOUNT_URL }));
  /** Requests no handler took. A test that expects some takes them out; any other fails it. */
  const unhandled: string[] = [];
  beforeAll(() =>
    server.listen({
      onUnhandledFrame: ({ frame }) => {
        unhandled.push(String((frame.data as { request?: Request }).request?.url));
      },
    }),
  );
  afterEach(() => {
    expect(unhandled.splice(0)).toEqual([]);
    server.resetHandlers();
    emulator.reset();
  });
  afterAll(() => server.close());

  it('answers fetch calls to the account URL with the emulator', async () => {
    const add = await fetch(
      signedRequest({
        method: 'POST',
        path: `/certificates?api-version=${API_VERSION}`,
        body: CER,
        date: now(),
      }),
    );
    expect(add.status).toBe(201);
    const list = await fetch(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}`, date: now() }),
    );
    const page = (await list.json()) as { value: { thumbprint: string }[] };
    expect(page.value.map((c) => c.thumbprint)).toEqual(['ab']);
    expect(emulator.requests.map((e) => e.operationId)).toEqual([
      'Certificate_Add',
      'Certificate_List',
    ]);
  });

  it('verifies signatures of intercepted requests (fetch adds Content-Length only on the wire)', async () => {
    const request = signedRequest({
      method: 'POST',
      path: `/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete?api-version=${API_VERSION}`,
      date: now(),
    });
    const response = await fetch(request);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('CertificateNotFound');
  });

  it('turns dropNext into a network error', async () => {
    emulator.faults.dropNext(1);
    await expect(
      fetch(signedRequest({ path: `/certificates?api-version=${API_VERSION}`, date: now() })),
    ).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('leaves other hosts unhandled', async () => {
    await expect(fetch('https://other.example.com/certificates')).rejects.toThrow();
    expect(unhandled.splice(0)).toEqual(['https://other.example.com/certificates']);
    expect(emulator.requests).toEqual([]);
  });

  it('handles only the path under a base URL with a prefix', async () => {
    const prefixed = createBatchEmulator({ pathPrefix: '/acct' });
    server.use(...batchEmulatorHandlers(prefixed, { baseUrl: 'http://localhost:7777/acct/' }));
    const response = await fetch(
      signedRequest({
        baseUrl: 'http://localhost:7777/acct',
        path: `/certificates?api-version=${API_VERSION}`,
        date: now(),
      }),
    );
    expect(response.status).toBe(200);
    expect(prefixed.requests).toHaveLength(1);
    await expect(fetch('http://localhost:7777/other/certificates')).rejects.toThrow();
    expect(unhandled.splice(0)).toEqual(['http://localhost:7777/other/certificates']);
  });

  it.each([
    ['a base URL path the emulator does not serve', '', 'http://localhost:7777/acct', '/acct', ''],
    [
      'a base URL without the path the emulator serves',
      '/acct',
      'http://localhost:7777',
      '',
      '/acct',
    ],
  ])('refuses %s when the handlers are built', (_label, pathPrefix, baseUrl, path, served) => {
    const emulator = createBatchEmulator({ pathPrefix });
    expect(() => batchEmulatorHandlers(emulator, { baseUrl })).toThrow(
      new TypeError(
        `baseUrl has the path '${path}', but the emulator serves its operations under the path ` +
          `prefix '${served}': create it with pathPrefix: '${path}', or use a baseUrl without that path.`,
      ),
    );
  });
});
