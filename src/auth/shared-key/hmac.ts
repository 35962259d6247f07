/**
 * HMAC-SHA256 of UTF-8 messages under one key, as base64 — the per-request cost of Shared Key.
 *
 * In Node (and runtimes that offer `node:crypto` the same way) it is `crypto.createHmac`,
 * synchronous, about 1.6 µs per signature; it is reached through `process.getBuiltinModule`, so
 * the client entry has no `node:` import and still bundles for browsers. Elsewhere it is WebCrypto
 * (`crypto.subtle`, the key imported once), which is asynchronous and, measured in Node 24, about
 * 40 µs of CPU per signature: the reason for the two paths.
 *
 * @module
 */
import { decodeBase64, encodeBase64 } from '../../util/base64.js';

/** The part of `node:crypto` used here. */
export interface NodeCryptoLike {
  createHmac(
    algorithm: 'sha256',
    key: Uint8Array,
  ): { update(data: string, encoding: 'utf8'): { digest(encoding: 'base64'): string } };
}

/**
 * HMAC-SHA256 of a message as base64: a string at once where the platform signs synchronously
 * (`node:crypto`), a promise otherwise (WebCrypto).
 */
export type HmacSigner = (message: string) => string | Promise<string>;

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;
const utf8 = new TextEncoder();

/** `node:crypto` when the platform offers it (Node >= 20.16, Bun, Deno), else `undefined`. */
export function platformNodeCrypto(): NodeCryptoLike | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  let crypto: NodeCryptoLike | undefined;
  try {
    crypto = proc?.getBuiltinModule?.('node:crypto') as NodeCryptoLike | undefined;
  } catch {
    return undefined; // a runtime that lists getBuiltinModule but refuses the module
  }
  return typeof crypto?.createHmac === 'function' ? crypto : undefined;
}

/**
 * A signer over `keyBytes` (kept in the closure only). `nodeCrypto: undefined` forces WebCrypto.
 */
export function createHmacSigner(
  keyBytes: Uint8Array,
  nodeCrypto: NodeCryptoLike | undefined = platformNodeCrypto(),
): HmacSigner {
  if (nodeCrypto) {
    const key = keyBytes.slice();
    return (message) =>
      nodeCrypto.createHmac('sha256', key).update(message, 'utf8').digest('base64');
  }
  let imported: Promise<CryptoKey> | undefined;
  return async (message) => {
    if (!imported) {
      const pending = globalThis.crypto.subtle.importKey(
        'raw',
        keyBytes as BufferSource,
        HMAC_SHA256,
        false,
        ['sign'],
      );
      imported = pending;
      // A failed import is not cached: the next signature tries again.
      pending.catch(() => {
        if (imported === pending) imported = undefined;
      });
    }
    const mac = await globalThis.crypto.subtle.sign('HMAC', await imported, utf8.encode(message));
    return encodeBase64(new Uint8Array(mac));
  };
}

/**
 * HMAC-SHA256 of the UTF-8 bytes of `message` with a base64-encoded key, base64-encoded, through
 * WebCrypto (an independent path from the client's, for tests and one-off signatures).
 *
 * @throws TypeError when `keyBase64` is not base64 (the message does not include the key).
 */
export async function hmacSha256Base64(keyBase64: string, message: string): Promise<string> {
  return createHmacSigner(decodeBase64(keyBase64), undefined)(message);
}
