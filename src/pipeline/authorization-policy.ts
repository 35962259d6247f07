/**
 * The per-attempt policy that authorizes the request, after every user `perRetry` policy (so what
 * they set is signed):
 * - Shared Key: stamps a fresh `ocp-date` (RFC 1123) unless the caller gave one, then signs the
 *   exact request — method, URL, the headers as they are now, and the `Content-Length` fetch will
 *   send — into `authorization`;
 * - a `TokenCredential`: `authorization: Bearer <token>` (scope `BATCH_TOKEN_SCOPE`), the token
 *   reused until near expiry and waited for under the attempt's signal.
 *
 * @module
 */
import {
  BatchSharedKeyCredential,
  SHARED_KEY_CREDENTIAL_BRAND,
} from '../auth/batch-shared-key-credential.js';
import { createBearerTokenProvider } from '../auth/batch-token-provider.js';
import { isTokenCredential, type TokenCredential } from '../auth/token-credential.js';
import { utf8Length } from '../util/utf8-length.js';
import type { PipelinePolicy, PipelineRequest } from './pipeline-policy.js';

/** A credential the client accepts. */
export type BatchCredential = BatchSharedKeyCredential | TokenCredential;

const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * @throws TypeError when `credential` is neither a {@link BatchSharedKeyCredential} nor a
 *   `TokenCredential`
 */
export function authorizationPolicy(
  credential: BatchCredential,
  now: () => number,
): PipelinePolicy {
  if (credential instanceof BatchSharedKeyCredential || isSharedKeyLike(credential)) {
    const sharedKey = credential as BatchSharedKeyCredential;
    return {
      name: 'sharedKeyAuthorization',
      async sendRequest(request, next) {
        // A copy: the policies before this one never see the signature or the stamp they did
        // not set (they may look at their request after next() returns).
        const signed = { ...request, headers: new Headers(request.headers) };
        if (!signed.headers.has('ocp-date')) {
          signed.headers.set('ocp-date', new Date(now()).toUTCString());
        }
        const authorization = await sharedKey.signRequest({
          method: signed.method,
          url: signed.url,
          headers: signedHeaders(signed),
        });
        signed.headers.set('authorization', authorization);
        return next(signed);
      },
    };
  }
  if (isTokenCredential(credential)) {
    const getToken = createBearerTokenProvider(credential, { now });
    return {
      name: 'bearerTokenAuthorization',
      async sendRequest(request, next) {
        const token = await getToken(request.abortSignal);
        // A copy, so no policy before this one can read the token from its request.
        const authorized = { ...request, headers: new Headers(request.headers) };
        authorized.headers.set('authorization', `Bearer ${token}`);
        return next(authorized);
      },
    };
  }
  throw new TypeError(
    'credential must be a BatchSharedKeyCredential or a TokenCredential (an object with getToken(scopes, options))',
  );
}

/**
 * A `BatchSharedKeyCredential` from another copy of this package (duplicated installs), told by
 * its brand: a look-alike such as `@azure/batch`'s `BatchSharedKeyCredentials` (whose
 * `signRequest` takes a different request type) gets the documented TypeError instead.
 */
function isSharedKeyLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[SHARED_KEY_CREDENTIAL_BRAND] === true
  );
}

/**
 * The headers as they go on the wire. The signature covers Content-Length, which `fetch` sets
 * itself: sign the value it will send (the body's UTF-8 byte length; `0` for a body-less POST,
 * PUT or PATCH, as undici sends — checked against a real server; absent otherwise).
 */
function signedHeaders(request: PipelineRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (request.body !== undefined) headers['content-length'] = String(utf8Length(request.body));
  else if (PAYLOAD_METHODS.has(request.method)) headers['content-length'] = '0';
  return headers;
}
