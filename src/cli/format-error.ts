/**
 * Turns what a command threw into an exit code and a message for stderr (text, or one JSON
 * document with `--json`). Pure. Every message comes from errors that are already free of
 * secrets; no request body, header or key is ever added here. Library names become the command
 * line's ({@link withCliNames}); a refused command or flag gets its closest known ones ("did you
 * mean"); a `403 AuthenticationFailed` gets a hint naming what to check.
 */
import type { BatchServiceError } from '../errors/batch-service-error.js';
import type { BatchValidationError } from '../errors/batch-validation-error.js';
import {
  isBatchAbortError,
  isBatchNetworkError,
  isBatchResponseError,
  isBatchServiceError,
  isBatchTimeoutError,
  isBatchValidationError,
} from '../errors/guards.js';
import type { BatchTimeoutError } from '../errors/transport-errors.js';
import { withCliNames } from './cli-names.js';
import { isCliUsageError } from './cli-usage-error.js';
import { didYouMean } from './closest-words.js';
import type { CliCommand } from './command-table.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** What to print and which code to exit with. */
export interface DescribedError {
  readonly exitCode: ExitCode;
  /** The stderr text, ending in a newline. */
  readonly text: string;
}

/** What the command line said, for wording an error in its terms. */
export interface ErrorContext {
  /** `--json`: one JSON document instead of text. */
  readonly json: boolean;
  /** `--verbose`: every detail the service sent, in full (text; `--json` always has them). */
  readonly verbose?: boolean;
  /** The operation command that ran: library paths are named by its flags and arguments. */
  readonly command?: CliCommand;
  /** How its body was given (`--body-file`, `--body -`, `--file`), for body field paths. */
  readonly bodyFlag?: string;
  /**
   * Where the account name and key came from, as the user knows them (`BATCH_ACCOUNT_NAME`,
   * `BATCH_ACCOUNT_KEY` or "the key typed at the prompt"); absent for the emulator.
   */
  readonly account?: { readonly name: string; readonly key: string };
}

/**
 * How far the request's `ocp-date` may be from the service's clock: "The Batch service must
 * receive a request within 15 minutes of when it is created"
 * (https://learn.microsoft.com/rest/api/batchservice/authenticate-requests-to-the-azure-batch-service).
 */
export const SERVICE_MAX_CLOCK_SKEW_IN_MINUTES = 15;

/** The one-line hint for `403 AuthenticationFailed`: the name, the key, and the clock. */
export function authenticationHint(account: { name: string; key: string }): string {
  return (
    `hint: check ${account.name} and ${account.key} (a key of that account, as Azure shows it), ` +
    `and this machine's clock: the service refuses requests dated more than ` +
    `${SERVICE_MAX_CLOCK_SKEW_IN_MINUTES} minutes from its own time.`
  );
}

const CERTIFICATE_FILE_HINTS: Readonly<Record<string, string>> = {
  PASSWORD_REQUIRED:
    'The file is password-protected: pass --password-env VAR (the variable holds the password), ' +
    'or run in a terminal to be asked for it.',
  WRONG_PASSWORD: 'Check the password in the variable named by --password-env.',
  PASSWORD_NOT_ALLOWED: 'A .cer certificate has no password: drop --password-env.',
  FORMAT_MISMATCH:
    'The file is not of the format --format names: drop --format, or give the other file.',
  INVALID_THUMBPRINT:
    '--expected-thumbprint takes the 40 hex digits of a SHA-1 thumbprint (spaces and colons are ignored).',
  THUMBPRINT_MISMATCH:
    'The file is not the certificate --expected-thumbprint names: check the file and the thumbprint.',
};

