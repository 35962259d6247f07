/**
 * The two transports behave the same on the answers where they once differed: a success whose body
 * stalls or is cut by a reset (answered: not retried), a JSON body with a byte order mark, a gzip
 * body without its trailer or empty, and a credential whose token cannot go in a header (the
 * caller's mistake: not a network error, not retried, never shown). Runs in both jest projects.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential } from '../../../src/index.js';
import { ACCOUNT, ACCOUNT_KEY } from '../../support/test-client.js';

const CERTIFICATE = JSON.stringify({ thumbprint: 'ab', state: 'active' });
const transport = process.getBuiltinModule('node:http') === undefined ? 'fetch' : 'node-http';
let server: Server | undefined;

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});
function client(url: string, extra: Record<string, unknown> = {}, credential: unknown = undefined) {
  return new BatchClient(
    url,
    (credential ?? new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)) as never,
    {
      allowInsecureConnection: true,
      deprecationWarnings: 'off',
      retry: { maxRetries: 3, retryDelayInMs: 1 },
      ...extra,
    },
  );
}

describe(`[${transport}]`, () => {
  it('a 200 whose body stalls past timeoutInMs is not retried (it was answered)', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-length': String(CERTIFICATE.length) });
      res.write(CERTIFICATE.slice(0, 5));
    });
    const error = await client(url, { timeoutInMs: 100 })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('BatchTimeoutError');
    expect(requests).toBe(1);
  });

  it('a 200 whose body is cut by a TCP reset is treated like one cut by a FIN', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-length': String(CERTIFICATE.length) });
      res.write(CERTIFICATE.slice(0, 5), () => setTimeout(() => res.socket?.resetAndDestroy(), 10));
    });
    const error = await client(url)
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('BatchNetworkError');
    expect((error as Error).message).toContain(
      'the Batch service answered 200, but its answer could not be read to the end',
    );
    expect(requests).toBe(1); // the FIN case in real-sockets.test.ts expects 1 on both
  });

  it('a JSON answer with a UTF-8 BOM parses (fetch strips it)', async () => {
    const url = await serve((_req, res) => res.end(`\uFEFF${CERTIFICATE}`));
    await expect(client(url).certificate.get('sha1', 'ab')).resolves.toEqual({
      thumbprint: 'ab',
      state: 'active',
    });
  });

  it('a gzip answer without its trailer decodes as on fetch', async () => {
    const gz = gzipSync(Buffer.from(CERTIFICATE));
    const url = await serve((_req, res) => {
      res.setHeader('content-encoding', 'gzip');
      res.end(gz.subarray(0, gz.length - 8));
    });
    await expect(client(url).certificate.get('sha1', 'ab')).resolves.toEqual({
      thumbprint: 'ab',
      state: 'active',
    });
  });

  it("a credential's malformed token is the caller's mistake, not a network error, and never in the error", async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.end(CERTIFICATE);
    });
    let getTokenCalls = 0;
    const TOKEN = 'eyJTOPSECRET.part\nsecond';
    const credential = {
      getToken: async (_s: string | string[]) => {
        getTokenCalls++;
        return { token: TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const error = (await client(url, {}, credential)
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e)) as Error & { attempts?: number };
    const printed = `${error.message} ${inspect(error)} ${String((error.cause as Error | undefined)?.message)}`;
    expect(requests).toBe(0);
    expect(getTokenCalls).toBe(1);
    expect(printed).not.toContain('TOPSECRET');
    expect(error.name).not.toBe('BatchNetworkError');
    expect(error.message).toBe(
      'The token credential returned an access token for scope "https://batch.core.windows.net//.default" that cannot be sent in an Authorization header (it holds white space, control characters or characters beyond printable ASCII; the token is not shown).',
    );
  });

  it('an empty 202 labelled content-encoding: gzip is a success (a delete that worked)', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.writeHead(202, { 'content-encoding': 'gzip', 'content-length': '0' }).end();
    });
    const outcome = await client(url)
      .certificate.delete('sha1', 'ab')
      .then(
        () => 'resolved',
        (e: Error) => e.message,
      );
    expect(outcome).toBe('resolved');
    expect(requests).toBe(1);
  });
});
