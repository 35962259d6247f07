/**
 * `node:util` parseArgs over a list of {@link CliFlag}s, strict, with every refusal worded here
 * so that no message repeats a value: values may be secrets (a password typed after
 * `--password-env`, `--passwrd=hunter2`). A message names a flag only in the form the CLI's
 * flags have (see {@link isFlagLike}); anything else is described, not quoted.
 */
import { parseArgs } from 'node:util';
import type { CliFlag } from './cli-flag.js';
import { CliUsageError } from './cli-usage-error.js';
import { closestWords } from './closest-words.js';

/** Flag values by flag name, and the positional arguments. */
export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** The values of flags marked `multiple`, in command-line order (empty when not given). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly positionals: readonly string[];
}

/** `--kebab-case` (up to 40 characters) or `-x`: the only unknown flags a message may quote. */
const FLAG_LIKE = /^(?:--[a-z0-9]+(?:-[a-z0-9]+)*|-[A-Za-z0-9])$/;

/** `true` when `text` has the form of a flag name, so an error may quote it. */
export function isFlagLike(text: string): boolean {
  return text.length <= 40 && FLAG_LIKE.test(text);
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Why a command line is refused, and the flags the user may have meant. */
interface Refusal {
  readonly message: string;
  readonly suggestions?: readonly string[];
}

/**
 * An unknown flag: quoted (with the known flags closest to it) only when it is written like a
 * flag name. A long name given with one dash (`-filter`), which node:util reads as a group of
 * short flags, is named whole.
 */
function unknownFlag(rawName: string, arg: string, flags: readonly CliFlag[]): Refusal {
  const word = arg.startsWith('-') && !arg.startsWith('--') ? arg.split('=')[0]! : '';
  const name = word.length > 2 ? word : rawName;
  const typed = word.length > 2 ? `-${word}` : rawName;
  if (!isFlagLike(typed)) {
    return { message: 'unknown option (not shown: it is not written like an option name)' };
  }
  const known = flags.map((flag) => `--${flag.name}`);
  return { message: `unknown option '${name}'`, suggestions: closestWords(typed, known) };
}

/**
 * The refusal for the first flag token that strict parsing would refuse (or that it would take
 * silently: a repeated single-value flag keeps only its last value), worded without values.
 */
function refusal(args: readonly string[], flags: readonly CliFlag[]): Refusal | undefined {
  const byName = new Map(flags.map((flag) => [flag.name, flag]));
  const { tokens } = parseArgs({
    args: [...args],
    options: toOptions(flags),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = byName.get(token.name);
    if (!flag) return unknownFlag(token.rawName, args[token.index] ?? '', flags);
    const name = `--${flag.name}`;
    if (flag.kind === 'boolean') {
      if (token.value !== undefined) {
        return { message: `option '${name}' does not take an argument` };
      }
      continue;
    }
    if (token.value === undefined) return { message: `option '${name} <value>' argument missing` };
    if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
      return {
        message: `option '${name}' argument is ambiguous: give a value that starts with '-' as ${name}=-…`,
      };
    }
    if (!flag.multiple && seen.has(flag.name)) {
      return { message: `option '${name}' is given more than once; give it once` };
    }
    seen.add(flag.name);
  }
  return undefined;
}

function toOptions(flags: readonly CliFlag[]): Options {
  const options: Options = {};
  for (const flag of flags) {
    options[flag.name] = {
      type: flag.kind,
      ...(flag.name === 'help' ? { short: 'h' } : {}),
      ...(flag.multiple ? { multiple: true } : {}),
    };
  }
  return options;
}

/**
 * Parses `args` strictly: unknown flags, missing values, values given to switches, values that
 * look like flags and single-value flags given twice fail.
 *
 * @throws {@link CliUsageError} naming the flag, never a value; for an unknown flag written like
 *   one, with the closest of `flags` as its `suggestions`
 */
export function runParseArgs(
  args: readonly string[],
  flags: readonly CliFlag[],
  helpCommand: string,
): ParsedFlags {
  const refused = refusal(args, flags);
  if (refused !== undefined) {
    throw new CliUsageError(refused.message, helpCommand, refused.suggestions);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: toOptions(flags),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    // Every case node:util refuses is worded above; its own messages may quote an argument.
    throw new CliUsageError(`the flags cannot be parsed (${code})`, helpCommand);
  }
  const values: Record<string, string | boolean | undefined> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (Array.isArray(value)) lists[name] = value.map(String);
    else values[name] = value as string | boolean | undefined;
  }
  return { values, lists, positionals: parsed.positionals };
}
