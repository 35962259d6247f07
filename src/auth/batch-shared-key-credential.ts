import { decodeBase64, isBase64 } from '../util/base64.js';
import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from './batch-account-name.js';
import { createHmacSigner } from './shared-key/hmac-signer.js';
import { type SharedKeySigner, signSharedKey } from './shared-key/sign-request.js';
import type { SignableRequest } from './shared-key/signable-request.js';

/** `Symbol.for` so the brand is the same in every copy of the package. */
export const SHARED_KEY_CREDENTIAL_BRAND: unique symbol = Symbol.for(
  'batch-rest-client.BatchSharedKeyCredential',
);

/**
 * An Azure Batch account name and account key, for Shared Key authentication.
 *
 * The key lives only in a private field: `JSON.stringify`, `util.inspect`/`console.log` and error
 * messages show the account name, never the key. Signatures use `node:crypto` in Node and
 * WebCrypto elsewhere (see `hmac-signer.ts`).
 *
 * @example
 * ```ts
 * const credential = new BatchSharedKeyCredential('myaccount', process.env.BATCH_KEY!);
 * const authorization = await credential.signRequest({ method: 'GET', url, headers });
 * ```
 */
export class BatchSharedKeyCredential {
  /** The Batch account name (signed as `/<accountName>/…` and sent as `SharedKey <accountName>:…`). */
  readonly accountName: string;
  readonly #signer: SharedKeySigner;

  /**
   * @param accountName - The Batch account name, e.g. `myaccount`.
   * @param accountKeyBase64 - The account key as shown by Azure (base64).
   * @throws TypeError when the name is not 1 to 24 letters and digits (see `batch-account-name.ts`),
   *   or when the key is not base64. Neither message includes the value: a name and key given in
   *   the wrong order would otherwise print the key.
   */
  constructor(accountName: string, accountKeyBase64: string) {
    if (!isBatchAccountName(accountName)) {
      throw new TypeError(
        `BatchSharedKeyCredential: accountName must be a Batch account name, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown).`,
      );
    }
    if (typeof accountKeyBase64 !== 'string' || !isBase64(accountKeyBase64)) {
      throw new TypeError(
        'BatchSharedKeyCredential: accountKeyBase64 must be a non-empty, padded base64 string (the key is not shown).',
      );
    }
    this.accountName = accountName;
    this.#signer = {
      accountName,
      hmacSha256Base64: createHmacSigner(decodeBase64(accountKeyBase64)),
    };
  }

  /**
   * Signs a request with Shared Key. The request is not modified.
   *
   * @param request - Method, absolute URL and the headers that will be sent (stamp `ocp-date`
   *   and `Content-Length` first).
   * @returns The `Authorization` header value: `SharedKey <account>:<signature>`.
   */
  signRequest(request: SignableRequest): Promise<string> {
    return signSharedKey(request, this.#signer);
  }

  /** Brand checked by the client, so a copy of this class from a duplicated install still works. */
  readonly [SHARED_KEY_CREDENTIAL_BRAND] = true;

  /** JSON form without the key: `{ "accountName": "…" }`. */
  toJSON(): { accountName: string } {
    return { accountName: this.accountName };
  }

  /** `util.inspect` / `console.log` form without the key. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `BatchSharedKeyCredential { accountName: ${JSON.stringify(this.accountName)} }`;
  }
}
