/**
 * The sign phase, after every user `perRetry` policy and right before the transport, once per
 * attempt: the request is framed for the wire (transport.ts), then
 * - Shared Key ({@link BatchSharedKeyCredential} or an `AzureNamedKeyCredential`): a fresh
 *   `ocp-date` (RFC 1123) unless a policy set one, and the signature over exactly the wire
 *   headers and URL — what is signed is what the transport sends. The one thing a `fetch` runtime
 *   frames its own way is the `Content-Length` of a request with an empty body (Bun and workerd
 *   send `0` on a body-less DELETE, the Fetch standard none; transport.ts). When the
 *   service refuses such a request (`403 AuthenticationFailed`) and its answer shows the string it
 *   signed with the other `Content-Length`, the request is signed that way and sent once more —
 *   an authentication failure changed nothing — and it is kept for that method, for every client
 *   sending through the same `fetch` (the runtime's framing is the runtime's, not a client's): the
 *   signature then covers what this runtime sends, learned from what arrived. Not by
 *   construction: no request shape makes undici (none) and Bun/workerd (`0`) frame alike. A
 *   gateway that rewrites the service's 403 body hides the string it signed with, and such a
 *   DELETE then stays refused on those runtimes;
 * - a `TokenCredential`: `authorization: Bearer <token>` for the Batch scope, the token reused
 *   and refreshed by `createBearerTokenProvider`.
 * The signature and the stamp go into the wire headers only: no policy ever sees them.
 *
 * @module
 */
import {
  type BatchSharedKeyCredential,
  isSharedKeyCredential,
  type NamedKeyCredential,
  sharedKeySignerOf,
} from '../auth/batch-shared-key-credential.js';
import { createBearerTokenProvider } from '../auth/batch-token-provider.js';
import { wireStringToSign } from '../auth/shared-key/string-to-sign.js';
import { isTokenCredential, type TokenCredential } from '../auth/token-credential.js';
import { isBufferedResponse } from './buffered-response.js';
import type { PipelineRequest, SendRequest } from './pipeline-policy.js';
import { frameRequest, type Transport, type WireRequest } from './transport.js';

/**
 * A credential the client accepts: a {@link BatchSharedKeyCredential}, an
 * `AzureNamedKeyCredential` from `@azure/core-auth` (`{ name, key }`: the account name and key,
 * read on every request, so `update()` rotates the key for the next one), or a `TokenCredential`
 * such as `DefaultAzureCredential` from `@azure/identity`.
 */
export type BatchCredential = BatchSharedKeyCredential | NamedKeyCredential | TokenCredential;

/**
 * `Content-Length` of a request with an empty body, by method, as a sender puts it on the wire
 * (`''`: none), where the service showed it differs from the framing rule; by sender (the
 * caller's `fetch`, or the platform's), so a worker that makes a client per request learns once.
 */
const learnedEmptyBodyLength = new WeakMap<object, Map<string, string>>();

/**
 * The sign phase in front of `transport`.
 *
 * @param now - the clock for `ocp-date` and token expiry, in ms since the epoch
 * @param sender - what frames the requests on the wire (the `fetch` given, or a constant for the
 *   platform's): clients with the same sender share what is learned of its framing
 * @throws TypeError when `credential` is none of the {@link BatchCredential} kinds
 */
export function createSignPhase(
  credential: BatchCredential,
  now: () => number,
  transport: Transport,
  sender: object = transport,
): SendRequest {
  const send = (
    request: PipelineRequest,
    headers: Record<string, string>,
    body: string | undefined,
    parsedUrl?: URL,
  ) => transport(wireRequest(request, headers, body, parsedUrl));
  if (isSharedKeyCredential(credential)) {
    const signerOf = sharedKeySignerOf(credential);
    signerOf(); // a bad name or key fails when the client is made, not on the first call
    let emptyBodyLength = learnedEmptyBodyLength.get(sender);
    if (!emptyBodyLength) {
      emptyBodyLength = new Map<string, string>();
      learnedEmptyBodyLength.set(sender, emptyBodyLength);
    }
    const learned = emptyBodyLength;
    const signAndSend = async (request: PipelineRequest, contentLength: string | undefined) => {
      const signer = signerOf();
      const { headers, body } = frameRequest(request);
      if (!body && contentLength === '') delete headers['content-length'];
      else if (!body && contentLength !== undefined) headers['content-length'] = contentLength;
      headers['ocp-date'] ??= new Date(now()).toUTCString();
      const url = parseUrl(request.url);
      const toSign = wireStringToSign(request.method, url, headers, signer.accountName);
      const signature = signer.hmacSha256Base64(toSign);
      headers.authorization = `SharedKey ${signer.accountName}:${
        typeof signature === 'string' ? signature : await signature
      }`;
      // Read before sending: the transport owns the record from then on.
      const signed = headers['content-length'] ?? '';
      return { response: await send(request, headers, body, url), signed, empty: !body };
    };
    return async (request) => {
      const first = await signAndSend(request, learned.get(request.method));
      if (!first.empty || first.response.status !== 403) return first.response;
      const seen = serverContentLength(first.response);
      if (seen === undefined || seen === first.signed) return first.response;
      const again = await signAndSend(request, seen);
      if (again.response.status !== 403) learned.set(request.method, seen);
      return again.response;
    };
  }
  if (isTokenCredential(credential)) {
    const getToken = createBearerTokenProvider(credential, { now });
    return async (request) => {
      const token = await getToken(request.abortSignal);
      const { headers, body } = frameRequest(request);
      headers.authorization = `Bearer ${token}`;
      return send(request, headers, body);
    };
  }
  throw new TypeError(
    'credential must be a BatchSharedKeyCredential, an AzureNamedKeyCredential ({ name, key }) or a TokenCredential (an object with getToken(scopes, options))',
  );
}

/**
 * The `Content-Length` line of the string the service signed with, from a `403
 * AuthenticationFailed` answer whose `AuthenticationErrorDetail` shows it (`Server used following
 * string to sign: '…'`, as the Batch service and the emulator answer), when it is empty or `0`;
 * otherwise `undefined`.
 */
function serverContentLength(response: Response): string | undefined {
  if (!isBufferedResponse(response)) return undefined;
  let detail: unknown;
  try {
    const error = JSON.parse(response.bodyText) as {
      values?: { key?: unknown; value?: unknown }[];
    };
    detail = error.values?.find((v) => v.key === 'AuthenticationErrorDetail')?.value;
  } catch {
    return undefined;
  }
  const signed = typeof detail === 'string' ? SERVER_STRING_TO_SIGN.exec(detail)?.[1] : undefined;
  const line = signed?.split('\n')[3];
  return line === '' || line === '0' ? line : undefined;
}

const SERVER_STRING_TO_SIGN = /Server used following string to sign: '([\s\S]*)'/;

/** The request's URL, parsed once for the signature and the transport. */
function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new TypeError('request.url must be an absolute URL.');
  }
}

function wireRequest(
  request: PipelineRequest,
  headers: Record<string, string>,
  body: string | undefined,
  parsedUrl: URL | undefined,
): WireRequest {
  return {
    method: request.method,
    url: request.url,
    parsedUrl,
    headers,
    body,
    signal: request.abortSignal,
    streamResponseBody: request.streamResponseBody,
    attempts: request.attempts,
  };
}
