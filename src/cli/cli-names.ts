/**
 * The client library's names for what a command line gave, turned into the command line's own
 * words by the command table: an option (`options.clientRequestId`) is the flag that sets it
 * (`--client-request-id`), a path parameter (`thumbprintAlgorithm`) the positional argument
 * (`<thumbprint-algorithm>`), and a body field (`certificate.thumbprint`) the field inside the
 * JSON that the body flag gave, as jq writes a path (`--body-file .thumbprint`, `--body -
 * .values[0].name`; `--file .data` for the body built from a certificate file). Nothing here
 * names an option: every name comes from the command. Pure.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { type CliCommand, positionalName } from './command-table.js';
import type { BodyInput } from './parse-operation-flags.js';

/** How the body was given, as the user typed it: `--body-file`, `--body -` or `--file`. */
export function bodyFlagOf(body: BodyInput): string | undefined {
  switch (body.from) {
    case 'file':
      return '--body-file';
    case 'stdin':
      return '--body -';
    case 'source':
      return `--${body.source.flags[0].name}`;
    case 'none':
      return undefined;
  }
}

/** `a.b.0.c` after the first segment, as `.b[0].c`; empty for none. */
function rest(segments: readonly string[]): string {
  return segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
}

/**
 * The command line's name for a library issue path; a path that names nothing of the command
 * (already a CLI path such as `--timeout`, or an option the CLI does not set) is returned as is.
 *
 * @param bodyFlag - how the body was given ({@link bodyFlagOf}); body paths keep the library's
 *   form without it
 */
export function cliIssuePath(path: string, command: CliCommand, bodyFlag?: string): string {
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const [first, second, ...more] = segments;
  if (first === 'options' && second !== undefined) {
    const flag = command.parameterFlags.find((f) => f.parameter?.clientName === second);
    if (flag) return `--${flag.name}${rest(more)}`;
  }
  const positional = command.positionals.find((p) => p.clientName === first);
  if (positional) return `${positionalName(positional)}${rest(segments.slice(1))}`;
  if (bodyFlag !== undefined && first === command.operation.body?.clientName) {
    const field = rest(segments.slice(1));
    return field === '' ? bodyFlag : `${bodyFlag} ${field}`;
  }
  return path;
}

/**
 * `error` with its issue paths in the command line's words; any other error as it is. A new
 * error is returned: the library's error is not changed.
 */
export function withCliNames(error: unknown, command: CliCommand, bodyFlag?: string): unknown {
  if ((error as { name?: unknown } | null)?.name !== 'BatchValidationError') return error;
  const issues = (error as BatchValidationError).issues.map(
    (issue): BatchValidationIssue => ({
      ...issue,
      path: cliIssuePath(issue.path, command, bodyFlag),
    }),
  );
  return new BatchValidationError(issues);
}
