/**
 * What {@link planKeyVaultMigration} takes, and the checks on it.
 *
 * @module
 */

import {
  ENVIRONMENT_VARIABLE_NAME_RULE,
  isEnvironmentVariableName,
} from '../util/environment-variable-name.js';
import { addIssue, checkKnownProperties, type IssueList, isRecord } from './issues.js';
import {
  DEFAULT_LINUX_CERTIFICATE_STORE_LOCATION,
  DEFAULT_POLLING_INTERVAL_IN_SECONDS,
} from './key-vault-extension.js';
import type { LocalCertificateFormat } from './key-vault-import-command.js';
import { type KeyVaultSecretIdentifier, readKeyVaultSecretUrl } from './key-vault-secret-url.js';
import type { UserAssignedIdentityReference } from './managed-identity.js';
import type { OsFamily } from './os-family.js';
import { readThumbprint } from './read-thumbprint.js';

/** A certificate file on the user's machine, as the certificate-file helpers read it. */
export interface LocalCertificateFile {
  /** The path to print in the import command. */
  readonly path: string;
  /** Its SHA-1 thumbprint (any accepted form). */
  readonly thumbprint: string;
  /** `pfx` (has the private key) or `cer` (certificate only). */
  readonly certificateFormat: LocalCertificateFormat;
  /**
   * For a password-protected PFX: the name of the environment variable the import command reads
   * the password from (`[A-Za-z_][A-Za-z0-9_]*`). Never the password itself.
   */
  readonly passwordEnvironmentVariable?: string;
}

/** The input of {@link planKeyVaultMigration}. */
export interface KeyVaultMigrationInput {
  /**
   * The pool as the Batch service returns it (`az batch pool show`, Pool - Get:
   * `certificateReferences`, `virtualMachineConfiguration`) or as ARM does (`properties.certificates`,
   * `properties.deploymentConfiguration`). Unknown properties are reported.
   */
  readonly pool: unknown;
  /**
   * Thumbprint (any accepted form) → Key Vault secret identifier
   * (`https://{vault}.vault.azure.net/secrets/{name}[/{version}]`), the certificate's "Secret
   * Identifier" in Key Vault.
   */
  readonly secretUrls: Readonly<Record<string, string>>;
  /** The user-assigned managed identity the new pool gets and the extension authenticates as. */
  readonly identity: UserAssignedIdentityReference;
  /**
   * The node OS. Default: from the pool (`nodeAgentSKUId` `batch.node.windows …` → windows, other
   * `batch.node.…` → linux; CloudServiceConfiguration → windows). Required when the pool does not
   * tell; must agree with the pool when both do.
   */
  readonly osFamily?: OsFamily;
  /** Local certificate files to print Key Vault import commands for. Default: none. */
  readonly localCertificates?: readonly LocalCertificateFile[];
  /** The extension's polling interval in seconds, an integer from 1. Default 3600. */
  readonly pollingIntervalInSeconds?: number;
  /**
   * Linux only: the absolute directory the extension writes certificates to. Default
   * `/var/lib/waagent/Microsoft.Azure.KeyVault` (the Batch documentation's).
   */
  readonly linuxCertificateStoreLocation?: string;
}

/** A validated local file. */
export interface CheckedLocalCertificate {
  readonly path: string;
  readonly thumbprint: string;
  readonly certificateFormat: LocalCertificateFormat;
  readonly passwordEnvironmentVariable?: string;
}

/** The validated options (defaults applied). */
export interface CheckedOptions {
  readonly pollingIntervalInSeconds: number;
  readonly linuxCertificateStoreLocation: string;
}

const INPUT_PROPERTIES = new Set([
  'pool',
  'secretUrls',
  'identity',
  'osFamily',
  'localCertificates',
  'pollingIntervalInSeconds',
  'linuxCertificateStoreLocation',
]);
const LOCAL_PROPERTIES = new Set([
  'path',
  'thumbprint',
  'certificateFormat',
  'passwordEnvironmentVariable',
]);

/** Reports properties of the input object that are not part of {@link KeyVaultMigrationInput}. */
export function checkInputProperties(
  input: unknown,
  issues: IssueList,
): input is Record<string, unknown> {
  if (!isRecord(input)) {
    addIssue(issues, 'input', 'type', 'must be an object');
    return false;
  }
  checkKnownProperties(input, INPUT_PROPERTIES, 'input', issues, 'the migration input');
  return true;
}

/**
 * Reads the secrets map: each key a thumbprint, each value a secret identifier. Keys that are not
 * thumbprints are named by position (`secretUrls (entry 3)`), never by value.
 */
