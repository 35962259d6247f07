/**
 * Parses `batch-rest`'s arguments into what to run: help, the version, the emulator command, or
 * an operation call. Pure: no environment, no I/O. Throws {@link CliUsageError} for a command
 * line that cannot be run and `BatchValidationError` for values that cannot be converted.
 */
import type { BatchEmulatorMode } from '../emulator/types.js';
import { CliUsageError } from './cli-usage-error.js';
import { closestWords } from './closest-words.js';
import { type CliCommand, GLOBAL_FLAGS, groupNames } from './command-table.js';
import type { MigratePlanExampleInvocation } from './migrate-plan-example.js';
import {
  EMULATOR_FLAGS,
  type EmulatorInvocation,
  parseEmulatorFlags,
} from './parse-emulator-flags.js';
import {
  MIGRATE_PLAN_FLAGS,
  MIGRATE_PLAN_GROUP,
  MIGRATE_PLAN_NAME,
  type MigratePlanInvocation,
  parseMigratePlanFlags,
} from './parse-migrate-plan-flags.js';
import { type OperationInvocation, parseOperationFlags } from './parse-operation-flags.js';

/** Which help to show. */
export type HelpTopic =
  | { readonly kind: 'global' }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'command'; readonly command: CliCommand }
  | { readonly kind: 'emulator' }
  | { readonly kind: 'migrate-plan' };

/** What a command line asks for. */
export type ParsedCommandLine =
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'version' }
  | EmulatorInvocation
  | MigratePlanInvocation
  | MigratePlanExampleInvocation
  | OperationInvocation;

const MODES: readonly BatchEmulatorMode[] = ['classic', 'retired'];

/**
 * Every flag that takes a value, of any command: the word after one of them is its value, never
 * a command (`batch-rest --max-retries 2 certificate list`). `--emulator` is not one: its optional
 * mode is joined to it first ({@link normalizeEmulatorFlag}).
 */
function valueFlags(commands: readonly CliCommand[]): Set<string> {
  const flags = [
    ...GLOBAL_FLAGS,
    ...commands.flatMap((command) => [...command.parameterFlags, ...command.bodyFlags]),
    ...EMULATOR_FLAGS,
    ...MIGRATE_PLAN_FLAGS,
  ];
  return new Set(
    flags.filter((f) => f.kind === 'string' && f.name !== 'emulator').map((f) => `--${f.name}`),
  );
}

/** A word that may be quoted back: kebab-case, like every command (up to 40 characters). */
const WORD_LIKE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `true` when `word` may be quoted in a message; any other word may be a secret. */
function isWordLike(word: string): boolean {
  return word.length <= 40 && WORD_LIKE.test(word);
}

const NOT_SHOWN = '(not shown: it is not written like a command)';

/**
 * `--emulator` takes an optional mode, which `node:util` parseArgs cannot express: a following
 * `classic` or `retired` is joined to it (`--emulator=retired`); a bare `--emulator` means
 * `--emulator=classic`. Stops at `--`.
 */
export function normalizeEmulatorFlag(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg !== '--emulator') {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && (MODES as readonly string[]).includes(next)) {
      out.push(`--emulator=${next}`);
      i++;
    } else out.push('--emulator=classic');
  }
  return out;
}

/** Indices of the words (non-flag arguments) before `--`, skipping values of flags. */
function wordIndices(args: readonly string[], valueFlagNames: ReadonlySet<string>): number[] {
  const found: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    if (valueFlagNames.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') found.push(i);
  }
  return found;
}

function without(args: readonly string[], ...indices: number[]): string[] {
  return args.filter((_, i) => !indices.includes(i));
}

function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

function helpTopic(words: readonly string[], commands: readonly CliCommand[]): HelpTopic {
  const [group, name] = words;
  if (group === undefined) return { kind: 'global' };
  if (group === 'emulator') return { kind: 'emulator' };
  if (!groupNames(commands).includes(group)) throw unknownGroup(group, name, commands);
  if (name === undefined) return { kind: 'group', group };
  if (isMigratePlan(group, name)) return { kind: 'migrate-plan' };
  return { kind: 'command', command: findCommand(commands, group, name) };
}

/**
 * An unknown first word. A word written like a command is quoted, with the closest groups (and
 * `help`); when the next word is then a command of that group, or close to one, the suggestion
 * is the whole command (`certifcate lst` → `certificate list`). A word that is no group but a
 * command gets its group (`list` → `certificate list`).
 */