function nameOf(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function isAuthenticationFailure(error: BatchServiceError): boolean {
  return error.statusCode === 403 && error.code === 'AuthenticationFailed';
}

/**
 * `  key: value`; a value of several lines (a 403's string-to-sign) shows its first line unless
 * `verbose`, which shows every line, indented under the key.
 */
function valueLines(key: string, value: string, verbose: boolean): string[] {
  const [first, ...more] = value.split(/\r?\n/);
  if (more.length === 0) return [`  ${key}: ${first}`];
  if (!verbose) {
    const count = more.length === 1 ? '1 more line' : `${more.length} more lines`;
    return [`  ${key}: ${first} … (${count}; --verbose shows them)`];
  }
  return [`  ${key}: ${first}`, ...more.map((line) => (line === '' ? '' : `    ${line}`))];
}

function serviceLines(error: BatchServiceError, context: ErrorContext): string[] {
  const status = [String(error.statusCode), error.code].filter(Boolean).join(' ');
  const lines = [`error: ${error.message}`, `  status: ${status}`];
  if (error.retired && error.serviceMessage) {
    lines.push(`  service message: ${error.serviceMessage.split('\n')[0]}`);
  }
  for (const { key, value } of error.values) {
    lines.push(...valueLines(key, value, context.verbose === true));
  }
  if (error.requestId) lines.push(`  request id: ${error.requestId}`);
  if (isAuthenticationFailure(error) && context.account) {
    lines.push(authenticationHint(context.account));
  }
  return lines;
}

/** The timeout in the command line's words: the CLI has no per-attempt timeout option to name. */
function timeoutLine(error: BatchTimeoutError, context: ErrorContext): string {
  const command = context.command;
  const subject = command
    ? `'batch-rest ${command.group} ${command.name}'`
    : error.operation
      ? `Operation '${error.operation}'`
      : 'The request';
  const attempts =
    error.attempts === undefined
      ? ''
      : `, after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
  return `error: ${subject} timed out: no response within ${error.timeoutInMs} ms per attempt${attempts}.`;
}

function jsonError(error: unknown, exitCode: ExitCode, context: ErrorContext): string {
  const base: Record<string, unknown> = { exitCode, name: nameOf(error) ?? 'Error' };
  if (isBatchServiceError(error) || isBatchValidationError(error) || isBatchResponseError(error)) {
    Object.assign(base, (error as BatchServiceError | BatchValidationError).toJSON());
  } else {
    base.message = isBatchTimeoutError(error)
      ? timeoutLine(error, context).replace(/^error: /, '')
      : messageOf(error);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') base.code = code;
  }
  if (isCliUsageError(error) && error.suggestions.length > 0) {
    base.suggestions = [...error.suggestions];
  }
  if (isBatchServiceError(error) && isAuthenticationFailure(error) && context.account) {
    base.hint = authenticationHint(context.account).replace(/^hint: /, '');
  }
  delete base.request;
  delete base.stack;
  return `${JSON.stringify({ error: base })}\n`;
}

function classify(error: unknown, context: ErrorContext): { exitCode: ExitCode; lines: string[] } {
  if (isCliUsageError(error)) {
    const suggestion = didYouMean(error.suggestions);
    return {
      exitCode: EXIT_CODES.usage,
      lines: [
        `error: ${error.message}`,
        ...(suggestion ? [suggestion] : []),
        `Run '${error.helpCommand}' for usage.`,
      ],
    };
  }
  if (isBatchValidationError(error)) {
    return { exitCode: EXIT_CODES.validation, lines: [`error: ${error.message}`] };
  }
  if (isBatchServiceError(error)) {
    return {
      exitCode: error.retired ? EXIT_CODES.retired : EXIT_CODES.service,
      lines: serviceLines(error, context),
    };
  }
  if (isBatchResponseError(error)) {
    // A success status with a body that cannot be the result: a service fault, like an error answer.
    return { exitCode: EXIT_CODES.service, lines: [`error: ${error.message}`] };
  }
  if (isBatchTimeoutError(error)) {
    return { exitCode: EXIT_CODES.network, lines: [timeoutLine(error, context)] };
  }
  if (isBatchNetworkError(error) || isBatchAbortError(error)) {
    return { exitCode: EXIT_CODES.network, lines: [`error: ${messageOf(error)}`] };
  }
  if (nameOf(error) === 'CertificateFileError') {
    const code = String((error as { code?: unknown }).code);
    const hint = CERTIFICATE_FILE_HINTS[code];
    return {
      exitCode: EXIT_CODES.certificateFile,
      lines: [`error: ${messageOf(error)} [${code}]`, ...(hint ? [hint] : [])],
    };
  }
  return { exitCode: EXIT_CODES.unexpected, lines: [`error: ${messageOf(error)}`] };
}

/** The exit code and stderr text for `error`, in the words of the command line in `context`. */
export function describeError(thrown: unknown, context: ErrorContext): DescribedError {
  const error = context.command ? withCliNames(thrown, context.command, context.bodyFlag) : thrown;
  const { exitCode, lines } = classify(error, context);
  return {
    exitCode,
    text: context.json ? jsonError(error, exitCode, context) : `${lines.join('\n')}\n`,
  };
}