export function readSecretUrls(
  value: unknown,
  issues: IssueList,
): Map<string, KeyVaultSecretIdentifier> {
  const map = new Map<string, KeyVaultSecretIdentifier>();
  if (!isRecord(value)) {
    addIssue(
      issues,
      'secretUrls',
      'type',
      'must be an object mapping thumbprints to Key Vault secret URLs',
    );
    return map;
  }
  const seen = new Set<string>();
  Object.entries(value).forEach(([key, url], i) => {
    const thumbprint = readThumbprint(key, `secretUrls (entry ${i + 1})`, issues);
    if (thumbprint === undefined) return;
    const path = `secretUrls.${thumbprint}`;
    if (seen.has(thumbprint)) {
      addIssue(
        issues,
        path,
        'duplicate',
        'appears more than once (thumbprints ignore case and separators)',
      );
      return;
    }
    seen.add(thumbprint);
    const secret = readKeyVaultSecretUrl(url, path, issues);
    if (secret) map.set(thumbprint, secret);
  });
  return map;
}

/** Reads the local certificate files. */
export function readLocalCertificates(
  value: unknown,
  issues: IssueList,
): CheckedLocalCertificate[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    addIssue(issues, 'localCertificates', 'type', 'must be an array');
    return [];
  }
  return value.flatMap((item, i): CheckedLocalCertificate[] => {
    const path = `localCertificates[${i}]`;
    if (!isRecord(item)) {
      addIssue(issues, path, 'type', 'must be an object');
      return [];
    }
    checkKnownProperties(item, LOCAL_PROPERTIES, path, issues, 'a local certificate file');
    const before = issues.length;
    if (typeof item.path !== 'string' || item.path.trim() === '') {
      addIssue(issues, `${path}.path`, 'required', 'must be a non-empty string (the file path)');
    }
    const thumbprint = readThumbprint(item.thumbprint, `${path}.thumbprint`, issues);
    const format = item.certificateFormat;
    if (format !== 'cer' && format !== 'pfx') {
      addIssue(issues, `${path}.certificateFormat`, 'enum', 'must be cer or pfx');
    }
    const variable = item.passwordEnvironmentVariable;
    if (variable !== undefined) {
      if (!isEnvironmentVariableName(variable)) {
        addIssue(
          issues,
          `${path}.passwordEnvironmentVariable`,
          'pattern',
          `must be an environment variable name (${ENVIRONMENT_VARIABLE_NAME_RULE})`,
        );
      } else if (format === 'cer') {
        addIssue(
          issues,
          `${path}.passwordEnvironmentVariable`,
          'forbidden',
          'must be omitted for a cer file: it has no password',
        );
      }
    }
    if (issues.length > before || thumbprint === undefined) return [];
    return [
      {
        path: item.path as string,
        thumbprint,
        certificateFormat: format as LocalCertificateFormat,
        ...(typeof variable === 'string' ? { passwordEnvironmentVariable: variable } : {}),
      },
    ];
  });
}

/** Reads the extension options, applying the defaults. */
export function readOptions(input: Record<string, unknown>, issues: IssueList): CheckedOptions {
  let pollingIntervalInSeconds = DEFAULT_POLLING_INTERVAL_IN_SECONDS;
  const interval = input.pollingIntervalInSeconds;
  if (interval !== undefined) {
    if (
      typeof interval === 'number' &&
      Number.isInteger(interval) &&
      interval >= 1 &&
      interval <= 2 ** 31 - 1
    ) {
      pollingIntervalInSeconds = interval;
    } else {
      addIssue(
        issues,
        'pollingIntervalInSeconds',
        'range',
        'must be an integer number of seconds from 1',
      );
    }
  }
  let linuxCertificateStoreLocation = DEFAULT_LINUX_CERTIFICATE_STORE_LOCATION;
  const location = input.linuxCertificateStoreLocation;
  if (location !== undefined) {
    const ok =
      typeof location === 'string' &&
      /^\/[^\0\s]*$/.test(location) &&
      !location.split('/').some((segment) => segment === '..' || segment === '.');
    if (ok)
      linuxCertificateStoreLocation = location.length > 1 ? location.replace(/\/+$/, '') : location;
    else {
      addIssue(
        issues,
        'linuxCertificateStoreLocation',
        'pattern',
        'must be an absolute directory path without spaces, . or .. segments',
      );
    }
  }
  return { pollingIntervalInSeconds, linuxCertificateStoreLocation };
}
