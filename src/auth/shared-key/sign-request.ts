import type { SignableRequest } from './signable-request.js';
import { sharedKeyStringToSign } from './string-to-sign.js';

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
  hmacSha256Base64(message: string): Promise<string>;
}

/**
 * Signs a request with Azure Batch Shared Key.
 *
 * Pure apart from the HMAC: the request is read, never modified; stamp `ocp-date` (and every other
 * header that will be sent) before calling, and sign again on every retry attempt.
 *
 * @param request - Method, absolute URL and wire headers of the request.
 * @param signer - The account name and HMAC over the account key.
 * @returns The full `Authorization` header value: `SharedKey <account>:<signature>`.
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
