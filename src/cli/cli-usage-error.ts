/**
 * A command line the CLI cannot run: unknown command or flag, a missing value, a missing
 * account configuration. Exit code 2. `helpCommand` names the help that explains the fix;
 * `suggestions` the known words closest to a mistyped command or flag ("did you mean").
 */
export class CliUsageError extends Error {
  /** Always `'CliUsageError'`. */
  override readonly name = 'CliUsageError' as const;
  /** The `--help` invocation to suggest, e.g. `batch-rest certificate add --help`. */
  readonly helpCommand: string;
  /**
   * Known commands or flags close to the word that was refused, e.g. `['--filter']` for
   * `--filtr`: names from the command table, never anything the user typed. Empty when none.
   */
  readonly suggestions: readonly string[];

  /**
   * @param message - what is wrong, without any secret value
   * @param helpCommand - the help to suggest; default `batch-rest --help`
   * @param suggestions - see {@link CliUsageError.suggestions}
   */
  constructor(
    message: string,
    helpCommand = 'batch-rest --help',
    suggestions: readonly string[] = [],
  ) {
    super(message);
    this.helpCommand = helpCommand;
    this.suggestions = Object.freeze([...suggestions]);
  }
}

/** `true` when `value` is a {@link CliUsageError}; compares `name`, so it works across realms. */
export function isCliUsageError(value: unknown): value is CliUsageError {
  return (value as { name?: unknown } | null)?.name === 'CliUsageError';
}
