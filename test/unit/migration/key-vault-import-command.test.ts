/** The az commands that put local files into Key Vault: PFX import, .cer as a secret, quoting. */
import { describe, expect, it } from '@jest/globals';
import { keyVaultImportCommand, shellQuote } from '../../../src/migration/index.js';

const secret = { vaultName: 'contoso-kv', name: 'app-tls' };

describe('keyVaultImportCommand', () => {
  it('imports a PFX as a Key Vault certificate, reading the password from a variable', () => {
    expect(
      keyVaultImportCommand({
        path: 'certs/app.pfx',
        certificateFormat: 'pfx',
        secret,
        passwordEnvironmentVariable: 'APP_PFX_PASSWORD',
      }),
    ).toEqual({
      kind: 'certificate-import',
      path: 'certs/app.pfx',
      vaultName: 'contoso-kv',
      name: 'app-tls',
      command:
        'az keyvault certificate import --vault-name contoso-kv --name app-tls --file certs/app.pfx --password "$APP_PFX_PASSWORD"',
      passwordEnvironmentVariable: 'APP_PFX_PASSWORD',
    });
  });

  it('omits --password for a PFX that opens without one', () => {
    expect(keyVaultImportCommand({ path: 'a.pfx', certificateFormat: 'pfx', secret }).command).toBe(
      'az keyvault certificate import --vault-name contoso-kv --name app-tls --file a.pfx',
    );
  });

  it('stores a .cer as a base64 secret (Key Vault imports only certificates with a private key)', () => {
    expect(keyVaultImportCommand({ path: 'root.cer', certificateFormat: 'cer', secret })).toEqual({
      kind: 'secret-set',
      path: 'root.cer',
      vaultName: 'contoso-kv',
      name: 'app-tls',
      command:
        'az keyvault secret set --vault-name contoso-kv --name app-tls --file root.cer --encoding base64',
    });
  });

  it('quotes paths for a POSIX shell', () => {
    expect(shellQuote('plain/path-1.pfx')).toBe('plain/path-1.pfx');
    expect(shellQuote('My Certs/app.pfx')).toBe("'My Certs/app.pfx'");
    expect(shellQuote("it's $HOME`x`.pfx")).toBe(`'it'\\''s $HOME\`x\`.pfx'`);
    expect(
      keyVaultImportCommand({ path: 'My Certs/app.pfx', certificateFormat: 'pfx', secret }).command,
    ).toContain("--file 'My Certs/app.pfx'");
  });
});
