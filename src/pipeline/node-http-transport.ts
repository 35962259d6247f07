/**
 * The transport on Node's own `node:http` / `node:https`, used in Node when the caller gives no
 * `fetch` — as `@azure/core-rest-pipeline` sends in Node (its `nodeHttpClient`), because undici's
 * `fetch` costs several times the CPU of the platform module for the same request.
 *
 * - One keep-alive agent per protocol per client, made on first use, with Node's own defaults
 *   for its global agent (`keepAlive`, 5 s idle timeout). Idle sockets are unreferenced by Node,
 *   so a settled call never keeps the process alive.
 * - The headers are sent exactly as signed, `content-length` included (see transport.ts).
 * - The attempt's signal destroys the request: the per-attempt timeout and the caller's abort
 *   work as on the `fetch` path, with the signal's reason as the error. A failure before the
 *   answer is "no answer" (retried); once the answer has come, a failure is the body's
 *   (`AnswerBodyError`), as `fetch` reports it.
 * - The answer is read to the end and handed on as a `BufferedResponse` (UTF-8, a byte order mark
 *   dropped, as `Response.text()` does); a `gzip`, `deflate` or `br` body (the client asks for
 *   none, a proxy may send one) is decoded, with undici's flushing rules. A streamed download's
 *   success is handed on as a web `ReadableStream`, which the caller's abort still ends.
 * - The modules are reached through `process.getBuiltinModule`, so a browser bundle of the client
 *   never sees a `node:` import.
 *
 * @module
 */
import type * as NodeHttp from 'node:http';
import type * as NodeHttps from 'node:https';
import type * as NodeStream from 'node:stream';
import type * as NodeZlib from 'node:zlib';
import { AnswerBodyError, bufferedResponse } from './buffered-response.js';
import type { Transport } from './transport.js';

interface NodeModules {
  readonly http: typeof NodeHttp;
  readonly https: typeof NodeHttps;
  readonly stream: typeof NodeStream;
  readonly zlib: typeof NodeZlib;
}

type BuiltinLoader = (id: string) => unknown;

/**
 * Node's modules when this is Node itself, else `undefined`. Bun, Deno and workerd keep the
 * `fetch` path: each offers a `node:http` of its own, built on its `fetch` (workerd's gives an
 * answer without its headers), so Node is recognised positively: `process.versions.node`, no
 * `bun` or `deno` version, and a `navigator.userAgent` (Node 21+) that is Node's.
 */
export function nodeHttpModules(
  proc: NodeProcessLike | undefined = (globalThis as { process?: NodeProcessLike }).process,
  navigator: { userAgent?: unknown } | undefined = (
    globalThis as { navigator?: { userAgent?: unknown } }
  ).navigator,
): NodeModules | undefined {
  const versions = proc?.versions;
  if (typeof versions?.node !== 'string' || versions.bun || versions.deno) return undefined;
  const agent = navigator?.userAgent;
  if (agent !== undefined && !(typeof agent === 'string' && agent.startsWith('Node.js/'))) {
    return undefined;
  }
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  const load: BuiltinLoader = (id) => proc.getBuiltinModule!(id);
  try {
    const modules = {
      http: load('node:http') as typeof NodeHttp,
      https: load('node:https') as typeof NodeHttps,
      stream: load('node:stream') as typeof NodeStream,
      zlib: load('node:zlib') as typeof NodeZlib,
    };
    // A module is an object (node:stream's is its Stream function); a hidden one is undefined.
    return Object.values(modules).every((m) => m !== undefined && m !== null) ? modules : undefined;
  } catch {
    return undefined;
  }
}

