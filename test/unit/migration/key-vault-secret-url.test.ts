/** The URL forms of a Key Vault secret: what is accepted, canonical form, and every refusal. */
import { describe, expect, it } from '@jest/globals';
import { BatchValidationError } from '../../../src/errors/index.js';
import { KEY_VAULT_DNS_SUFFIXES, parseKeyVaultSecretUrl } from '../../../src/migration/index.js';
import { issuesOf } from './support.js';

const VERSION = '8f5f3f491afd48cb99286ba2aacd39af';

describe('parseKeyVaultSecretUrl', () => {
  it('takes a base identifier apart', () => {
    expect(parseKeyVaultSecretUrl('https://contoso-kv.vault.azure.net/secrets/app-tls')).toEqual({
      url: 'https://contoso-kv.vault.azure.net/secrets/app-tls',
      vaultName: 'contoso-kv',
      dnsSuffix: 'vault.azure.net',
      name: 'app-tls',
    });
  });

  it('keeps a version (the Secret Identifier Key Vault shows)', () => {
    expect(
      parseKeyVaultSecretUrl(`https://kv1.vault.azure.net/secrets/cert/${VERSION}`),
    ).toMatchObject({
      url: `https://kv1.vault.azure.net/secrets/cert/${VERSION}`,
      version: VERSION,
    });
  });

  it('drops :443, a trailing slash and surrounding spaces; lowercases the host', () => {
    expect(parseKeyVaultSecretUrl(' https://KV1.Vault.Azure.Net:443/secrets/Cert-1/ ').url).toBe(
      'https://kv1.vault.azure.net/secrets/Cert-1',
    );
  });

  it.each(KEY_VAULT_DNS_SUFFIXES)('accepts vaults in the %s cloud', (suffix) => {
    expect(parseKeyVaultSecretUrl(`https://kv1.${suffix}/secrets/c`).dnsSuffix).toBe(suffix);
  });

  it.each([
    ['http://kv1.vault.azure.net/secrets/c', 'must use https'],
    ['https://kv1.vault.azure.net/certificates/c', 'must use the /secrets path, not /certificates'],
    ['https://kv1.vault.azure.net/keys/c', 'must use the /secrets path, not /keys'],
    ['https://kv1.managedhsm.azure.net/secrets/c', 'Managed HSM pool, which holds keys only'],
    ['https://kv1.example.com/secrets/c', 'must be a Key Vault host'],
    ['https://vault.azure.net/secrets/c', 'must be a Key Vault host'],
    ['https://kv1.vault.azure.net/secrets/c?api-version=7.4', 'must not have a query or fragment'],
    ['https://kv1.vault.azure.net/secrets/c#x', 'must not have a query or fragment'],
    ['https://user:pw@kv1.vault.azure.net/secrets/c', 'must not contain user credentials'],
    ['https://kv1.vault.azure.net:8443/secrets/c', 'must not name a port other than 443'],
    ['https://k1.vault.azure.net/secrets/c', 'vault of 3-24 characters'],
    ['https://a--b.vault.azure.net/secrets/c', 'vault of 3-24 characters'],
    ['https://abcdefghijklmnopqrstuvwxy.vault.azure.net/secrets/c', 'vault of 3-24 characters'],
    ['https://kv1.vault.azure.net/secrets/app_tls', 'secret of 1-127 characters'],
    [`https://kv1.vault.azure.net/secrets/${'a'.repeat(128)}`, 'secret of 1-127 characters'],
    ['https://kv1.vault.azure.net/secrets/c/123', 'version of 32 letters and digits'],
    [
      `https://kv1.vault.azure.net/secrets/c/${VERSION}/more`,
      'must have the path /secrets/{secret-name}',
    ],
    ['https://kv1.vault.azure.net/secrets', 'must have the path /secrets/{secret-name}'],
    ['kv1.vault.azure.net/secrets/c', 'must be an absolute URL'],
  ])('refuses %s', (url, why) => {
    const [issue, ...rest] = issuesOf(() => parseKeyVaultSecretUrl(url));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'url', message: expect.stringContaining(why) });
    expect(issue?.message).toContain(
      'https://{vault-name}.vault.azure.net/secrets/{secret-name}[/{version}]',
    );
  });

  it('refuses a non-string with a type rule', () => {
    expect(issuesOf(() => parseKeyVaultSecretUrl(42 as unknown as string))).toEqual([
      expect.objectContaining({ path: 'url', rule: 'type' }),
    ]);
  });

  it('never repeats the URL (it may carry a token someone pasted by mistake)', () => {
    const url = 'https://kv1.vault.azure.net/secrets/c?sig=pasted-token-Zq8';
    try {
      parseKeyVaultSecretUrl(url);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(BatchValidationError);
      expect(JSON.stringify(error)).not.toContain('pasted-token-Zq8');
      expect(String((error as Error).message)).not.toContain('pasted-token-Zq8');
    }
  });
});
