/**
 * Looks up a compiled validator of a generated `validators.js` by the id the operation table names.
 *
 * @module
 */

import type { ValidatorModule } from '../client/validator-module.js';
import type { CompiledValidator } from '../validation/rule-words.js';

/** The validator with id `id`, or `undefined` when the table names none or it is missing. */
export function findValidator(
  validators: ValidatorModule,
  id: string | undefined,
): CompiledValidator | undefined {
  const validate = id === undefined ? undefined : validators[id];
  return typeof validate === 'function' ? (validate as CompiledValidator) : undefined;
}