export interface NodeProcessLike {
  versions?: { node?: string; bun?: string; deno?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/** Node's defaults for its global agent (Node 19+): keep-alive, sockets idle 5 s are closed. */
const AGENT_OPTIONS = { keepAlive: true, timeout: 5_000 } as const;

/**
 * The transport on Node's `node:http`/`node:https`, with its own keep-alive agents.
 *
 * @param modules - Node's modules, from {@link nodeHttpModules}
 */
export function createNodeHttpTransport(modules: NodeModules): Transport {
  let httpAgent: NodeHttp.Agent | undefined;
  let httpsAgent: NodeHttps.Agent | undefined;
  const agentFor = (protocol: string): NodeHttp.Agent => {
    if (protocol === 'https:') {
      httpsAgent ??= new modules.https.Agent(AGENT_OPTIONS);
      return httpsAgent;
    }
    httpAgent ??= new modules.http.Agent(AGENT_OPTIONS);
    return httpAgent;
  };
  return (request) =>
    new Promise<Response>((resolve, reject) => {
      const { signal, attempts } = request;
      if (signal?.aborted) {
        attempts.transportError = signal.reason;
        reject(signal.reason);
        return;
      }
      const url = request.parsedUrl ?? new URL(request.url);
      const module = url.protocol === 'https:' ? modules.https : modules.http;
      // Built before anything is sent: a header Node refuses is the caller's own mistake. Plain
      // options rather than the URL object, which Node would convert again.
      const req = module.request({
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        agent: agentFor(url.protocol),
      });
      let settled = false;
      let answered = false;
      const onAbort = (): void => {
        req.destroy(signal?.reason);
      };
      const finish = (): void => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
      };
      // Before an answer: no answer came (refused, reset, timed out, aborted). After one, a
      // failure belongs to the body being read (an AnswerBodyError, below): the request was
      // answered, and is retried only where its status would be.
      const fail = (error: unknown): void => {
        if (settled || answered) return;
        finish();
        attempts.transportError = error;
        reject(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.on('response', (res) => {
        answered = true;
        // The header pairs go straight into the Response (one Headers, not one copied into
        // another); a value `Headers` refuses leaves no usable answer, as a network failure.
        const headers = headerPairs(res.rawHeaders);
        const init = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers };
        const failBody = (error: unknown): void => {
          if (settled) return;
          finish();
          reject(new AnswerBodyError(init.status, headersOrNone(headers), { cause: error }));
        };
        if (request.streamResponseBody && init.status >= 200 && init.status < 300) {
          let response: Response;
          try {
            const body = modules.stream.Readable.toWeb(decoded(res, request.method, modules));
            response = new Response(body as ReadableStream, init);
          } catch (error) {
            req.destroy();
            failBody(error);
            return;
          }
          // The body streams on: the caller's abort (through the attempt's signal) still ends
          // it, until the message closes.
          settled = true;
          res.once('close', () => signal?.removeEventListener('abort', onAbort));
          resolve(response);
          return;
        }
        readBody(res, request.method, modules).then((text) => {
          if (settled) return;
          let response: Response;
          try {
            response = bufferedResponse(text, init);
          } catch (error) {
            failBody(error);
            return;
          }
          finish();
          resolve(response);
        }, failBody);
      });
      req.end(request.body);
    });
}

/** The pairs as `Headers`, or none when `Headers` refuses one (the answer is broken anyway). */
function headersOrNone(pairs: [string, string][]): Headers {
  try {
    return new Headers(pairs);
  } catch {
    return new Headers();
  }
}

/** The response's headers as name-value pairs, repeated names kept (as `fetch` gives them). */
function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/**
 * The body, decoded from its `content-encoding` when there is one, through `stream.pipeline`, so
 * a connection that breaks mid-body fails the decoded stream too. The decoders flush as undici's
 * do (an empty or trailer-less gzip body decodes to what arrived, as `fetch` gives it).
 */
function decoded(
  res: NodeHttp.IncomingMessage,
  method: string,
  modules: NodeModules,
): NodeStream.Readable {
  // HEAD answers and 204/304 have no body to decode, whatever content-encoding says.
  if (method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return res;
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const { zlib } = modules;
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let decoder: NodeStream.Transform | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') decoder = zlib.createGunzip(flush);
  else if (encoding === 'deflate') decoder = zlib.createInflate(flush);
  else if (encoding === 'br') {
    decoder = zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    });
  }
  if (!decoder) return res;
  return modules.stream.pipeline(res, decoder, () => {});
}

/**
 * The whole body as UTF-8 text (a byte order mark dropped, as `Response.text()` drops it); fails
 * when the connection breaks or decoding fails. Resolves once the body has ended and the message
 * is closed, when Node has handed the socket back to the agent, so the next request of a
 * sequence reuses it instead of opening a connection.
 */
function readBody(
  res: NodeHttp.IncomingMessage,
  method: string,
  modules: NodeModules,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const stream = decoded(res, method, modules);
    const chunks: Buffer[] = [];
    let text: string | undefined;
    let closed = false;
    const settle = () => {
      if (text !== undefined && closed) resolve(text);
    };
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      text = utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      settle();
    });
    res.on('close', () => {
      closed = true;
      if (!res.complete) reject(new Error('the connection closed before the whole answer arrived'));
      else settle();
    });
  });
}

const utf8 = new TextDecoder();
