/**
 * The Azure CLI command that puts a local certificate file into Key Vault, for a POSIX shell:
 *
 * - a PFX (private key inside): `az keyvault certificate import --vault-name V --name N --file F
 *   [--password "$VAR"]` ("Tutorial: Import a certificate in Azure Key Vault",
 *   https://learn.microsoft.com/azure/key-vault/certificates/tutorial-import-certificate). Key
 *   Vault's certificate import needs the private key, so a `.cer` cannot be imported this way;
 * - a `.cer` (no private key): `az keyvault secret set --vault-name V --name N --file F
 *   --encoding base64` (a secret holding the file; `--encoding` is one of ascii, base64, hex,
 *   utf-16be, utf-16le, utf-8), as the migration guide advises for such files.
 *
 * The password never appears: the command reads it from an environment variable the user sets
 * (for example with `read -rs PFX_PASSWORD`).
 */
import type { KeyVaultSecretIdentifier } from './key-vault-secret-url.js';

/** The format of a local certificate file (see `batch-rest-client/certificates`). */
export type LocalCertificateFormat = 'cer' | 'pfx';

/** What {@link keyVaultImportCommand} needs. */
export interface KeyVaultImportCommandInput {
  /** The local file, as the user will pass it to `az`. */
  readonly path: string;
  /** `pfx` (imported as a Key Vault certificate) or `cer` (stored as a secret). */
  readonly certificateFormat: LocalCertificateFormat;
  /** Where it goes: the vault and the secret (= certificate) name. */
  readonly secret: Pick<KeyVaultSecretIdentifier, 'vaultName' | 'name'>;
  /** For a password-protected PFX: the environment variable holding the password. */
  readonly passwordEnvironmentVariable?: string;
}

/** A command that puts one local file into Key Vault. */
export interface KeyVaultImportCommand {
  /** `certificate-import` for a PFX, `secret-set` for a `.cer`. */
  readonly kind: 'certificate-import' | 'secret-set';
  /** The local file. */
  readonly path: string;
  readonly vaultName: string;
  /** The Key Vault certificate (and secret) name. */
  readonly name: string;
  /** The command line for a POSIX shell; the password is referenced as `"$VARIABLE"`. */
  readonly command: string;
  /** The environment variable the command reads the PFX password from, if any. */
  readonly passwordEnvironmentVariable?: string;
}

/** Quotes `word` for a POSIX shell when it holds anything but safe characters. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The `az` command for one file. Pure; the file is not read. */
export function keyVaultImportCommand(input: KeyVaultImportCommandInput): KeyVaultImportCommand {
  const { vaultName, name } = input.secret;
  const target = ['--vault-name', shellQuote(vaultName), '--name', shellQuote(name)];
  const file = ['--file', shellQuote(input.path)];
  if (input.certificateFormat === 'cer') {
    return {
      kind: 'secret-set',
      path: input.path,
      vaultName,
      name,
      command: ['az keyvault secret set', ...target, ...file, '--encoding base64'].join(' '),
    };
  }
  const variable = input.passwordEnvironmentVariable;
  const password = variable === undefined ? [] : ['--password', `"$${variable}"`];
  return {
    kind: 'certificate-import',
    path: input.path,
    vaultName,
    name,
    command: ['az keyvault certificate import', ...target, ...file, ...password].join(' '),
    ...(variable === undefined ? {} : { passwordEnvironmentVariable: variable }),
  };
}
