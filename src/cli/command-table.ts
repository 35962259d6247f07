/**
 * The CLI's commands, derived from the operation table: `batch-rest <group> <method>` in
 * kebab-case, path parameters as positional arguments (spec order), every other parameter as a
 * flag, and body flags for operations with a body. Adding an operation to the spec adds a
 * command; nothing here names an operation. Pure.
 */
import type { OperationSpec, OperationTable, ParameterSpec } from '../table/operation-table.js';
import type { BodySource } from './body-source.js';
import type { CliFlag } from './cli-flag.js';
import { kebabCase } from './kebab-case.js';
import { isDateParameter } from './parse-value.js';

/** One command: an operation plus how its arguments appear on the command line. */
export interface CliCommand {
  /** The group in kebab-case, e.g. `certificate`. */
  readonly group: string;
  /** The command in kebab-case, e.g. `cancel-deletion`. */
  readonly name: string;
  readonly operation: OperationSpec;
  /** Path parameters, in the order they are given on the command line. */
  readonly positionals: readonly ParameterSpec[];
  /** Flags of the non-path parameters. */
  readonly parameterFlags: readonly CliFlag[];
  /** Body flags: those of a body source, then `--body-file` and `--body`; empty without a body. */
  readonly bodyFlags: readonly CliFlag[];
  /** The body source for this operation's body schema, if there is one. */
  readonly bodySource?: BodySource;
  /**
   * The names that identify a resource of the group: the path parameters of its commands
   * (`thumbprintAlgorithm`, `thumbprint`), which a listed item carries under the same names. A
   * table always shows these columns, in full.
   */
  readonly keyNames: readonly string[];
}

/** Flags every command accepts; operation parameters may not reuse these names. */
export const GLOBAL_FLAGS: readonly CliFlag[] = Object.freeze([
  {
    name: 'json',
    kind: 'boolean',
    description:
      'Print the result as one JSON document on stdout; on stderr, one JSON object a line ' +
      '(a deprecation warning, an error with every detail). Without it, lists print as a table and base64 data longer than 80 characters is shortened.',
  },
  {
    name: 'verbose',
    kind: 'boolean',
    description:
      "Print an error's every detail in full, e.g. the string-to-sign the service sends with " +
      '403 AuthenticationFailed (shortened to its first line otherwise).',
  },
  {
    name: 'emulator',
    kind: 'string',
    valueName: '[MODE]',
    description:
      'Run against an in-process emulator instead of an account: classic (default; before ' +
      'February 2024) or retired (what the live service answers today). Its state lasts for ' +
      'this one command; for a long-running one use `batch-rest emulator`.',
  },
  {
    name: 'max-retries',
    kind: 'string',
    valueName: 'N',
    description: 'Retries after a failed attempt (throttling, server errors, network).',
    defaultText: '3',
  },
  { name: 'help', kind: 'boolean', description: 'Show help.' },
]);

const BODY_FILE: CliFlag = {
  name: 'body-file',
  kind: 'string',
  valueName: 'PATH',
  description: 'Read the request body (JSON) from a file.',
};
const BODY_STDIN: CliFlag = {
  name: 'body',
  kind: 'string',
  valueName: '-',
  description:
    'Read the request body (JSON) from stdin. Only `-` is accepted: bodies may hold secrets, ' +
    'which must not appear in the process list.',
};

function valueName(parameter: ParameterSpec): string {
  if (isDateParameter(parameter)) return 'DATE';
  if (parameter.format === 'uuid') return 'UUID';
  if (parameter.type === 'integer') return 'N';
  if (parameter.type === 'number') return 'NUMBER';
  if (parameter.type === 'array') return 'LIST';
  return 'TEXT';
}

/** The flag of a non-path parameter: kebab-case of its client name. */
export function parameterFlag(parameter: ParameterSpec): CliFlag {
  const isSwitch = parameter.type === 'boolean';
  return {
    name: kebabCase(parameter.clientName),
    kind: isSwitch ? 'boolean' : 'string',
    ...(isSwitch ? {} : { valueName: valueName(parameter) }),
    description: parameter.description ?? '',
    required: parameter.required,
    ...(parameter.default === undefined || isSwitch
      ? {}
      : { defaultText: String(parameter.default) }),
    parameter,
  };
}

/**
 * Builds every command of `table`. `sources` are the body sources by schema.
 *
 * @throws Error when two commands or flags would share a name (a table the CLI cannot expose).
 */
export function buildCommands(
  table: OperationTable,
  sources: readonly BodySource[] = [],
): CliCommand[] {
  const commands: CliCommand[] = [];
  const seen = new Set<string>();
  for (const operation of Object.values(table)) {
    const group = kebabCase(operation.group);
    const name = kebabCase(operation.method);
    const key = `${group} ${name}`;
    if (seen.has(key)) throw new Error(`two operations map to the command '${key}'`);
    seen.add(key);
    const positionals = operation.parameters.filter((p) => p.location === 'path');
    const parameterFlags = operation.parameters
      .filter((p) => p.location !== 'path' && p.location !== 'body')
      .map(parameterFlag);
    const bodySource = operation.body
      ? sources.find((source) => source.schema === operation.body?.schema)
      : undefined;
    const bodyFlags = operation.body ? [...(bodySource?.flags ?? []), BODY_FILE, BODY_STDIN] : [];
    const names = new Set(GLOBAL_FLAGS.map((flag) => flag.name));
    for (const flag of [...parameterFlags, ...bodyFlags]) {
      if (names.has(flag.name)) throw new Error(`'${key}' would have two flags --${flag.name}`);
      names.add(flag.name);
    }
    commands.push({
      group,
      name,
      operation,
      positionals,
      parameterFlags,
      bodyFlags,
      ...(bodySource ? { bodySource } : {}),
      keyNames: [],
    });
  }
  const withKeys = commands.map((command) => ({
    ...command,
    keyNames: [
      ...new Set(
        commands
          .filter((c) => c.group === command.group)
          .flatMap((c) => c.positionals.map((p) => p.clientName)),
      ),
    ],
  }));
  return withKeys.sort((a, b) =>
    a.group === b.group ? compare(a.name, b.name) : compare(a.group, b.group),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The group names, sorted. */
export function groupNames(commands: readonly CliCommand[]): string[] {
  return [...new Set(commands.map((command) => command.group))];
}

/** The positional argument's name as usage lines show it: `<thumbprint-algorithm>`. */
export function positionalName(parameter: ParameterSpec): string {
  return `<${kebabCase(parameter.clientName)}>`;
}
