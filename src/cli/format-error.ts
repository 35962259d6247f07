/**
 * Turns what a command threw into an exit code and a message for stderr (text, or one JSON
 * document with `--json`). Pure. Every message comes from errors that are already free of
 * secrets; no request body, header or key is ever added here. Library names become the command
 * line's ({@link withCliNames}); a refused command or flag gets its closest known ones ("did you
 * mean"); a `403 AuthenticationFailed` gets a hint naming what to check, a retired operation
 * what the CLI offers instead.
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

/**
 * For `CertificateRetired`: what the CLI offers instead of the library's advice (the error's
 * message names `batch-rest-client/testing`).
 */
export const RETIRED_HINT =
  'hint: --emulator runs the command against a local emulator of the service as it was; ' +
  "'batch-rest certificate migrate-plan' plans a pool's move to Azure Key Vault.";

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

/** The hint line for a service error, if it has one. */
function serviceHint(error: BatchServiceError, context: ErrorContext): string | undefined {
  if (isAuthenticationFailure(error) && context.account) return authenticationHint(context.account);
  if (error.retired) return RETIRED_HINT;
  return undefined;
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
  const hint = serviceHint(error, context);
  if (hint) lines.push(hint);
  return lines;
}

/** How the library's transport and response errors begin: `Operation 'certificate.list'`. */
function librarySubject(operation: string | undefined): string {
  return operation ? `Operation '${operation}'` : 'The request';
}

/** The command that ran, `'batch-rest certificate list'`, else the library's subject. */
function cliSubject(operation: string | undefined, context: ErrorContext): string {
  const command = context.command;
  return command ? `'batch-rest ${command.group} ${command.name}'` : librarySubject(operation);
}

/** `message` beginning with the command that ran instead of the client method. */
function withCliSubject(
  message: string,
  operation: string | undefined,
  context: ErrorContext,
): string {
  const subject = librarySubject(operation);
  return message.startsWith(subject)
    ? `${cliSubject(operation, context)}${message.slice(subject.length)}`
    : message;
}

/** The timeout in the command line's words: the CLI has no per-attempt timeout option to name. */
function timeoutLine(error: BatchTimeoutError, context: ErrorContext): string {
  const subject = cliSubject(error.operation, context);
  const attempts =
    error.attempts === undefined
      ? ''
      : `, after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}`;
  const what =
    error.answeredStatus === undefined
      ? 'no response'
      : `the service answered ${error.answeredStatus}, but the rest of its answer did not arrive`;
  return `error: ${subject} timed out: ${what} within ${error.timeoutInMs} ms per attempt${attempts}.`;
}

/**
 * One JSON object: the error's own safe view, with the message as the text says it for the
 * errors whose message the CLI rewords (timeouts, network and response errors).
 */
function jsonError(
  error: unknown,
  exitCode: ExitCode,
  context: ErrorContext,
  firstLine: string,
): string {
  const base: Record<string, unknown> = { exitCode, name: nameOf(error) ?? 'Error' };
  if (isBatchServiceError(error) || isBatchValidationError(error) || isBatchResponseError(error)) {
    Object.assign(base, (error as BatchServiceError | BatchValidationError).toJSON());
  } else {
    base.message = messageOf(error);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') base.code = code;
  }
  if (isBatchTimeoutError(error) || isBatchNetworkError(error) || isBatchResponseError(error)) {
    base.message = firstLine.replace(/^error: /, '');
  }
  if (isCliUsageError(error) && error.suggestions.length > 0) {
    base.suggestions = [...error.suggestions];
  }
  const hint = isBatchServiceError(error) ? serviceHint(error, context) : undefined;
  if (hint) base.hint = hint.replace(/^hint: /, '');
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
    // The library's sentence ("Invalid arguments (1 issue): …") in the CLI's lower-case style.
    const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
    return { exitCode: EXIT_CODES.validation, lines: [`error: ${message}`] };
  }
  if (isBatchServiceError(error)) {
    return {
      exitCode: error.retired ? EXIT_CODES.retired : EXIT_CODES.service,
      lines: serviceLines(error, context),
    };
  }
  if (isBatchResponseError(error)) {
    // A success status with a body that cannot be the result: a service fault, like an error answer.
    const message = withCliSubject(error.message, error.operation, context);
    return { exitCode: EXIT_CODES.service, lines: [`error: ${message}`] };
  }
  if (isBatchTimeoutError(error)) {
    return { exitCode: EXIT_CODES.network, lines: [timeoutLine(error, context)] };
  }
  if (isBatchNetworkError(error)) {
    const message = withCliSubject(error.message, error.operation, context);
    return { exitCode: EXIT_CODES.network, lines: [`error: ${message}`] };
  }
  if (isBatchAbortError(error)) {
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
    text: context.json ? jsonError(error, exitCode, context, lines[0]!) : `${lines.join('\n')}\n`,
  };
}
