/**
 * `batch-rest certificate migrate-plan`: a hand-written command beside the ones derived from the
 * operation table. It calls no operation: it reads a pool document and a secrets map and prints
 * a Key Vault VM extension migration plan (see `batch-rest-client/migration`). Parsing is pure.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import type { OsFamily } from '../migration/os-family.js';
import type { CliFlag } from './cli-flag.js';
import { CliUsageError } from './cli-usage-error.js';
import type { MigratePlanExampleInvocation } from './migrate-plan-example.js';
import { runParseArgs } from './run-parse-args.js';

/** The command's words. */
export const MIGRATE_PLAN_GROUP = 'certificate';
export const MIGRATE_PLAN_NAME = 'migrate-plan';
/** Its one-line summary (group help). */
export const MIGRATE_PLAN_SUMMARY =
  "Plans the move of a pool's certificate references to the Azure Key Vault VM extension (offline).";
const HELP = `batch-rest ${MIGRATE_PLAN_GROUP} ${MIGRATE_PLAN_NAME} --help`;

/** Where a JSON input comes from. */
export type JsonSource =
  | { readonly from: 'file'; readonly path: string }
  | { readonly from: 'stdin' };

/** The command, parsed. */
export interface MigratePlanInvocation {
  readonly kind: 'migrate-plan';
  readonly json: boolean;
  readonly pool: JsonSource;
  readonly secrets: JsonSource;
  readonly identity: { readonly resourceId: string; readonly clientId: string };
  readonly osFamily?: OsFamily;
  /** Local `.cer`/`.pem`/`.pfx` files to print Key Vault import commands for. */
  readonly certificateFiles: readonly string[];
  /** The environment variable holding the password of the `.pfx` files. */
  readonly passwordEnv?: string;
  readonly pollingIntervalInSeconds?: number;
  readonly linuxStoreLocation?: string;
}

/** The command's flags (shown by its help). */
export const MIGRATE_PLAN_FLAGS: readonly CliFlag[] = Object.freeze([
  {
    name: 'pool',
    kind: 'string',
    valueName: 'PATH',
    required: true,
    description:
      "The pool as JSON: the output of 'az batch pool show' or Pool - Get (Batch service), or the ARM pool resource. '-' reads stdin.",
  },
  {
    name: 'secrets',
    kind: 'string',
    valueName: 'PATH',
    required: true,
    description:
      "JSON object mapping each certificate thumbprint to its Key Vault secret URL (https://{vault}.vault.azure.net/secrets/{name}). '-' reads stdin.",
  },
  {
    name: 'identity',
    kind: 'string',
    valueName: 'RESOURCE_ID',
    required: true,
    description: 'ARM resource id of the user-assigned managed identity the new pool gets.',
  },
  {
    name: 'client-id',
    kind: 'string',
    valueName: 'GUID',
    required: true,
    description: "That identity's client id (the extension's msiClientId).",
  },
  {
    name: 'os',
    kind: 'string',
    valueName: 'linux|windows',
    description: 'The node OS, when the pool JSON does not tell (from its nodeAgentSKUId).',
  },
  {
    name: 'certificate-file',
    kind: 'string',
    valueName: 'PATH',
    multiple: true,
    description:
      'A local .cer, .crt, .pem, .pfx or .p12 file to print the Key Vault import command for (repeatable). Read with the certificate file helpers; nothing is uploaded.',
  },
  {
    name: 'password-env',
    kind: 'string',
    valueName: 'VAR',
    description:
      'The name of the environment variable holding the .pfx password (PFX_PASSWORD, not $PFX_PASSWORD): used to read the file, and named (never printed) in the import command. Without it, a terminal asks.',
  },
  {
    name: 'polling-interval',
    kind: 'string',
    valueName: 'SECONDS',
    description: 'How often the extension polls Key Vault.',
    defaultText: '3600',
  },
  {
    name: 'linux-store-location',
    kind: 'string',
    valueName: 'DIR',
    description: 'Linux: the directory the extension writes certificates to.',
    defaultText: '/var/lib/waagent/Microsoft.Azure.KeyVault',
  },
  { name: 'json', kind: 'boolean', description: 'Print the plan as one JSON document.' },
  {
    name: 'example',
    kind: 'string',
    valueName: 'DIR',
    description:
      'Instead of a plan: write a sample pool.json and secrets.json into DIR (a new directory, or one without those files) and print the command that plans them. Takes no other flag.',
  },
  { name: 'help', kind: 'boolean', description: 'Show help.' },
]);

