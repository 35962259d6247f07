/**
 * Looks up a compiled validator of `generated/validators.js` by the id the operation table names.
 *
 * @module
 */

import type { CompiledValidator } from '../../generated/validators.js';
import * as validators from '../../generated/validators.js';

const byId = validators as unknown as Readonly<Record<string, CompiledValidator | undefined>>;

/** The words of rules the validators report abstractly (see `src/validation/rule-words.ts`). */
export const ruleMessages = validators.ruleMessages;

/** The validator with id `id`, or `undefined` when the table names none or it is missing. */
export function findValidator(id: string | undefined): CompiledValidator | undefined {
  return id === undefined ? undefined : byId[id];
}
