/**
 * The page's origin for `npm run test:browser`: serves the page, its bundle, the certificate and
 * the account to use, and hands every other request to the emulator core after recording it
 * exactly as it arrived on the wire (method, URL, headers as sent by Chromium, body bytes).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as Chromium sent it. */
export interface WireRecord {
  method: string;
  href: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}

/** Files the server serves as they are: path → content type and body. */
export type StaticFiles = Record<string, { type: string; body: string }>;

type Handle = (request: Request) => Promise<Response>;

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function wireHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < message.rawHeaders.length; i += 2) {
    headers[(message.rawHeaders[i] as string).toLowerCase()] = message.rawHeaders[i + 1] as string;
  }
  return headers;
}

/** Starts the server on 127.0.0.1 (a secure context, so WebCrypto is available to the page). */
export async function startTestServer(files: StaticFiles, handle: Handle) {
  const records: WireRecord[] = [];
  const server: Server = createServer((message, response) => {
    const origin = `http://${message.headers.host}`;
    const href = new URL(message.url ?? '/', origin).href;
    const file = files[new URL(href).pathname];
    if (new URL(href).pathname === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    if (file && message.method === 'GET') {
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
      response.end(file.body);
      return;
    }
    void (async () => {
      const body = await readBody(message);
      const headers = wireHeaders(message);
      const method = message.method ?? 'GET';
      const init: RequestInit = { method, headers };
      if (body.length > 0) init.body = new Uint8Array(body);
      const answer = await handle(new Request(href, init));
      records.push({ method, href, headers, body: body.toString('utf8'), status: answer.status });
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    records,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
