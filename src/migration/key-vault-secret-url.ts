/**
 * Key Vault secret identifiers, the URLs the Key Vault VM extension observes. Facts from
 * Microsoft's "Azure Key Vault keys, secrets and certificates overview"
 * (https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates) and the
 * extension docs ("Observed certificates URLs should be of the form
 * https://myVaultName.vault.azure.net/secrets/myCertName": the `/secrets` path returns the private
 * key, `/certificates` does not).
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { addIssue, type IssueList } from './issues.js';

/** A Key Vault secret identifier, taken apart. */
export interface KeyVaultSecretIdentifier {
  /** The URL in canonical form: `https://{vault}.{suffix}/secrets/{name}[/{version}]` (no port, no trailing slash). */
  readonly url: string;
  /** The vault name, as written in the URL's host (3–24 characters). */
  readonly vaultName: string;
  /** The vault's DNS suffix, e.g. `vault.azure.net`. */
  readonly dnsSuffix: string;
  /** The secret's name (for a Key Vault certificate: the certificate's name). */
  readonly name: string;
  /** The 32-character version, when the URL names one; `undefined` for a base identifier. */
  readonly version?: string;
}

/**
 * DNS suffixes of vaults ("DNS suffixes for base URL"): Azure, Azure China, Azure US Government,
 * Azure German Cloud. Managed HSM pools (`managedhsm.azure.net`) hold keys only, no secrets.
 */
export const KEY_VAULT_DNS_SUFFIXES: readonly string[] = Object.freeze([
  'vault.azure.net',
  'vault.azure.cn',
  'vault.usgovcloudapi.net',
  'vault.microsoftazure.de',
]);

/** The accepted form, as messages state it. */
export const SECRET_URL_FORM =
  'https://{vault-name}.vault.azure.net/secrets/{secret-name}[/{version}]';

const VAULT_NAME = /^(?!.*--)[0-9A-Za-z-]{3,24}$/;
const OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;
const OBJECT_VERSION = /^[0-9A-Za-z]{32}$/;

function problem(url: URL): string | undefined {
  if (url.protocol !== 'https:') return 'must use https';
  if (url.username !== '' || url.password !== '') return 'must not contain user credentials';
  if (url.search !== '' || url.hash !== '') return 'must not have a query or fragment';
  if (url.port !== '' && url.port !== '443') return 'must not name a port other than 443';
  return undefined;
}

function hostProblem(host: string): { vaultName: string; dnsSuffix: string } | string {
  if (host.endsWith('.managedhsm.azure.net')) {
    return 'names a Managed HSM pool, which holds keys only: secrets live in a vault (*.vault.azure.net)';
  }
  const suffix = KEY_VAULT_DNS_SUFFIXES.find((s) => host.endsWith(`.${s}`));
  if (!suffix) {
    return `must be a Key Vault host (*.${KEY_VAULT_DNS_SUFFIXES.join(', *.')})`;
  }
  const vaultName = host.slice(0, -suffix.length - 1);
  if (!VAULT_NAME.test(vaultName)) {
    return 'must name a vault of 3-24 characters (0-9, a-z, A-Z and single hyphens)';
  }
  return { vaultName, dnsSuffix: suffix };
}

/**
 * Checks `value` as a secret identifier; adds one issue at `path` and returns `undefined` when it
 * is not one. The issue states the rule, never the URL.
 */
export function readKeyVaultSecretUrl(
  value: unknown,
  path: string,
  issues: IssueList,
): KeyVaultSecretIdentifier | undefined {
  const fail = (rule: string, why: string) => {
    addIssue(issues, path, rule, `${why} (a Key Vault secret identifier: ${SECRET_URL_FORM})`);
    return undefined;
  };
  if (typeof value !== 'string') return fail('type', 'must be a string');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return fail('format', 'must be an absolute URL');
  }
  const wrong = problem(url);
  if (wrong) return fail('format', wrong);
  const host = hostProblem(url.hostname.toLowerCase());
  if (typeof host === 'string') return fail('format', host);
  const segments = url.pathname.replace(/\/$/, '').split('/').slice(1);
  const [type, name, version, ...rest] = segments;
  if (type?.toLowerCase() === 'certificates' || type?.toLowerCase() === 'keys') {
    return fail(
      'format',
      `must use the /secrets path, not /${type.toLowerCase()}: only the secret holds the private key`,
    );
  }
  if (type?.toLowerCase() !== 'secrets' || name === undefined || rest.length > 0) {
    return fail(
      'format',
      'must have the path /secrets/{secret-name} or /secrets/{secret-name}/{version}',
    );
  }
  if (!OBJECT_NAME.test(name)) {
    return fail('format', 'must name a secret of 1-127 characters (0-9, a-z, A-Z and -)');
  }
  if (version !== undefined && !OBJECT_VERSION.test(version)) {
    return fail('format', 'must have a version of 32 letters and digits, or none');
  }
  const base = `https://${host.vaultName}.${host.dnsSuffix}/secrets/${name}`;
  return Object.freeze({
    url: version === undefined ? base : `${base}/${version}`,
    vaultName: host.vaultName,
    dnsSuffix: host.dnsSuffix,
    name,
    ...(version === undefined ? {} : { version }),
  });
}

/**
 * Parses a Key Vault secret identifier, such as the "Secret Identifier" Key Vault shows for a
 * certificate: `https://{vault-name}.vault.azure.net/secrets/{secret-name}[/{version}]` (also
 * `vault.azure.cn`, `vault.usgovcloudapi.net`, `vault.microsoftazure.de`; an explicit `:443` and a
 * trailing slash are accepted and dropped). Pure.
 *
 * @param url - the identifier
 * @returns its parts and canonical form
 * @throws BatchValidationError (path `url`) for anything else: another scheme or host, a
 *   `/certificates` or `/keys` path, a query, bad vault/secret names or version
 */
export function parseKeyVaultSecretUrl(url: string): KeyVaultSecretIdentifier {
  const issues: BatchValidationIssue[] = [];
  const parsed = readKeyVaultSecretUrl(url, 'url', issues);
  if (!parsed) throw new BatchValidationError(issues);
  return parsed;
}
