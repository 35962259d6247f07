/**
 * `node:util` parseArgs over a list of {@link CliFlag}s, with its errors turned into
 * {@link CliUsageError}s. Node's messages name the flag, never a value.
 */
import { parseArgs } from 'node:util';
import type { CliFlag } from './cli-flag.js';
import { CliUsageError } from './cli-usage-error.js';

/** Flag values by flag name, and the positional arguments. */
export interface ParsedFlags {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** The values of flags marked `multiple`, in command-line order (empty when not given). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly positionals: readonly string[];
}

/** Parses `args` strictly: unknown flags, missing values and values given to switches fail. */
export function runParseArgs(
  args: readonly string[],
  flags: readonly CliFlag[],
  helpCommand: string,
): ParsedFlags {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
  > = {};
  for (const flag of flags) {
    options[flag.name] = {
      type: flag.kind,
      ...(flag.name === 'help' ? { short: 'h' } : {}),
      ...(flag.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    const values: Record<string, string | boolean | undefined> = {};
    const lists: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(parsed.values)) {
      if (Array.isArray(value)) lists[name] = value.map(String);
      else values[name] = value;
    }
    return { values, lists, positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new CliUsageError(firstSentence((error as Error).message), helpCommand);
  }
}

/** Node's parseArgs messages add advice about `--` that does not help here; keep the first part. */
function firstSentence(message: string): string {
  const cut = message.search(/\. (To specify|Did you forget)/);
  const text = cut === -1 ? message : message.slice(0, cut);
  return text.charAt(0).toLowerCase() + text.slice(1);
}
