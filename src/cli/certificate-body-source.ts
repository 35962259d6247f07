/**
 * `--file` for bodies of schema `CertificateAddParameter`: reads a .cer/.pem/.pfx file with the
 * certificate file helper (thumbprint and format computed). The password comes from the
 * environment variable named by `--password-env`, or from a prompt without echo when the file
 * needs one and stdin is a terminal; never from a flag.
 */
import { isCertificateFileError } from '../certificate-file/certificate-file-error.js';
import { certificateFromFile } from '../certificate-file/certificate-from-file.js';
import type { CertificateFormat } from '../certificate-file/types.js';
import { BatchValidationError } from '../errors/batch-validation-error.js';
import type { BodySource, BodySourceContext } from './body-source.js';
import { readVariableFlag } from './environment-variable-flag.js';

const HELP = 'batch-rest certificate add --help';

function readPassword(
  variable: string | boolean | undefined,
  context: BodySourceContext,
): string | undefined {
  if (typeof variable !== 'string') return undefined;
  return readVariableFlag('--password-env', variable, context.env, HELP);
}

function readFormat(value: string | boolean | undefined): CertificateFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'cer' || value === 'pfx') return value;
  throw new BatchValidationError([
    { path: '--format', rule: 'enum', message: 'must be cer or pfx' },
  ]);
}

/** The `CertificateAddParameter` body source. */
export const certificateBodySource: BodySource = {
  schema: 'CertificateAddParameter',
  summary:
    'From a certificate file (thumbprint and format computed). The password of a .pfx comes ' +
    'from --password-env, or a prompt without echo when stdin is a terminal.',
  flags: [
    {
      name: 'file',
      kind: 'string',
      valueName: 'PATH',
      description: 'A .cer, .crt, .pem (one certificate), .pfx or .p12 file.',
    },
    {
      name: 'password-env',
      kind: 'string',
      valueName: 'VAR',
      description:
        'The name of the environment variable that holds the .pfx password (PFX_PASSWORD, not $PFX_PASSWORD).',
    },
    {
      name: 'format',
      kind: 'string',
      valueName: 'cer|pfx',
      description: 'The expected format; content of the other format is refused.',
      defaultText: 'detected',
    },
    {
      name: 'expected-thumbprint',
      kind: 'string',
      valueName: 'HEX',
      description: 'Refuse the file unless its SHA-1 thumbprint is this one.',
    },
  ],
  async build(values, context) {
    const path = String(values.file);
    const format = readFormat(values.format);
    const expected = values['expected-thumbprint'];
    const options = {
      ...(format ? { format } : {}),
      ...(typeof expected === 'string' ? { expectedThumbprint: expected } : {}),
    };
    const password = readPassword(values['password-env'], context);
    try {
      return await certificateFromFile(path, { ...options, password });
    } catch (error) {
      const needsPassword = isCertificateFileError(error) && error.code === 'PASSWORD_REQUIRED';
      if (!needsPassword || password !== undefined || !context.stdinIsTTY) throw error;
      const prompted = await context.promptSecret(`Password for ${path}: `);
      return certificateFromFile(path, { ...options, password: prompted });
    }
  },
};
