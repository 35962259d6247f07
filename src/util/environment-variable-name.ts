/**
 * What the project accepts as the name of an environment variable (`--password-env`,
 * `--account-key-env`, `passwordEnvironmentVariable`): POSIX's portable form, letters, digits and
 * `_`, not starting with a digit. Only a value of this form is ever repeated in a message; anything
 * else may be a secret typed where the name belongs.
 */

/** `[A-Za-z_][A-Za-z0-9_]*`, the portable name of an environment variable (POSIX.1-2017, 8.1). */
export const ENVIRONMENT_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The rule in words, for messages. */
export const ENVIRONMENT_VARIABLE_NAME_RULE = 'letters, digits and _, not starting with a digit';

/** `true` when `value` is a portable environment variable name. */
export function isEnvironmentVariableName(value: unknown): value is string {
  return typeof value === 'string' && ENVIRONMENT_VARIABLE_NAME.test(value);
}
