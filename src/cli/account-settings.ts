/**
 * The account a command talks to, from `BATCH_ACCOUNT_URL`, `BATCH_ACCOUNT_NAME` and
 * `BATCH_ACCOUNT_KEY`. Pure. The key never comes from a flag; when only the key is missing and
 * stdin is a terminal, the caller asks for it without echo.
 */
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

/** `true` for `http://127.0.0.1…`, `http://[::1]…` and `http://localhost…`. */
export function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * Reads the account settings.
 *
 * @param canPrompt - stdin is a terminal, so a missing key can be asked for
 * @throws {@link CliUsageError} naming every missing variable (and `--emulator` as the alternative)
 */
export function accountFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  canPrompt: boolean,
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
  return {
    url: url!.trim(),
    name: name!.trim(),
    ...(present(key) ? { key } : {}),
    allowInsecureConnection: isLoopbackHttpUrl(url!.trim()),
  };
}
