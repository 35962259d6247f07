/**
 * HMAC-SHA256 of UTF-8 messages under one key, as base64 — the per-request cost of Shared Key.
 *
 * In Node it uses `node:crypto` (synchronous, about 1 µs), reached through
 * `process.getBuiltinModule` so the client entry keeps no `node:` import and still bundles for
 * browsers. Elsewhere it uses WebCrypto (`crypto.subtle`), importing the key once. WebCrypto in
 * Node runs each signature on the thread pool (about 35 µs of CPU plus a round trip), which the
 * benchmark showed as the largest cost of a request on top of `fetch`.
 */
import { hmacSha256Base64WithKey, importHmacSha256Key } from './hmac-sha256.js';

/** The part of `node:crypto` used here. */
export interface NodeCryptoLike {
  createHmac(
    algorithm: 'sha256',
    key: Uint8Array,
  ): { update(data: string, encoding: 'utf8'): { digest(encoding: 'base64'): string } };
}

export type HmacSigner = (message: string) => Promise<string>;

/** `node:crypto` when the platform offers it (Node >= 20.16), else `undefined`. */
export function platformNodeCrypto(): NodeCryptoLike | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto') as NodeCryptoLike | undefined;
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
    return async (message) =>
      nodeCrypto.createHmac('sha256', key).update(message, 'utf8').digest('base64');
  }
  let imported: Promise<CryptoKey> | undefined;
  return async (message) => {
    if (!imported) {
      const pending = importHmacSha256Key(keyBytes);
      imported = pending;
      // A failed import is not cached: the next signature tries again.
      pending.catch(() => {
        if (imported === pending) imported = undefined;
      });
    }
    return hmacSha256Base64WithKey(await imported, message);
  };
}
