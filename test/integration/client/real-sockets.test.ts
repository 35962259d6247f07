/**
 * The transports over real loopback sockets, against a `node:http` server that misbehaves on
 * purpose: keep-alive reuse, compressed answers, an answer cut off or stalled mid-body, an abort
 * mid-body, and a process that ends by itself once its calls are settled (no socket, timer or
 * listener keeps it alive). In jest's `node-http` project the client sends through `node:http`, in
 * the `fetch` project through the platform's `fetch`: both must behave the same.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from '@jest/globals';
import * as esbuild from 'esbuild';
import {
  BatchClient,
  BatchSharedKeyCredential,
  isBatchAbortError,
  isBatchNetworkError,
  isBatchTimeoutError,
} from '../../../src/index.js';
import { ACCOUNT, ACCOUNT_KEY } from '../../support/test-client.js';

const CERTIFICATE = JSON.stringify({ thumbprint: 'ab', state: 'active' });
let server: Server | undefined;
const connections = { count: 0 };

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  connections.count = 0;
  server = createServer(handler);
  server.on('connection', () => connections.count++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function client(url: string, options: { maxRetries?: number; timeoutInMs?: number } = {}) {
  return new BatchClient(url, new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY), {
    allowInsecureConnection: true,
    deprecationWarnings: 'off',
    retry: { maxRetries: options.maxRetries ?? 0, retryDelayInMs: 1 },
    ...(options.timeoutInMs ? { timeoutInMs: options.timeoutInMs } : {}),
  });
}

describe('over real sockets', () => {
  it("the project's transport sends: node:http in node-http, fetch in fetch (Fetch adds sec-fetch-mode)", async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers['sec-fetch-mode'] as string | undefined);
      res.end(CERTIFICATE);
    });
    await client(url).certificate.get('sha1', 'ab');
    const fetchProject = process.getBuiltinModule('node:http') === undefined;
    expect(seen).toEqual([fetchProject ? 'cors' : undefined]);
  });

  it('sequential calls reuse a keep-alive connection', async () => {
    const url = await serve((_req, res) => res.end(CERTIFICATE));
    const c = client(url);
    for (let i = 0; i < 10; i++) await c.certificate.get('sha1', 'ab');
    // node:http reuses its one socket; undici opens a second one for the second request (seen
    // with a bare fetch as well), then reuses both.
    const fetchProject = process.getBuiltinModule('node:http') === undefined;
    expect(connections.count).toBe(fetchProject ? 2 : 1);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a %s answer is decoded', async (encoding, compress) => {
    const url = await serve((_req, res) => {
      res.setHeader('content-encoding', encoding);
      res.end(compress(Buffer.from(CERTIFICATE)));
    });
    await expect(client(url).certificate.get('sha1', 'ab')).resolves.toEqual({
      thumbprint: 'ab',
      state: 'active',
    });
  });

  it('an answer cut off mid-body is a network error, not retried (it was answered)', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-length': String(CERTIFICATE.length) });
      res.write(CERTIFICATE.slice(0, 5));
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const error = await client(url, { maxRetries: 3 })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchNetworkError(error)).toBe(true);
    expect(requests).toBe(1);
  });

  it('an answer that stalls mid-body times out within the attempt', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(CERTIFICATE.length) });
      res.write(CERTIFICATE.slice(0, 5));
    });
    const error = await client(url, { timeoutInMs: 100 })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchTimeoutError(error)).toBe(true);
  });

  it("the caller's abort mid-body ends the call at once, as an abort", async () => {
    const controller = new AbortController();
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(CERTIFICATE.length) });
      res.write(CERTIFICATE.slice(0, 5), () =>
        setTimeout(() => controller.abort(new Error('enough')), 10),
      );
    });
    const error = await client(url)
      .certificate.get('sha1', 'ab', { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(isBatchAbortError(error)).toBe(true);
    expect((error as Error).cause).toEqual(new Error('enough'));
  });

  it('a redirect is the answer (a service error), not followed: the signature was for this URL', async () => {
    let requests = 0;
    const url = await serve((_req, res) => {
      requests++;
      res.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere', 'content-length': '0' }).end();
    });
    const error = await client(url, { maxRetries: 3 })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BatchServiceError', statusCode: 307 });
    expect(requests).toBe(1);
  });

  it('a refused connection is a network error with its code, retried', async () => {
    const url = await serve((_req, res) => res.end());
    server!.close();
    await once(server!, 'close');
    const error = await client(url, { maxRetries: 1 })
      .certificate.get('sha1', 'ab')
      .catch((e: unknown) => e);
    expect(isBatchNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', attempts: 2 });
  });
});

describe('a settled call keeps nothing alive', () => {
  it('a process that made calls ends on its own (idle keep-alive sockets, timers, listeners)', async () => {
    const url = await serve((_req, res) => res.end(CERTIFICATE));
    const here = dirname(fileURLToPath(import.meta.url));
    const bundle = await esbuild.build({
      entryPoints: [join(here, '../../../src/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'error',
    });
    const script = `${bundle.outputFiles[0]!.text}
const c = new BatchClient(${JSON.stringify(url)}, new BatchSharedKeyCredential(${JSON.stringify(ACCOUNT)}, ${JSON.stringify(ACCOUNT_KEY)}), { allowInsecureConnection: true, deprecationWarnings: 'off' });
const signal = new AbortController().signal;
for (let i = 0; i < 3; i++) await c.certificate.get('sha1', 'ab', { abortSignal: signal });
const started = Date.now();
process.on('exit', () => console.log(JSON.stringify({ lingeredInMs: Date.now() - started })));
`;
    // The idle socket would close after the agent's 5 s; the default per-attempt timer would fire
    // after 60 s. Ending well before either shows neither holds the process.
    const file = join(mkdtempSync(join(tmpdir(), 'batch-exit-')), 'calls.mjs');
    writeFileSync(file, script);
    const child = spawn(process.execPath, [file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const [status] = (await once(child, 'exit')) as [number | null];
    rmSync(dirname(file), { recursive: true, force: true });
    expect(status).toBe(0);
    const { lingeredInMs } = JSON.parse(stdout.trim().split('\n').pop()!) as {
      lingeredInMs: number;
    };
    expect(lingeredInMs).toBeLessThan(2_000);
  });
});
