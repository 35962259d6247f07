/**
 * Shared Key signing of a request given as `{ method, url, headers }`: the public form of what the
 * client does on every attempt (`src/pipeline/sign-phase.ts` signs its wire headers directly).
 *
 * @module
 */
import { sharedKeyStringToSign } from './string-to-sign.js';

/**
 * The parts of an HTTP request that a Shared Key signature covers.
 *
 * `headers` must be the headers that will be on the wire (including `Content-Length` and
 * `ocp-date`); names are matched case-insensitively, values as they will be sent.
 */
export interface SignableRequest {
  /** The HTTP method, e.g. `POST`; signed in upper case. */
  readonly method: string;
  /** The absolute request URL, e.g. `https://acct.westus.batch.azure.com/certificates?api-version=…`. */
  readonly url: string;
  /** Request headers, names case-insensitive. Two names that differ only in case are rejected. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * What Shared Key signing needs from a credential: the account name and an HMAC-SHA256 over the
 * account key. `BatchSharedKeyCredential` keeps its signer private; tests and custom key stores can
 * provide their own.
 */
export interface SharedKeySigner {
  /** The Batch account name. */
  readonly accountName: string;
  /**
   * HMAC-SHA256 of the UTF-8 bytes of `message` with the account key, base64-encoded.
   *
   * @param message - The string to sign.
   */
  hmacSha256Base64(message: string): string | Promise<string>;
}

/**
 * Signs a request with Azure Batch Shared Key. Pure apart from the HMAC: the request is read, never
 * modified; stamp `ocp-date` (and every other header that will be sent) before calling, and sign
 * again on every retry attempt.
 *
 * @returns The full `Authorization` header value: `SharedKey <account>:<signature>`.
 * @throws TypeError when `request.url` is not absolute or a header name is given twice.
 */
export async function signSharedKey(
  request: SignableRequest,
  signer: SharedKeySigner,
): Promise<string> {
  const signature = await signer.hmacSha256Base64(
    sharedKeyStringToSign(request, signer.accountName),
  );
  return `SharedKey ${signer.accountName}:${signature}`;
}
