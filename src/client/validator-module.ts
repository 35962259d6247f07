/**
 * The shape of a generated `validators.js` module, as the client uses it. The validator types are
 * the ones the pipeline declares in every generated `validators.d.ts`.
 */
import type {
  CompiledValidator,
  ValidationErrorObject as ValidatorError,
} from '../../generated/validators.js';

import type { RuleMessages } from '../validation/rule-words.js';

export type { CompiledValidator, ValidatorError };

/** A generated validators module: compiled validators by id, plus rule messages. */
export interface ValidatorModule {
  readonly [id: string]: unknown;
  readonly ruleMessages?: RuleMessages;
}
