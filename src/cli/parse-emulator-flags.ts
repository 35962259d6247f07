/**
 * Parses `batch-rest emulator [--port N] [--mode classic|retired] [--account-name NAME
 * --account-key-env VAR] [--delete-delay-ms N] [--path-prefix PATH] [--json]`. Pure: the key is
 * read from the environment later, by name. A refused account name is never shown (it may be a
 * key given in the wrong place).
 */

import { operations } from '../../generated/operations.js';
import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from '../auth/batch-account-name.js';
import { DEFAULT_DELETE_DELAY_IN_MS } from '../emulator/constants.js';
import { checkPathPrefix } from '../emulator/path-prefix.js';
import type { BatchEmulatorMode } from '../emulator/types.js';
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { collectionSegments } from '../table/collection-segments.js';
import type { CliFlag } from './cli-flag.js';
import { CliUsageError } from './cli-usage-error.js';
import { runParseArgs } from './run-parse-args.js';

/** The `emulator` command, parsed. */
export interface EmulatorInvocation {
  readonly kind: 'emulator';
  readonly json: boolean;
  /** TCP port; 0 = any free port. */
  readonly port: number;
  readonly mode: BatchEmulatorMode;
  /** A custom account: its name and the environment variable holding its key. */
  readonly account?: { readonly name: string; readonly keyEnv: string };
  /** How long a deletion takes, in ms, when `--delete-delay-ms` was given. */
  readonly deleteDelayInMs?: number;
  /** The path the operations are served under, when `--path-prefix` was given (normalised). */
  readonly pathPrefix?: string;
}

/** Flags of the `emulator` command (shown by its help). */
export const EMULATOR_FLAGS: readonly CliFlag[] = Object.freeze([
  {
    name: 'port',
    kind: 'string',
    valueName: 'N',
    description: 'TCP port on 127.0.0.1; 0 picks a free port.',
    defaultText: '0',
  },
  {
    name: 'mode',
    kind: 'string',
    valueName: 'MODE',
    description:
      'classic: certificates work as before February 2024; retired: every certificate call ' +
      'answers 400 CertificateRetired, as the live service does today.',
    defaultText: 'classic',
  },
  {
    name: 'account-name',
    kind: 'string',
    valueName: 'NAME',
    description: 'Accept this account instead of the built-in `emulator` account.',
  },
  {
    name: 'account-key-env',
    kind: 'string',
    valueName: 'VAR',
    description:
      'The name of the environment variable that holds the base64 key of --account-name (EMU_KEY, not $EMU_KEY).',
  },
  {
    name: 'delete-delay-ms',
    kind: 'string',
    valueName: 'N',
    description:
      'How long a deleted certificate stays deleting, in milliseconds of the emulator clock, ' +
      'as the service deletes asynchronously; 0 makes the next request see the outcome.',
    defaultText: String(DEFAULT_DELETE_DELAY_IN_MS),
  },
  {
    name: 'path-prefix',
    kind: 'string',
    valueName: 'PATH',
    description:
      'Serve the operations under this path, as behind a gateway: /batch/acct1 serves ' +
      '/batch/acct1/certificates, and the URL printed includes it. Other paths answer 400 InvalidUri.',
    defaultText: 'none: the root',
  },
  {
    name: 'json',
    kind: 'boolean',
    description: 'Print the URL line as JSON: {"url", "accountName", "mode"}.',
  },
  { name: 'help', kind: 'boolean', description: 'Show help.' },
]);

/**
 * @throws {@link CliUsageError} for unknown flags, arguments, or half an account;
 *   `BatchValidationError` for a bad port, mode, deletion delay, path prefix or account name
 */
export function parseEmulatorFlags(args: readonly string[]): EmulatorInvocation {
  const help = 'batch-rest emulator --help';
  const { values, positionals } = runParseArgs(args, EMULATOR_FLAGS, help);
  if (positionals.length > 0) throw new CliUsageError('emulator takes no arguments', help);
  const issues: BatchValidationIssue[] = [];
  let port = 0;
  const portText = values.port;
  if (typeof portText === 'string') {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : -1;
    if (port < 0 || port > 65535) {
      issues.push({ path: '--port', rule: 'range', message: 'must be an integer from 0 to 65535' });
    }
  }
  const mode = values.mode ?? 'classic';
  if (mode !== 'classic' && mode !== 'retired') {
    issues.push({ path: '--mode', rule: 'enum', message: 'must be classic or retired' });
  }
  let deleteDelayInMs: number | undefined;
  const delayText = values['delete-delay-ms'];
  if (typeof delayText === 'string') {
    deleteDelayInMs = /^\d{1,10}$/.test(delayText) ? Number(delayText) : undefined;
    if (deleteDelayInMs === undefined) {
      issues.push({
        path: '--delete-delay-ms',
        rule: 'range',
        message: 'must be a whole number of milliseconds, 0 or more',
      });
    }
  }
  let pathPrefix: string | undefined;
  const prefixText = values['path-prefix'];
  if (typeof prefixText === 'string') {
    const checked = checkPathPrefix(prefixText, collectionSegments(operations));
    if (checked.ok) pathPrefix = checked.prefix;
    else issues.push({ path: '--path-prefix', rule: 'pattern', message: checked.problem });
  }
  const name = values['account-name'];
  const keyEnv = values['account-key-env'];
  if ((name === undefined) !== (keyEnv === undefined)) {
    throw new CliUsageError('--account-name and --account-key-env go together', help);
  }
  if (name !== undefined && !isBatchAccountName(name)) {
    issues.push({
      path: '--account-name',
      rule: 'pattern',
      message: `must be a Batch account name, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown)`,
    });
  }
  if (issues.length > 0) throw new BatchValidationError(issues);
  return {
    kind: 'emulator',
    json: values.json === true,
    port,
    mode: mode as BatchEmulatorMode,
    ...(typeof name === 'string' && typeof keyEnv === 'string'
      ? { account: { name, keyEnv } }
      : {}),
    ...(deleteDelayInMs === undefined ? {} : { deleteDelayInMs }),
    ...(pathPrefix === undefined ? {} : { pathPrefix }),
  };
}
