/**
 * Streamed downloads (the binary operations of the full-spec path), through the retry policy, sign
 * phase and each transport as the client composes them: a download cut off mid-body fails its
 * stream (compressed or not) instead of hanging, and the caller's abort still ends a body that is
 * streaming after its attempt.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BatchSharedKeyCredential } from '../../../src/auth/batch-shared-key-credential.js';
import { createFetchTransport } from '../../../src/pipeline/fetch-transport.js';
import {
  createNodeHttpTransport,
  nodeHttpModules,
} from '../../../src/pipeline/node-http-transport.js';
import type { PipelineRequest } from '../../../src/pipeline/pipeline-policy.js';
import { createSignPhase } from '../../../src/pipeline/sign-phase.js';
import { retryPolicy } from '../../../src/retry/retry-policy.js';
import { resolveRetryOptions } from '../../../src/retry/retry-strategy.js';
import { sleep } from '../../../src/retry/sleep.js';
import { ACCOUNT, ACCOUNT_KEY } from '../../support/test-client.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});
async function serve(handler: Parameters<typeof createServer>[1]) {
  server = createServer(handler!);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/files/x?api-version=1`;
}

const transports = {
  'node-http': () => createNodeHttpTransport(nodeHttpModules()!),
  fetch: () => createFetchTransport(globalThis.fetch),
};

function pipeline(which: keyof typeof transports) {
  const retry = resolveRetryOptions({ maxRetries: 0 });
  const policy = retryPolicy({
    sleep,
    random: Math.random,
    now: Date.now,
    clientRetryOptions: retry,
    copyPerAttempt: false,
  });
  const send = createSignPhase(
    new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY),
    Date.now,
    transports[which](),
  );
  return (url: string, abortSignal?: AbortSignal) => {
    const request: PipelineRequest = {
      method: 'GET',
      url,
      headers: new Headers(),
      operation: 'file.getFromTask',
      abortSignal,
      timeoutInMs: 60_000,
      retryOptions: retry,
      streamResponseBody: true,
      attempts: { count: 0, earlierMayHaveTakenEffect: false },
    };
    return policy.sendRequest(request, send);
  };
}

/** Reads the stream to its end; 'hung' when it neither ends nor fails within `ms`. */
async function readOutcome(body: ReadableStream<Uint8Array> | null, ms = 1500) {
  const read = new Response(body).arrayBuffer().then(
    () => 'ended',
    (e: Error) => `failed: ${e.name}`,
  );
  const timer = new Promise<string>((r) => setTimeout(() => r('hung'), ms).unref());
  return Promise.race([read, timer]);
}

describe.each(['node-http', 'fetch'] as const)('[%s]', (which) => {
  it('a gzip download cut by a reset mid-body fails the stream (does not hang)', async () => {
    const gz = gzipSync(Buffer.alloc(200_000, 7));
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(gz.length) });
      res.write(gz.subarray(0, gz.length >> 1), () =>
        setTimeout(() => res.socket?.resetAndDestroy(), 20),
      );
    });
    const response = await pipeline(which)(url);
    expect(await readOutcome(response.body)).toMatch(/^failed/);
  });

  it('the same download without content-encoding fails the stream', async () => {
    const raw = Buffer.alloc(200_000, 7);
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(raw.length) });
      res.write(raw.subarray(0, raw.length >> 1), () =>
        setTimeout(() => res.socket?.resetAndDestroy(), 20),
      );
    });
    const response = await pipeline(which)(url);
    expect(await readOutcome(response.body)).toMatch(/^failed/);
  });

  it("the caller's abortSignal, aborted while the download body streams, ends the stream", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(10, 1)); // then nothing: a slow download
    });
    const controller = new AbortController();
    const response = await pipeline(which)(url, controller.signal);
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    expect(await readOutcome(response.body)).toMatch(/^failed/);
  });
});
