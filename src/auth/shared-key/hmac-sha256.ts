import { decodeBase64, encodeBase64 } from '../../util/base64.js';

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;
const utf8 = new TextEncoder();

/**
 * Imports raw key bytes as a non-extractable WebCrypto HMAC-SHA256 signing key
 * (`globalThis.crypto.subtle`: Node >= 20 and browsers).
 *
 * @param keyBytes - The raw key.
 * @returns A `CryptoKey` usable with {@link hmacSha256Base64WithKey}.
 */
export function importHmacSha256Key(keyBytes: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', keyBytes as BufferSource, HMAC_SHA256, false, [
    'sign',
  ]);
}

/**
 * HMAC-SHA256 of the UTF-8 bytes of `message` with an imported key, base64-encoded.
 *
 * @param key - A key from {@link importHmacSha256Key}.
 * @param message - The message; encoded as UTF-8.
 * @returns The base64 MAC (44 characters).
 */
export async function hmacSha256Base64WithKey(key: CryptoKey, message: string): Promise<string> {
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, utf8.encode(message));
  return encodeBase64(new Uint8Array(mac));
}

/**
 * HMAC-SHA256 of the UTF-8 bytes of `message` with a base64-encoded key, base64-encoded.
 * Imports the key on every call; callers that sign repeatedly should import once with
 * {@link importHmacSha256Key} (as `BatchSharedKeyCredential` does).
 *
 * @param keyBase64 - The key, base64-encoded (e.g. a Batch account key).
 * @param message - The message; encoded as UTF-8.
 * @returns The base64 MAC.
 * @throws TypeError when `keyBase64` is not base64 (the message does not include the key).
 */
export async function hmacSha256Base64(keyBase64: string, message: string): Promise<string> {
  return hmacSha256Base64WithKey(await importHmacSha256Key(decodeBase64(keyBase64)), message);
}