/** `--example DIR`: alone, with a directory. */
function exampleInvocation(
  directory: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
): MigratePlanExampleInvocation {
  const others = MIGRATE_PLAN_FLAGS.filter(
    (flag) => flag.name !== 'example' && values[flag.name] !== undefined,
  );
  if (others.length > 0) {
    throw new CliUsageError(
      `--example takes no other flag (got ${others.map((flag) => `--${flag.name}`).join(', ')})`,
      HELP,
    );
  }
  if (directory.trim() === '') {
    throw new CliUsageError('--example needs a directory to write the sample files to', HELP);
  }
  return { kind: 'migrate-plan-example', directory };
}

function source(value: string): JsonSource {
  return value === '-' ? { from: 'stdin' } : { from: 'file', path: value };
}

/**
 * Parses the arguments after `certificate migrate-plan`.
 *
 * @throws {@link CliUsageError} for unknown flags, arguments, missing required flags, or two
 *   inputs from stdin; `BatchValidationError` for an OS or polling interval that is not valid
 */
export function parseMigratePlanFlags(
  args: readonly string[],
): MigratePlanInvocation | MigratePlanExampleInvocation {
  const { values, lists, positionals } = runParseArgs(args, MIGRATE_PLAN_FLAGS, HELP);
  if (positionals.length > 0) {
    throw new CliUsageError(`${MIGRATE_PLAN_NAME} takes no arguments, only flags`, HELP);
  }
  const example = values.example;
  if (typeof example === 'string') return exampleInvocation(example, values);
  const missing = MIGRATE_PLAN_FLAGS.filter((f) => f.required && values[f.name] === undefined);
  if (missing.length > 0) {
    throw new CliUsageError(
      `missing required ${missing.map((f) => `--${f.name}`).join(', ')}`,
      HELP,
    );
  }
  if (values.pool === '-' && values.secrets === '-') {
    throw new CliUsageError('only one of --pool and --secrets can read stdin', HELP);
  }
  const issues: BatchValidationIssue[] = [];
  const os = values.os;
  if (os !== undefined && os !== 'linux' && os !== 'windows') {
    issues.push({ path: '--os', rule: 'enum', message: 'must be linux or windows' });
  }
  let pollingIntervalInSeconds: number | undefined;
  const interval = values['polling-interval'];
  if (typeof interval === 'string') {
    if (/^\d{1,9}$/.test(interval) && Number(interval) >= 1)
      pollingIntervalInSeconds = Number(interval);
    else
      issues.push({
        path: '--polling-interval',
        rule: 'range',
        message: 'must be a whole number of seconds from 1',
      });
  }
  if (issues.length > 0) throw new BatchValidationError(issues);
  const passwordEnv = values['password-env'];
  const linuxStoreLocation = values['linux-store-location'];
  return {
    kind: 'migrate-plan',
    json: values.json === true,
    pool: source(String(values.pool)),
    secrets: source(String(values.secrets)),
    identity: { resourceId: String(values.identity), clientId: String(values['client-id']) },
    ...(os === 'linux' || os === 'windows' ? { osFamily: os } : {}),
    certificateFiles: lists['certificate-file'] ?? [],
    ...(typeof passwordEnv === 'string' ? { passwordEnv } : {}),
    ...(pollingIntervalInSeconds === undefined ? {} : { pollingIntervalInSeconds }),
    ...(typeof linuxStoreLocation === 'string' ? { linuxStoreLocation } : {}),
  };
}
