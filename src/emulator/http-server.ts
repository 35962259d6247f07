/**
 * A `node:http` server on loopback in front of the emulator core, so any HTTP client (and any
 * language) can use it. Node only: `batch-rest-client/testing` loads this module under the `node`
 * export condition, and its build for other runtimes (`src/testing/browser.ts`) never imports it.
 *
 * @module
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EmulatedNetworkError } from './batch-fault.js';
import { createBatchEmulator } from './create-batch-emulator.js';
import type { BatchEmulator, BatchEmulatorOptions } from './types.js';

/** Options of {@link startBatchEmulator}: the emulator's options plus where to listen. */
export interface StartBatchEmulatorOptions extends BatchEmulatorOptions {
  /** TCP port; default 0 (any free port). */
  readonly port?: number;
  /** Loopback address to listen on: `127.0.0.1` (default), `::1` or `localhost`. */
  readonly host?: string;
  /** Serve this emulator instead of creating one from the options. */
  readonly emulator?: BatchEmulator;
}

/** A running loopback emulator. */
export interface RunningBatchEmulator {
  /**
   * The account URL to give clients, e.g. `http://127.0.0.1:53817`, with the emulator's path
   * prefix when it has one (`http://127.0.0.1:53817/batch/acct1`); no trailing slash.
   */
  readonly url: string;
  /** The emulator behind the server, for state and test hooks. */
  readonly emulator: BatchEmulator;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

async function toRequest(message: IncomingMessage, fallbackHost: string): Promise<Request> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of message) chunks.push(chunk as Uint8Array);
  const headers = new Headers();
  for (let i = 0; i + 1 < message.rawHeaders.length; i += 2) {
    const name = message.rawHeaders[i]!;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, message.rawHeaders[i + 1]!);
  }
  const method = message.method ?? 'GET';
  const url = `http://${message.headers.host ?? fallbackHost}${message.url ?? '/'}`;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? new Blob(chunks as BlobPart[]) : null;
  return new Request(url, { method, headers, body });
}

async function writeResponse(response: Response, target: ServerResponse): Promise<void> {
  target.statusCode = response.status;
  response.headers.forEach((value, name) => {
    target.setHeader(name, value);
  });
  target.end(new Uint8Array(await response.arrayBuffer()));
}

async function serve(
  emulator: BatchEmulator,
  fallbackHost: string,
  message: IncomingMessage,
  target: ServerResponse,
): Promise<void> {
  try {
    const response = await emulator.handle(await toRequest(message, fallbackHost));
    await writeResponse(response, target);
  } catch (error) {
    if (error instanceof EmulatedNetworkError) {
      message.socket.destroy();
      return;
    }
    target.statusCode = 500;
    target.end();
  }
}

/**
 * Starts the emulator behind a `node:http` server on a loopback address.
 *
 * @param options - Where to listen (port 0 = any free port) and the emulator's options.
 * @returns The account URL, the emulator and `close()`.
 * @throws TypeError when `host` is not a loopback address.
 */
export async function startBatchEmulator(
  options: StartBatchEmulatorOptions = {},
): Promise<RunningBatchEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new TypeError(
      "The emulator listens on loopback only: use '127.0.0.1', '::1' or 'localhost'.",
    );
  }
  const emulator = options.emulator ?? createBatchEmulator(options);
  let fallbackHost = host;
  const server: Server = createServer((message, target) => {
    void serve(emulator, fallbackHost, message, target);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const urlHost = host === '::1' ? '[::1]' : host;
  fallbackHost = `${urlHost}:${port}`;
  return {
    url: `http://${fallbackHost}${emulator.pathPrefix}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
