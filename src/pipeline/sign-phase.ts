/**
 * The sign phase, after every user `perRetry` policy and right before the transport, once per
 * attempt: the request is framed for the wire (transport.ts), then
 * - Shared Key ({@link BatchSharedKeyCredential} or an `AzureNamedKeyCredential`): a fresh
 *   `ocp-date` (RFC 1123) unless a policy set one, and the signature over exactly the wire
 *   headers and URL — what is signed is what the transport sends;
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
 * The sign phase in front of `transport`.
 *
 * @param now - the clock for `ocp-date` and token expiry, in ms since the epoch
 * @throws TypeError when `credential` is none of the {@link BatchCredential} kinds
 */
export function createSignPhase(
  credential: BatchCredential,
  now: () => number,
  transport: Transport,
): SendRequest {
  const send = (request: PipelineRequest, headers: Record<string, string>, body?: string) =>
    transport(wireRequest(request, headers, body));
  if (isSharedKeyCredential(credential)) {
    const signerOf = sharedKeySignerOf(credential);
    return async (request) => {
      const signer = signerOf();
      const { headers, body } = frameRequest(request);
      headers['ocp-date'] ??= new Date(now()).toUTCString();
      const toSign = wireStringToSign(request.method, request.url, headers, signer.accountName);
      const signature = signer.hmacSha256Base64(toSign);
      headers.authorization = `SharedKey ${signer.accountName}:${
        typeof signature === 'string' ? signature : await signature
      }`;
      return send(request, headers, body);
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

function wireRequest(
  request: PipelineRequest,
  headers: Record<string, string>,
  body: string | undefined,
): WireRequest {
  return {
    method: request.method,
    url: request.url,
    headers,
    body,
    signal: request.abortSignal,
    streamResponseBody: request.streamResponseBody,
    attempts: request.attempts,
  };
}
