/**
 * Whether a success body can be the operation's result: the check the client hands hey-api as its
 * `responseValidator`, made once per operation by the client runtime, and the error it throws,
 * which the call's deserialize phase (`send-call.ts`) turns into a `BatchResponseError`.
 *
 * @module
 */
import type { BatchResponseIssue } from '../errors/batch-response-error.js';
import type { OperationSpec } from '../table/operation-table.js';
import { type CompiledValidator, ruleIssue } from '../validation/rule-words.js';
import type { ValidatorModule } from './validator-module.js';

/**
 * Thrown by {@link shapeCheck}'s check when a success body cannot be the operation's result by
 * the generated `<OperationId>_response` validator (JSON types only, so what a newer service adds
 * or omits still passes), run as hey-api's `responseValidator` on the parsed body, before
 * hey-api's transformers turn date strings into `Date`s. Thrown inside hey-api; `send-call.ts`'s
 * deserialize phase turns it into a BatchResponseError.
 */
export class ShapeMismatch extends Error {
  override readonly name = 'ShapeMismatch';
  constructor(readonly issues: readonly BatchResponseIssue[]) {
    super('the body does not have the declared shape');
  }
}

/** hey-api's `responseValidator` for `operation`, or `undefined` when it has no JSON result. */
export function shapeCheck(
  operation: OperationSpec,
  validators: ValidatorModule,
): ((data: unknown) => Promise<void>) | undefined {
  const id = operation.validators.response;
  const validate = id ? (validators[id] as CompiledValidator | undefined) : undefined;
  if (!id || typeof validate !== 'function') return undefined;
  return async (data) => {
    if (validate(data)) return;
    const issues = (validate.errors ?? []).flatMap((error) => {
      const issue = ruleIssue(id, error, validators.ruleMessages);
      return issue ? [{ path: bodyPath(issue.segments), message: issue.message }] : [];
    });
    throw new ShapeMismatch(issues);
  };
}

/** `['value', '0', 'state']` → `value[0].state`. */
function bodyPath(segments: readonly string[]): string {
  return segments.reduce(
    (path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`),
    '',
  );
}