function unknownGroup(
  group: string,
  name: string | undefined,
  commands: readonly CliCommand[],
): CliUsageError {
  const groups = [...groupNames(commands), 'emulator'];
  const known = groups.join(', ');
  if (!isWordLike(group))
    return new CliUsageError(`unknown command ${NOT_SHOWN} (commands: ${known})`);
  const suggestions = closestWords(group, [...groups, 'help']).flatMap((suggested) => {
    if (name === undefined || !isWordLike(name)) return [suggested];
    const names = commandNames(commands, suggested);
    const named = names.includes(name) ? [name] : closestWords(name, names);
    return named.length === 1 ? [`${suggested} ${named[0]}`] : [suggested];
  });
  if (suggestions.length === 0) {
    // A command without its group: `batch-rest list` → `certificate list`.
    const full = groups.flatMap((g) => commandNames(commands, g).map((n) => [g, n] as const));
    const names = full.map(([, n]) => n);
    const matched = names.includes(group) ? [group] : closestWords(group, names);
    suggestions.push(...full.filter(([, n]) => matched.includes(n)).map(([g, n]) => `${g} ${n}`));
  }
  return new CliUsageError(
    `unknown command '${group}' (commands: ${known})`,
    'batch-rest --help',
    suggestions,
  );
}

/** `certificate migrate-plan`, the hand-written command beside the table's. */
function isMigratePlan(group: string, name: string): boolean {
  return group === MIGRATE_PLAN_GROUP && name === MIGRATE_PLAN_NAME;
}

/** The command names of `group`: the table's, plus `migrate-plan` in its group, sorted. */
export function commandNames(commands: readonly CliCommand[], group: string): string[] {
  const names = commands.filter((c) => c.group === group).map((c) => c.name);
  if (group === MIGRATE_PLAN_GROUP) names.push(MIGRATE_PLAN_NAME);
  return names.sort();
}

function findCommand(commands: readonly CliCommand[], group: string, name: string): CliCommand {
  const command = commands.find((c) => c.group === group && c.name === name);
  if (command) return command;
  const names = commandNames(commands, group);
  const known = names.join(', ');
  const shown = isWordLike(name) ? `'${group} ${name}'` : `'${group} …' ${NOT_SHOWN}`;
  const suggestions = isWordLike(name)
    ? closestWords(name, names).map((suggested) => `${group} ${suggested}`)
    : [];
  throw new CliUsageError(
    `unknown command ${shown} (${group} commands: ${known})`,
    `batch-rest ${group} --help`,
    suggestions,
  );
}

/**
 * Parses `argv` (without the node and script paths).
 *
 * @param commands - the commands from `buildCommands`
 * @throws {@link CliUsageError} or `BatchValidationError`
 */
export function parseCommandLine(
  argv: readonly string[],
  commands: readonly CliCommand[],
): ParsedCommandLine {
  const args = normalizeEmulatorFlag(argv);
  const end = args.indexOf('--') === -1 ? args.length : args.indexOf('--');
  const hasHelp = args.slice(0, end).some(isHelpFlag);
  const words = wordIndices(args, valueFlags(commands));
  const [groupIndex, commandIndex] = words;
  if (groupIndex === undefined) {
    if (hasHelp) return { kind: 'help', topic: { kind: 'global' } };
    if (args.slice(0, end).includes('--version')) return { kind: 'version' };
    throw new CliUsageError('missing command');
  }
  const group = args[groupIndex]!;
  if (group === 'help') {
    return {
      kind: 'help',
      topic: helpTopic(
        words.slice(1).map((i) => args[i]!),
        commands,
      ),
    };
  }
  if (group === 'emulator') {
    if (hasHelp) return { kind: 'help', topic: { kind: 'emulator' } };
    return parseEmulatorFlags(without(args, groupIndex));
  }
  if (!groupNames(commands).includes(group)) {
    throw unknownGroup(
      group,
      commandIndex === undefined ? undefined : args[commandIndex],
      commands,
    );
  }
  if (commandIndex === undefined) {
    if (hasHelp) return { kind: 'help', topic: { kind: 'group', group } };
    throw new CliUsageError(
      `missing command: batch-rest ${group} <command>`,
      `batch-rest ${group} --help`,
    );
  }
  if (isMigratePlan(group, args[commandIndex]!)) {
    if (hasHelp) return { kind: 'help', topic: { kind: 'migrate-plan' } };
    return parseMigratePlanFlags(without(args, groupIndex, commandIndex));
  }
  const command = findCommand(commands, group, args[commandIndex]!);
  if (hasHelp) return { kind: 'help', topic: { kind: 'command', command } };
  return parseOperationFlags(command, without(args, groupIndex, commandIndex));
}
