/**
 * Turns what a command threw into an exit code and a message for stderr (text, or one JSON
 * document with `--json`). Pure. Every message comes from errors that are already free of
 * secrets; no request body, header or key is ever added here.
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
import { isCliUsageError } from './cli-usage-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** What to print and which code to exit with. */
export interface DescribedError {
  readonly exitCode: ExitCode;
  /** The stderr text, ending in a newline. */
  readonly text: string;
}

const CERTIFICATE_FILE_HINTS: Readonly<Record<string, string>> = {
  PASSWORD_REQUIRED:
    'The file is password-protected: pass --password-env VAR (the variable holds the password), ' +
    'or run in a terminal to be asked for it.',
  WRONG_PASSWORD: 'Check the password in the variable named by --password-env.',
  PASSWORD_NOT_ALLOWED: 'A .cer certificate has no password: drop --password-env.',
};

function nameOf(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function serviceLines(error: BatchServiceError): string[] {
  const status = [String(error.statusCode), error.code].filter(Boolean).join(' ');
  const lines = [`error: ${error.message}`, `  status: ${status}`];
  if (error.retired && error.serviceMessage) {
    lines.push(`  service message: ${error.serviceMessage.split('\n')[0]}`);
  }
  for (const { key, value } of error.values) lines.push(`  ${key}: ${value}`);
  if (error.requestId) lines.push(`  request id: ${error.requestId}`);
  return lines;
}

function jsonError(error: unknown, exitCode: ExitCode): string {
  const base: Record<string, unknown> = { exitCode, name: nameOf(error) ?? 'Error' };
  if (isBatchServiceError(error) || isBatchValidationError(error) || isBatchResponseError(error)) {
    Object.assign(base, (error as BatchServiceError | BatchValidationError).toJSON());
  } else {
    base.message = messageOf(error);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') base.code = code;
  }
  delete base.request;
  delete base.stack;
  return `${JSON.stringify({ error: base })}\n`;
}

function classify(error: unknown): { exitCode: ExitCode; lines: string[] } {
  if (isCliUsageError(error)) {
    return {
      exitCode: EXIT_CODES.usage,
      lines: [`error: ${error.message}`, `Run '${error.helpCommand}' for usage.`],
    };
  }
  if (isBatchValidationError(error)) {
    return { exitCode: EXIT_CODES.validation, lines: [`error: ${error.message}`] };
  }
  if (isBatchServiceError(error)) {
    return {
      exitCode: error.retired ? EXIT_CODES.retired : EXIT_CODES.service,
      lines: serviceLines(error),
    };
  }
  if (isBatchResponseError(error)) {
    // A success status with a body that cannot be the result: a service fault, like an error answer.
    return { exitCode: EXIT_CODES.service, lines: [`error: ${error.message}`] };
  }
  if (isBatchTimeoutError(error) || isBatchNetworkError(error) || isBatchAbortError(error)) {
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

/** The exit code and stderr text for `error`. */
export function describeError(error: unknown, json: boolean): DescribedError {
  const { exitCode, lines } = classify(error);
  return { exitCode, text: json ? jsonError(error, exitCode) : `${lines.join('\n')}\n` };
}
