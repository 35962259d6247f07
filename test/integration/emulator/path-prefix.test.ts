/**
 * The emulator serves only its own paths: the operation paths right after its path prefix (`''`
 * by default, or a gateway path set with `pathPrefix`). An operation path after any other prefix —
 * an account URL that already ends in `/certificates`, or a gateway path the emulator was not told
 * about — answers 400 InvalidUri with a Reason that says which, instead of being served.
 */
import { describe, expect, it } from '@jest/globals';
import {
  BatchClient,
  type BatchServiceError,
  BatchSharedKeyCredential,
} from '../../../src/index.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from '../../../src/testing/index.js';
import { batchEmulatorHandlers } from '../../../src/testing/msw.js';
import { useMswServer } from '../../support/msw-server.js';
import { errorBody, testEmulator } from './support/emulator-fixture.js';
import { API_VERSION, detail, signedRequest } from './support/signed-request.js';

const HOST = 'https://emulator.westeurope.batch.azure.com';
const Q = `?api-version=${API_VERSION}`;
const ITEM = '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)';
const repeated = (segment: string) =>
  `The path holds '/${segment}' before the operation path: the account URL given to the client must not include an operation path.`;
const REPEATED = repeated('certificates');
/** `where`: how the Reason says where the operation path was found. */
const gatewayReason = (where: string, served: string) =>
  `The operation path ${where}, but this emulator serves its operations ${served}; ` +
  'to serve them under a gateway path, set the emulator option pathPrefix (batch-rest emulator --path-prefix).';

async function answer(
  pathPrefix: string | undefined,
  path: string,
  method = 'GET',
): Promise<{ status: number; code: string; reason: string | undefined }> {
  const { emulator } = testEmulator(pathPrefix === undefined ? {} : { pathPrefix });
  const response = await emulator.handle(signedRequest({ method, baseUrl: HOST, path }));
  if (response.ok) return { status: response.status, code: '', reason: undefined };
  const body = await errorBody(response);
  return { status: response.status, code: body.code, reason: detail(body, 'Reason') };
}

describe('without a path prefix', () => {
  it.each([
    ['the list path repeated', `/certificates/certificates${Q}`, 'GET', 'certificates'],
    ['a certificate path after /certificates', `/certificates${ITEM}${Q}`, 'GET', 'certificates'],
    [
      'a cancel-deletion path after /Certificates',
      `/Certificates${ITEM}/canceldelete${Q}`,
      'POST',
      'Certificates',
    ],
    ['the list path after a certificate path', `${ITEM}/certificates${Q}`, 'GET', ITEM.slice(1)],
  ])('answers %s with InvalidUri, saying the account URL holds an operation path', async (_l, path, method, segment) => {
    expect(await answer(undefined, path, method)).toEqual({
      status: 400,
      code: 'InvalidUri',
      reason: repeated(segment),
    });
  });

  it('answers an operation path after a gateway path with InvalidUri naming the pathPrefix option', async () => {
    expect(await answer(undefined, `/batch/acct1/certificates${Q}`)).toEqual({
      status: 400,
      code: 'InvalidUri',
      reason: gatewayReason("follows '/batch/acct1'", 'at the root of its URL'),
    });
  });

  it('still serves its own paths, in any case, and keeps the other answers', async () => {
    expect((await answer(undefined, `/certificates${Q}`)).status).toBe(200);
    expect((await answer(undefined, `/Certificates${Q}`)).status).toBe(200);
    expect((await answer(undefined, `/pools${Q}`)).code).toBe('UnsupportedByEmulator');
    expect(await answer(undefined, `/certificates/ab${Q}`)).toEqual({
      status: 400,
      code: 'InvalidUri',
      reason: undefined,
    });
  });
});

