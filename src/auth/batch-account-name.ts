/**
 * What the project accepts as a Batch account name, wherever one is given (the Shared Key
 * credential, the emulator's accounts, the CLI's `BATCH_ACCOUNT_NAME` and `--account-name`).
 *
 * Azure names Batch accounts with 3 to 24 lower-case letters and digits (the `accountName` of
 * Batch Account - Create, Microsoft Learn). The check allows any case and shorter names (local
 * emulators and tests use them) but keeps the two properties that matter here: a name is never
 * a key — a Batch key is 88 base64 characters ending in `==` — and never holds `:`, `/` or white
 * space, which would break the `SharedKey <name>:<signature>` header and the signed resource.
 * A refused value is never repeated in a message: it may be a key given in the wrong place.
 */

const ACCOUNT_NAME = /^[A-Za-z0-9]{1,24}$/;

/** The rule in words, for messages. */
export const BATCH_ACCOUNT_NAME_RULE = '1 to 24 letters and digits';

/** `true` when `value` can be a Batch account name. */
export function isBatchAccountName(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_NAME.test(value);
}
