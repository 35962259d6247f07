/**
 * A command line the CLI cannot run: unknown command or flag, a missing value, a missing
 * account configuration. Exit code 2. `helpCommand` names the help that explains the fix.
 */
export class CliUsageError extends Error {
  /** Always `'CliUsageError'`. */
  override readonly name = 'CliUsageError' as const;
  /** The `--help` invocation to suggest, e.g. `batch-rest certificate add --help`. */
  readonly helpCommand: string;

  /**
   * @param message - what is wrong, without any secret value
   * @param helpCommand - the help to suggest; default `batch-rest --help`
   */
  constructor(message: string, helpCommand = 'batch-rest --help') {
    super(message);
    this.helpCommand = helpCommand;
  }
}

/** `true` when `value` is a {@link CliUsageError}; compares `name`, so it works across realms. */
export function isCliUsageError(value: unknown): value is CliUsageError {
  return (value as { name?: unknown } | null)?.name === 'CliUsageError';
}
