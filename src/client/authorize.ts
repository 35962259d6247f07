/**
 * Turns the caller's credential into the per-attempt step "stamp and sign": Shared Key signs the
 * exact request (so it runs after `ocp-date` is stamped, on every attempt); a `TokenCredential`
 * yields a bearer token, reused until near expiry.
 */
import {
  BatchSharedKeyCredential,
  SHARED_KEY_CREDENTIAL_BRAND,
} from '../auth/batch-shared-key-credential.js';
import { createBearerTokenProvider } from '../auth/batch-token-provider.js';
import { isTokenCredential, type TokenCredential } from '../auth/token-credential.js';
import { utf8Length } from '../util/utf8-length.js';
import type { WireRequest } from './wire-request.js';

/** A credential the client accepts. */
export type BatchCredential = BatchSharedKeyCredential | TokenCredential;

/**
 * Returns the headers one attempt adds: `authorization`, and for Shared Key a fresh `ocp-date`
 * (unless the caller set one) since the signature covers it.
 */
export type Authorizer = (
  request: WireRequest,
  abortSignal?: AbortSignal,
) => Promise<Record<string, string>>;

export function createAuthorizer(credential: BatchCredential, now: () => number): Authorizer {
  if (credential instanceof BatchSharedKeyCredential || isSharedKeyLike(credential)) {
    const sharedKey = credential as BatchSharedKeyCredential;
    return async (request) => {
      const stamped: Record<string, string> = {};
      if (request.headers['ocp-date'] === undefined) {
        stamped['ocp-date'] = new Date(now()).toUTCString();
      }
      const authorization = await sharedKey.signRequest({
        method: request.method,
        url: request.url,
        headers: withContentLength({ ...request.headers, ...stamped }, request),
      });
      return { ...stamped, authorization };
    };
  }
  if (isTokenCredential(credential)) {
    const getToken = createBearerTokenProvider(credential, { now });
    return async (_request, abortSignal) => ({
      authorization: `Bearer ${await getToken(abortSignal)}`,
    });
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

const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The signature covers Content-Length, which `fetch` sets itself: sign the value it will send
 * (the body's byte length; `0` for a body-less POST, PUT or PATCH, as undici sends —
 * checked against a real server; absent otherwise).
 */
function withContentLength(
  headers: Record<string, string>,
  request: WireRequest,
): Record<string, string> {
  if (request.body !== undefined) {
    return {
      ...headers,
      'content-length': String(request.bodyByteLength ?? utf8Length(request.body)),
    };
  }
  return PAYLOAD_METHODS.has(request.method) ? { ...headers, 'content-length': '0' } : headers;
}
