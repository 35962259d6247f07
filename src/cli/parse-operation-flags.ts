/**
 * Parses the arguments of one operation command: positional path parameters, parameter flags,
 * global flags and where the body comes from. Pure.
 */

import type { BatchEmulatorMode } from '../emulator/types.js';
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import type { BodySource } from './body-source.js';
import { CliUsageError } from './cli-usage-error.js';
import { type CliCommand, GLOBAL_FLAGS, positionalName } from './command-table.js';
import { parseParameterValue } from './parse-value.js';
import { runParseArgs } from './run-parse-args.js';

/** Where the request body comes from. */
export type BodyInput =
  | { readonly from: 'none' }
  | { readonly from: 'file'; readonly path: string }
  | { readonly from: 'stdin' }
  | {
      readonly from: 'source';
      readonly source: BodySource;
      readonly values: Readonly<Record<string, string | boolean | undefined>>;
    };

/** An operation call, ready to run once the account and body are resolved. */
export interface OperationInvocation {
  readonly kind: 'operation';
  readonly command: CliCommand;
  readonly json: boolean;
  /** `--verbose`: errors with every detail. */
  readonly verbose: boolean;
  /** Set when `--emulator` was given. */
  readonly emulator?: BatchEmulatorMode;
  readonly maxRetries?: number;
  /** Path parameters by client name. */
  readonly path: Readonly<Record<string, unknown>>;
  /** Other parameters by client name, converted (numbers, dates, booleans). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly body: BodyInput;
}

/** The usage line of a command, e.g. `batch-rest certificate get <thumbprint-algorithm> <thumbprint>`. */
export function usageLine(command: CliCommand): string {
  const positionals = command.positionals.map(positionalName);
  return ['batch-rest', command.group, command.name, ...positionals, '[flags]'].join(' ');
}

function parseGlobals(
  values: Readonly<Record<string, string | boolean | undefined>>,
  issues: BatchValidationIssue[],
): { json: boolean; verbose: boolean; emulator?: BatchEmulatorMode; maxRetries?: number } {
  const result: {
    json: boolean;
    verbose: boolean;
    emulator?: BatchEmulatorMode;
    maxRetries?: number;
  } = { json: values.json === true, verbose: values.verbose === true };
  const emulator = values.emulator;
  if (emulator === 'classic' || emulator === 'retired') result.emulator = emulator;
  else if (emulator !== undefined) {
    issues.push({ path: '--emulator', rule: 'enum', message: 'must be classic or retired' });
  }
  const retries = values['max-retries'];
  if (typeof retries === 'string') {
    if (/^\d{1,3}$/.test(retries.trim())) result.maxRetries = Number(retries.trim());
    else {
      issues.push({
        path: '--max-retries',
        rule: 'type',
        message: 'must be an integer from 0 to 999',
      });
    }
  }
  return result;
}

function parseBody(
  command: CliCommand,
  values: Readonly<Record<string, string | boolean | undefined>>,
  help: string,
): BodyInput {
  const body = command.operation.body;
  if (!body) return { from: 'none' };
  const chosen: BodyInput[] = [];
  const names: string[] = [];
  const file = values['body-file'];
  if (typeof file === 'string') {
    chosen.push({ from: 'file', path: file });
    names.push('--body-file');
  }
  if (values.body !== undefined) {
    if (values.body !== '-') {
      throw new CliUsageError(
        "--body accepts only '-' (read the JSON body from stdin); put the JSON in a file and " +
          'use --body-file, so secrets in bodies stay out of the process list',
        help,
      );
    }
    chosen.push({ from: 'stdin' });
    names.push('--body');
  }
  const source = command.bodySource;
  if (source) {
    const [trigger, ...refinements] = source.flags;
    const sourceValues: Record<string, string | boolean | undefined> = {};
    for (const flag of source.flags) sourceValues[flag.name] = values[flag.name];
    if (values[trigger.name] !== undefined) {
      chosen.push({ from: 'source', source, values: sourceValues });
      names.push(`--${trigger.name}`);
    } else {
      const stray = refinements.find((flag) => values[flag.name] !== undefined);
      if (stray) throw new CliUsageError(`--${stray.name} needs --${trigger.name}`, help);
    }
  }
  if (chosen.length > 1) {
    throw new CliUsageError(`give the body one way only, not ${names.join(' and ')}`, help);
  }
  if (chosen[0]) return chosen[0];
  if (!body.required) return { from: 'none' };
  const ways = [
    ...(source ? [`--${source.flags[0].name} ${source.flags[0].valueName ?? ''}`.trim()] : []),
    '--body-file PATH',
    '--body -',
  ];
  throw new CliUsageError(
    `'batch-rest ${command.group} ${command.name}' needs a body: ${ways.join(', ')}`,
    help,
  );
}

/**
 * Parses `args` (the command line without the group and command words) for `command`.
 *
 * @throws {@link CliUsageError} for unknown flags, a wrong number of arguments, missing required
 *   flags or body; `BatchValidationError` for values that cannot be converted
 */
export function parseOperationFlags(
  command: CliCommand,
  args: readonly string[],
): OperationInvocation {
  const help = `batch-rest ${command.group} ${command.name} --help`;
  const flags = [...GLOBAL_FLAGS, ...command.parameterFlags, ...command.bodyFlags];
  const { values, positionals } = runParseArgs(args, flags, help);
  if (positionals.length !== command.positionals.length) {
    const expected = command.positionals.length;
    const names = command.positionals.map(positionalName).join(' ');
    throw new CliUsageError(
      expected === 0
        ? `unexpected argument${positionals.length === 1 ? '' : 's'}: ${usageLine(command)}`
        : `expected ${expected} argument${expected === 1 ? '' : 's'} (${names}), got ${positionals.length}`,
      help,
    );
  }
  const issues: BatchValidationIssue[] = [];
  const path: Record<string, unknown> = {};
  command.positionals.forEach((parameter, i) => {
    const parsed = parseParameterValue(parameter, positionals[i]!, positionalName(parameter));
    if (parsed.ok) path[parameter.clientName] = parsed.value;
    else issues.push(parsed.issue);
  });
  const options: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const flag of command.parameterFlags) {
    const raw = values[flag.name];
    if (raw === undefined) {
      if (flag.required) missing.push(`--${flag.name}`);
      continue;
    }
    const parsed = parseParameterValue(flag.parameter!, raw, `--${flag.name}`);
    if (parsed.ok) options[flag.parameter!.clientName] = parsed.value;
    else issues.push(parsed.issue);
  }
  if (missing.length > 0) throw new CliUsageError(`missing required ${missing.join(', ')}`, help);
  const globals = parseGlobals(values, issues);
  const body = parseBody(command, values, help);
  if (issues.length > 0) throw new BatchValidationError(issues);
  return { kind: 'operation', command, ...globals, path, options, body };
}
