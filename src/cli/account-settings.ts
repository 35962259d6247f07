/**
 * The account a command talks to, from `BATCH_ACCOUNT_URL`, `BATCH_ACCOUNT_NAME` and
 * `BATCH_ACCOUNT_KEY`. Pure. The key never comes from a flag; when only the key is missing and
 * stdin is a terminal, the caller asks for it without echo. Each variable is checked here, with
 * messages that name the variable and never repeat a name or key that was refused (a key in
 * `BATCH_ACCOUNT_NAME` must not be printed back).
 */
import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from '../auth/batch-account-name.js';
import { parseAccountUrl } from '../client/account-url.js';
import { isBase64 } from '../util/base64.js';
import { CliUsageError } from './cli-usage-error.js';

/** Environment variable names the CLI reads. */
export const ACCOUNT_ENV = Object.freeze({
  url: 'BATCH_ACCOUNT_URL',
  name: 'BATCH_ACCOUNT_NAME',
  key: 'BATCH_ACCOUNT_KEY',
});

/** What the environment says about the account; `key` is absent when it must be asked for. */
export interface AccountSettings {
  readonly url: string;
  readonly name: string;
  readonly key?: string;
  /** `http:` is allowed only for loopback hosts (a local emulator). */
  readonly allowInsecureConnection: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** The URL's scheme as the URL parser reads it (`new URL` drops tabs and newlines), if any. */
function protocolOf(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}

/** `true` for `http://127.0.0.1…`, `http://[::1]…` and `http://localhost…`. */
export function isLoopbackHttpUrl(url: string): boolean {
  return protocolOf(url) === 'http:' && LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/** How the 403 hint and the prompt's refusal name a key typed at the prompt. */
export const PROMPTED_KEY = 'the key typed at the prompt';

/**
 * Where the account's name and key come from, as the user knows them: the variables, or the
 * prompt when `BATCH_ACCOUNT_KEY` is not set (see {@link accountFromEnvironment}).
 */
export function accountSource(env: Readonly<Record<string, string | undefined>>): {
  name: string;
  key: string;
} {
  return {
    name: ACCOUNT_ENV.name,
    key: present(env[ACCOUNT_ENV.key]) ? ACCOUNT_ENV.key : PROMPTED_KEY,
  };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The message for a key that is not base64 (the key itself is never shown). */
export function accountKeyRule(where: string): string {
  return `${where} must be the account key as Azure shows it, padded base64 (the value is not shown)`;
}

/**
 * The client's account URL rules, worded for `BATCH_ACCOUNT_URL`; `http:` only for a loopback
 * emulator. The scheme is the parser's (`ht<TAB>tp://…` is `http:`), so no `http:` URL reaches
 * the client, whose refusal names its own option.
 */
function checkAccountUrl(url: string, collections: readonly string[]): void {
  try {
    parseAccountUrl(url, true, collections, ACCOUNT_ENV.url);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (protocolOf(url) === 'http:' && !isLoopbackHttpUrl(url)) {
    throw new CliUsageError(
      `${ACCOUNT_ENV.url} uses http:, which would send signed requests in clear text; use https: ` +
        '(http: is allowed only for a local emulator on 127.0.0.1, [::1] or localhost)',
    );
  }
}

/**
 * Reads and checks the account settings.
 *
 * @param canPrompt - stdin is a terminal, so a missing key can be asked for
 * @param collections - the API's collection names (`collectionSegments` of the operation table):
 *   `BATCH_ACCOUNT_URL` must not include one
 * @throws {@link CliUsageError} naming every missing variable (and `--emulator` as the
 *   alternative), or the first variable whose value breaks its rule
 */
export function accountFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  canPrompt: boolean,
  collections: readonly string[],
): AccountSettings {
  const url = env[ACCOUNT_ENV.url];
  const name = env[ACCOUNT_ENV.name];
  const key = env[ACCOUNT_ENV.key];
  const missing: string[] = [];
  if (!present(url)) missing.push(ACCOUNT_ENV.url);
  if (!present(name)) missing.push(ACCOUNT_ENV.name);
  if (!present(key) && !(canPrompt && present(url) && present(name))) missing.push(ACCOUNT_ENV.key);
  if (missing.length > 0) {
    throw new CliUsageError(
      `no Batch account configured: set ${missing.join(', ')} ` +
        '(or pass --emulator to use an in-process emulator)',
    );
  }
  checkAccountUrl(url!.trim(), collections);
  if (!isBatchAccountName(name!.trim())) {
    throw new CliUsageError(
      `${ACCOUNT_ENV.name} must be a Batch account name, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown)`,
    );
  }
  if (present(key) && !isBase64(key)) throw new CliUsageError(accountKeyRule(ACCOUNT_ENV.key));
  return {
    url: url!.trim(),
    name: name!.trim(),
    ...(present(key) ? { key } : {}),
    allowInsecureConnection: isLoopbackHttpUrl(url!.trim()),
  };
}
