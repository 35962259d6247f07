/**
 * Flags that name the environment variable holding a secret (`--password-env`,
 * `--account-key-env`): the secret never goes on the command line, where the process list shows
 * it. Their value is repeated in a message only when it is a valid variable name; a value that is
 * not one, or that is the value of another variable (`--password-env "$PFX_PASSWORD"` — the shell
 * put the password where its name belongs), is refused without showing it.
 */
import {
  ENVIRONMENT_VARIABLE_NAME_RULE,
  isEnvironmentVariableName,
} from '../util/environment-variable-name.js';
import { CliUsageError } from './cli-usage-error.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The first variable (by name) whose value is `value`, if any. */
function variableHolding(value: string, env: Environment): string | undefined {
  if (value.trim() === '') return undefined;
  return Object.keys(env)
    .sort()
    .find((name) => env[name] === value && isEnvironmentVariableName(name));
}

/**
 * Refuses a `--flag` value that cannot be a variable name, without repeating it. A valid name of
 * a variable that is not set passes (see {@link readVariableFlag} for reading it).
 *
 * @param flag - the flag as typed, e.g. `--password-env`
 * @param env - the environment, to tell a secret given in place of a name
 * @throws {@link CliUsageError} naming the flag and the rule, never the value
 */
export function checkVariableFlag(
  flag: string,
  value: string,
  env: Environment,
  help: string,
): void {
  if (isEnvironmentVariableName(value) && env[value] !== undefined) return;
  const holder = variableHolding(value, env);
  if (holder !== undefined) {
    throw new CliUsageError(
      `${flag} takes the name of an environment variable, but was given the value of $${holder} ` +
        `(not shown): write ${flag} ${holder}, without the $`,
      help,
    );
  }
  if (!isEnvironmentVariableName(value)) {
    throw new CliUsageError(
      `${flag} takes the name of an environment variable (${ENVIRONMENT_VARIABLE_NAME_RULE}); ` +
        'the value given is not one and is not shown',
      help,
    );
  }
}

/**
 * Reads the variable a `--flag` names.
 *
 * @param options.blankIsUnset - treat an empty or blank value as not set (an account key);
 *   otherwise the empty string is a value (a `.pfx` may have an empty password)
 * @throws {@link CliUsageError} as {@link checkVariableFlag}, or naming the variable when it is
 *   not set
 */
export function readVariableFlag(
  flag: string,
  name: string,
  env: Environment,
  help: string,
  options: { readonly blankIsUnset?: boolean } = {},
): string {
  checkVariableFlag(flag, name, env, help);
  const value = env[name];
  if (value === undefined || (options.blankIsUnset === true && value.trim() === '')) {
    throw new CliUsageError(`${flag} ${name}: the variable ${name} is not set`, help);
  }
  return value;
}
