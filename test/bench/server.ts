/**
 * The benchmark's stand-in for the Batch service, run in its own process so the client's
 * `process.cpuUsage()` counts only client work: `node test/bench/server.ts` listens on 127.0.0.1
 * (port 0), prints `{"port":<n>}` on one line, and answers
 * - `POST /certificates?api-version=…` with the fixture's body: 201, empty body, the service's
 *   headers (request-id, ETag, Last-Modified, DataServiceId, Location);
 * - `GET /certificates(thumbprintAlgorithm=sha1,thumbprint=<the fixture's>)?api-version=…`: 200
 *   with the service's JSON for the certificate (`fixtures.ts`), request-id, ETag, Last-Modified;
 * - both with `client-request-id` echoed when `return-client-request-id` is true;
 * - `GET /bench/stats` (unsigned): `{"verified":n,"refused":n}`, the signatures checked so far.
 *
 * Every other request gets the error a client would: 400 for an API version neither ours nor
 * `@azure/batch` 10.2.0's or another body, 404
 * for another path, and, for a signature that is missing, malformed, stale or not the server's
 * own HMAC of the request (`verify-shared-key.ts`), 401/403 with the service's
 * `AuthenticationFailed` error body. Every signature is verified; a client that signs wrongly
 * fails the run. The account key comes from `BENCH_ACCOUNT_KEY`. Exits when stdin closes (the
 * parent went away).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  ACCOUNT,
  API_VERSION,
  AZURE_BATCH_API_VERSION,
  accountKey,
  CERTIFICATE,
  CERTIFICATE_PATH,
  certificateResource,
  ETAG,
} from './fixtures.ts';
import { createSharedKeyVerifier } from './verify-shared-key.ts';

const verify = createSharedKeyVerifier(ACCOUNT, accountKey());
const stats = { verified: 0, refused: 0 };
const JSON_TYPE = 'application/json;odata=minimalmetadata';
const AUTHENTICATION_FAILED =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';
/** The get's body per `Host` (the resource's URL names the account URL). */
const getBodies = new Map<string, Buffer>();

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string | Buffer,
): void {
  const all: Record<string, string> = { 'request-id': randomUUID(), ...headers };
  const clientRequestId = req.headers['client-request-id'];
  if (req.headers['return-client-request-id'] === 'true' && typeof clientRequestId === 'string') {
    all['client-request-id'] = clientRequestId;
  }
  all['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
  if (body !== undefined) all['content-type'] = JSON_TYPE;
  res.writeHead(status, all).end(body);
}

/** An error answer with the service's error body (`code`, `message`, `values`). */
function error(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  detail: string,
): void {
  const body = JSON.stringify({
    'odata.metadata': `http://${req.headers.host}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
    code,
    message: { lang: 'en-US', value: message },
    values: [
      {
        key: code === 'AuthenticationFailed' ? 'AuthenticationErrorDetail' : 'Reason',
        value: detail,
      },
    ],
  });
  send(req, res, status, {}, body);
}

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  if (req.method === 'GET' && path === '/bench/stats') {
    send(req, res, 200, {}, JSON.stringify(stats));
    return;
  }
  const verdict = verify(req.method ?? '', raw, req.headers);
  if (!verdict.ok) {
    stats.refused++;
    if (stats.refused <= 3)
      console.error(`bench server refused ${req.method} ${raw}: ${verdict.reason}`);
    error(req, res, verdict.status, 'AuthenticationFailed', AUTHENTICATION_FAILED, verdict.reason);
    return;
  }
  stats.verified++;
  const apiVersion = query.get('api-version');
  if (apiVersion !== API_VERSION && apiVersion !== AZURE_BATCH_API_VERSION) {
    error(
      req,
      res,
      400,
      'InvalidQueryParameterValue',
      'Value for one of the query parameters specified in the request URI is invalid.',
      `api-version ${apiVersion} is neither ${API_VERSION} nor ${AZURE_BATCH_API_VERSION}`,
    );
    return;
  }
  const host = req.headers.host ?? '127.0.0.1';
  const resource = `http://${host}${CERTIFICATE_PATH}`;
  const headers = { etag: ETAG, 'last-modified': new Date().toUTCString() };
  if (req.method === 'POST' && path === '/certificates') {
    if (!isTheCertificate(body)) {
      error(
        req,
        res,
        400,
        'InvalidRequestBody',
        'The specified Request Body is not syntactically valid.',
        "the body is not the benchmark's certificate",
      );
      return;
    }
    send(req, res, 201, { ...headers, dataserviceid: resource, location: resource });
    return;
  }
  if (req.method === 'GET' && path === CERTIFICATE_PATH) {
    let json = getBodies.get(host);
    if (!json) {
      json = Buffer.from(JSON.stringify(certificateResource(`http://${host}`)));
      getBodies.set(host, json);
    }
    send(req, res, 200, { ...headers, dataserviceversion: '3.0' }, json);
    return;
  }
  error(
    req,
    res,
    404,
    'ResourceNotFound',
    'The specified resource does not exist.',
    `no ${req.method} ${path} in the benchmark`,
  );
}

function isTheCertificate(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return (
      parsed.thumbprint === CERTIFICATE.thumbprint &&
      parsed.thumbprintAlgorithm === CERTIFICATE.thumbprintAlgorithm &&
      parsed.data === CERTIFICATE.data &&
      parsed.certificateFormat === CERTIFICATE.certificateFormat
    );
  } catch {
    return false;
  }
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