describe('with pathPrefix', () => {
  const PREFIX = '/batch/acct1';

  it('serves the operations under the prefix, with links under it', async () => {
    const { emulator } = testEmulator({ pathPrefix: `${PREFIX}/` });
    expect(emulator.pathPrefix).toBe(PREFIX);
    for (const thumbprint of ['aa', 'bb']) {
      const add = signedRequest({
        method: 'POST',
        baseUrl: `${HOST}${PREFIX}`,
        path: `/certificates${Q}`,
        body: { thumbprint, thumbprintAlgorithm: 'sha1', data: 'AAAA', certificateFormat: 'cer' },
      });
      expect((await emulator.handle(add)).status).toBe(201);
    }
    const list = await emulator.handle(
      signedRequest({ baseUrl: `${HOST}${PREFIX}`, path: `/certificates${Q}&maxresults=1` }),
    );
    const page = (await list.json()) as Record<string, string>;
    expect(page['odata.metadata']).toBe(`${HOST}${PREFIX}/$metadata#certificates`);
    expect(page['odata.nextLink']).toMatch(new RegExp(`^${HOST}${PREFIX}/certificates\\?`));
  });

  it.each([
    [
      'the root path',
      `/certificates${Q}`,
      gatewayReason('is at the root of the URL', "under the path prefix '/batch/acct1'"),
    ],
    [
      'another gateway path',
      `/batch/acct2/certificates${Q}`,
      gatewayReason("follows '/batch/acct2'", "under the path prefix '/batch/acct1'"),
    ],
    [
      'the prefix in another case',
      `/Batch/acct1/certificates${Q}`,
      gatewayReason("follows '/Batch/acct1'", "under the path prefix '/batch/acct1'"),
    ],
    [
      'the list path repeated under the prefix',
      `${PREFIX}/certificates/certificates${Q}`,
      REPEATED,
    ],
    [
      'a path outside the prefix',
      `/elsewhere/pools${Q}`,
      "The path is not under the emulator's path prefix '/batch/acct1'.",
    ],
  ])('answers %s with InvalidUri and a Reason', async (_label, path, reason) => {
    expect(await answer(PREFIX, path)).toEqual({ status: 400, code: 'InvalidUri', reason });
  });

  it('keeps UnsupportedByEmulator for the rest of the Batch API under the prefix', async () => {
    expect((await answer(PREFIX, `${PREFIX}/pools${Q}`)).code).toBe('UnsupportedByEmulator');
  });

  it.each([
    ['', ''],
    ['/', ''],
    ['/batch//', '/batch'],
    [
      "/a-b/c.d/~e/f:g/h@i/j%20k/l(m)/n!o$p&q'r*s+t,u;v=w",
      "/a-b/c.d/~e/f:g/h@i/j%20k/l(m)/n!o$p&q'r*s+t,u;v=w",
    ],
  ])('normalises %j to %j', (given, kept) => {
    expect(testEmulator({ pathPrefix: given }).emulator.pathPrefix).toBe(kept);
  });

  const SEGMENTS =
    'pathPrefix must be a URL path: segments of letters, digits and -._~!$&\'()*+,;=:@%, none empty, "." or "..".';
  it.each([
    ['batch', "pathPrefix must start with '/'."],
    ['/a//b', SEGMENTS],
    ['/a/../b', SEGMENTS],
    ['/a/./b', SEGMENTS],
    ['/a?b', SEGMENTS],
    ['/a#b', SEGMENTS],
    ['/a b', SEGMENTS],
    [
      '/certificates',
      "pathPrefix must not include an operation path: '/certificates' is where the Batch API's own paths begin.",
    ],
    [
      '/gw/Certificates(x)/',
      "pathPrefix must not include an operation path: '/Certificates(x)' is where the Batch API's own paths begin.",
    ],
    [42, "pathPrefix must be a string such as '/batch'."],
  ])('refuses %j with a TypeError', (pathPrefix, message) => {
    expect(() => testEmulator({ pathPrefix: pathPrefix as string })).toThrow(
      new TypeError(message),
    );
  });
});

describe('a client behind a gateway path', () => {
  const credential = new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY);

  it('works against the loopback emulator started with that prefix; the root URL is refused', async () => {
    const running = await startBatchEmulator({ pathPrefix: '/batch/acct1' });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/batch\/acct1$/);
      const options = { allowInsecureConnection: true, onWarning: () => {} };
      const client = new BatchClient(running.url, credential, options);
      await client.certificate.add({
        thumbprint: 'ab',
        thumbprintAlgorithm: 'sha1',
        data: 'AAAA',
        certificateFormat: 'cer',
      });
      const items: unknown[] = [];
      for await (const item of client.certificate.list()) items.push(item);
      expect(items).toHaveLength(1);
      const root = new BatchClient(new URL(running.url).origin, credential, options);
      const error = (await root.certificate.get('sha1', 'ab').catch((e) => e)) as BatchServiceError;
      expect(error).toMatchObject({
        name: 'BatchServiceError',
        statusCode: 400,
        code: 'InvalidUri',
      });
    } finally {
      await running.close();
    }
  });

  describe('through the msw handlers', () => {
    const { server } = useMswServer();

    it('works with the handlers built for the same prefix', async () => {
      const { emulator } = testEmulator({ pathPrefix: '/batch/acct1', now: () => Date.now() });
      server.use(
        ...batchEmulatorHandlers(emulator, { baseUrl: 'https://gw.example.com/batch/acct1' }),
      );
      const client = new BatchClient('https://gw.example.com/batch/acct1', credential, {
        onWarning: () => {},
      });
      const items: unknown[] = [];
      for await (const item of client.certificate.list()) items.push(item);
      expect(items).toEqual([]);
      expect(emulator.requests.map((r) => r.url)).toEqual([
        `https://gw.example.com/batch/acct1/certificates?api-version=${API_VERSION}`,
      ]);
    });
  });
});
