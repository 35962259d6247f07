/**
 * Shared Key credentials: this package's {@link BatchSharedKeyCredential}, and any
 * `AzureNamedKeyCredential` from `@azure/core-auth` (`{ name, key }`, rotated with `update`),
 * each turned into the {@link SharedKeySigner} the client signs every attempt with.
 *
 * @module
 */
import { decodeBase64, isBase64 } from '../util/base64.js';
import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from './batch-account-name.js';
import { createHmacSigner } from './shared-key/hmac.js';
import {
  type SharedKeySigner,
  type SignableRequest,
  signSharedKey,
} from './shared-key/sign-request.js';

/** `Symbol.for` so the brand is the same in every copy of the package. */
export const SHARED_KEY_CREDENTIAL_BRAND: unique symbol = Symbol.for(
  'batch-rest-client.BatchSharedKeyCredential',
);
/** The credential's signer, for the client's signing phase (same in every copy of the package). */
export const SHARED_KEY_SIGNER: unique symbol = Symbol.for('batch-rest-client.sharedKeySigner');

/**
 * An Azure Batch account name and account key, for Shared Key authentication.
 *
 * The key lives only in a private field: `JSON.stringify`, `util.inspect`/`console.log` and error
 * messages show the account name, never the key.
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
    checkAccountName(accountName, 'BatchSharedKeyCredential: accountName');
    checkAccountKey(accountKeyBase64, 'BatchSharedKeyCredential: accountKeyBase64');
    this.accountName = accountName;
    const hmac = createHmacSigner(decodeBase64(accountKeyBase64));
    this.#signer = { accountName, hmacSha256Base64: hmac };
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

  /**
   * The signer the client signs with (same symbol in every copy of the package).
   *
   * @internal
   */
  [SHARED_KEY_SIGNER](): SharedKeySigner {
    return this.#signer;
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

/**
 * `@azure/core-auth`'s `NamedKeyCredential` (e.g. an `AzureNamedKeyCredential`): a name and a key
 * read on every request, so `update(name, key)` takes effect on the next one. For Batch the name
 * is the account name and the key the account key (base64).
 */
export interface NamedKeyCredential {
  readonly name: string;
  readonly key: string;
}

/** Whether `value` is a Shared Key credential the client accepts (either kind). */
export function isSharedKeyCredential(
  value: unknown,
): value is BatchSharedKeyCredential | NamedKeyCredential {
  return isBatchSharedKeyCredential(value) || isNamedKeyCredential(value);
}

/**
 * The signer for a Shared Key credential. For a {@link NamedKeyCredential} it reads `name` and
 * `key` on every call and derives the HMAC key again only when the key changed (a rotation).
 *
 * @throws TypeError (from the signer, per request) when a rotated name or key breaks the rules
 *   of {@link BatchSharedKeyCredential}; the message never shows the name or the key.
 */
export function sharedKeySignerOf(
  credential: BatchSharedKeyCredential | NamedKeyCredential,
): () => SharedKeySigner {
  if (isBatchSharedKeyCredential(credential)) {
    const signer = (credential as BatchSharedKeyCredential)[SHARED_KEY_SIGNER]();
    return () => signer;
  }
  let current: { name: string; key: string; signer: SharedKeySigner } | undefined;
  return () => {
    const { name, key } = credential as NamedKeyCredential;
    if (current?.name !== name || current.key !== key) {
      checkAccountName(name, 'AzureNamedKeyCredential: name');
      checkAccountKey(key, 'AzureNamedKeyCredential: key');
      const hmac = current?.key === key ? current.signer.hmacSha256Base64 : undefined;
      current = {
        name,
        key,
        signer: {
          accountName: name,
          hmacSha256Base64: hmac ?? createHmacSigner(decodeBase64(key)),
        },
      };
    }
    return current.signer;
  };
}

function isBatchSharedKeyCredential(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[SHARED_KEY_CREDENTIAL_BRAND] === true &&
    typeof (value as Record<symbol, unknown>)[SHARED_KEY_SIGNER] === 'function'
  );
}

/** As `@azure/core-auth`'s `isNamedKeyCredential`: an object with string `name` and `key`. */
function isNamedKeyCredential(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; key?: unknown };
  return typeof candidate.name === 'string' && typeof candidate.key === 'string';
}

function checkAccountName(name: unknown, label: string): void {
  if (!isBatchAccountName(name)) {
    throw new TypeError(
      `${label} must be a Batch account name, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown).`,
    );
  }
}

function checkAccountKey(key: unknown, label: string): void {
  if (typeof key !== 'string' || !isBase64(key)) {
    throw new TypeError(
      `${label} must be a non-empty, padded base64 string (the key is not shown).`,
    );
  }
}
