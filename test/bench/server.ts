/**
 * The benchmark's stand-in for the Batch service, run in its own process so the client's
 * `process.cpuUsage()` counts only client work: `node test/bench/server.ts` listens on 127.0.0.1
 * (port 0), prints `{"port":<n>}` on one line, and answers `POST /certificates` with 201, an empty
 * body and the service's headers (request-id, ETag, Last-Modified, DataServiceId, Location, and
 * client-request-id when return-client-request-id is true). A request without a well-formed
 * `SharedKey <account>:<signature>` header gets 401, so a client that stopped signing fails the
 * run instead of looking fast. Exits when stdin closes (the parent went away).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const ACCOUNT = process.env.BENCH_ACCOUNT ?? 'benchaccount';
const AUTHORIZATION = new RegExp(`^SharedKey ${ACCOUNT}:[A-Za-z0-9+/]{43}=$`);
const ETAG = '0x8DCBENCH0000000';

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'POST' || url.pathname !== '/certificates') {
    res.writeHead(404, { 'content-length': '0' }).end();
    return;
  }
  if (!AUTHORIZATION.test(String(req.headers.authorization))) {
    res.writeHead(401, { 'content-length': '0' }).end();
    return;
  }
  let thumbprint = 'unknown';
  try {
    thumbprint = String((JSON.parse(body) as { thumbprint?: unknown }).thumbprint).toLowerCase();
  } catch {
    res.writeHead(400, { 'content-length': '0' }).end();
    return;
  }
  const resource = `http://${req.headers.host}/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprint})`;
  const headers: Record<string, string> = {
    'request-id': randomUUID(),
    etag: ETAG,
    'last-modified': new Date().toUTCString(),
    dataserviceid: resource,
    location: resource,
    'content-length': '0',
  };
  const clientRequestId = req.headers['client-request-id'];
  if (req.headers['return-client-request-id'] === 'true' && typeof clientRequestId === 'string') {
    headers['client-request-id'] = clientRequestId;
  }
  res.writeHead(201, headers).end();
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  server.closeAllConnections();
});
