/**
 * Every rule of a validation error in words. ajv's own messages speak schema (`must match pattern
 * "^[0-9A-Fa-f]{1,40}$"`, `must NOT have more than 3 characters`); callers, the CLI and the
 * emulator all report issues through this one function, so a rule reads the same wherever it is
 * enforced. Pure.
 *
 * Where the keyword alone does not say what the rule means (a pattern, a conditional rule), the
 * words come from the generated `ruleMessages` (the overlay's `x-batch-messages`); a pattern the
 * spec gives without words is still named, as the pattern the spec defines.
 */
import type {
  CompiledValidator,
  ValidationErrorObject as ValidatorError,
} from '../../generated/validators.js';

export type { CompiledValidator, ValidatorError };

/**
 * The words of rules (a generated `ruleMessages`), by `<schema id>#<pointer>`: the validator's id
 * for a rule of its own schema, the shared schema's id (`def.CertificateAddParameter`) for a rule
 * inside a definition every validator reaching it calls (see {@link ruleKey}).
 */
export type RuleMessages = Readonly<
  Record<string, { readonly field?: string; readonly message: string }>
>;

/** One broken rule: where (path segments inside the validated value), which rule, in words. */
export interface RuleIssue {
  readonly segments: readonly string[];
  readonly rule: string;
  readonly message: string;
}

/** `must be at most 10240 bytes once decoded from base64`: the one wording of a byte limit. */
export function maxBytesWords(limit: number): string {
  return `must be at most ${limit} bytes once decoded from base64`;
}

/**
 * What date-time text must be: RFC 3339 text names one instant on every host only with its
 * offset (without one, JavaScript reads it in the host's time zone).
 */
const DATE_TIME_WORDS =
  'an RFC 3339 date-time with a time zone offset (Z or ±hh:mm), such as 2024-07-01T00:00:00Z';
const FULL_DATE_WORDS = 'must be an RFC 3339 full-date (yyyy-mm-dd), such as 2024-07-01';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/**
 * The `ruleMessages` key of a validation error. ajv reports an error of the validator's own schema
 * with a `schemaPath` of `#/...` (the key is the validator's id before it), and an error inside a
 * shared schema with that schema's id in front (`def.CertificateAddParameter#/properties/...`),
 * which is the key itself.
 */
export function ruleKey(id: string, error: Pick<ValidatorError, 'schemaPath'>): string {
  return error.schemaPath.startsWith('#') ? `${id}${error.schemaPath}` : error.schemaPath;
}

/**
 * The issue a validation error stands for, or `undefined` for errors that only accompany another
 * (`if`: the failing `then` branch reports the actual problem).
 *
 * @param id - the validator's id (e.g. `Certificate_Add_body`), to look up `ruleMessages`
 */
export function ruleIssue(
  id: string,
  error: ValidatorError,
  ruleMessages: RuleMessages | undefined,
): RuleIssue | undefined {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = error.params;
  const words = ruleMessages?.[ruleKey(id, error)];
  const at = (message: string, rule = error.keyword) => ({ segments, rule, message });
  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'required':
      return {
        segments: [...segments, String(p.missingProperty)],
        rule: 'required',
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        segments: [...segments, String(p.additionalProperty)],
        rule: 'additionalProperties',
        message: 'is not a known property',
      };
    case 'not':
      if (words?.field)
        return { segments: [...segments, words.field], rule: 'not', message: words.message };
      return at(words?.message ?? 'is not allowed here');
    case 'pattern':
      return at(
        words?.message ?? `must have the form the spec defines (pattern ${String(p.pattern)})`,
      );
    case 'type':
      return at(`must be ${typeWords(p.type)}`);
    case 'enum': {
      const allowed = p.allowedValues as unknown[];
      return at(
        allowed.length === 1
          ? `must be ${quoteAll(allowed)}`
          : `must be one of ${quoteAll(allowed)}`,
      );
    }
    case 'const':
      return at(`must be ${JSON.stringify(p.allowedValue)}`);
    case 'minLength':
      return at(
        p.limit === 1
          ? 'must not be empty'
          : `must be at least ${plural(Number(p.limit), 'character')} long`,
      );
    case 'maxLength':
      return at(`must be at most ${plural(Number(p.limit), 'character')} long`);
    case 'minimum':
      return at(`must be at least ${String(p.limit)}`);
    case 'maximum':
      return at(`must be at most ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return at(`must be greater than ${String(p.limit)}`);
    case 'exclusiveMaximum':
      return at(`must be less than ${String(p.limit)}`);
    case 'multipleOf':
      return at(`must be a multiple of ${String(p.multipleOf)}`);
    case 'minItems':
      return at(`must have at least ${plural(Number(p.limit), 'item')}`);
    case 'maxItems':
      return at(`must have at most ${plural(Number(p.limit), 'item')}`);
    case 'uniqueItems':
      return at('must not contain the same item twice');
    case 'minProperties':
      return at(`must have at least ${plural(Number(p.limit), 'property', 'properties')}`);
    case 'maxProperties':
      return at(`must have at most ${plural(Number(p.limit), 'property', 'properties')}`);
    case 'anyOf':
    case 'oneOf':
      return at('must match one of the forms the spec allows');
    case 'base64':
      return at('must be base64 (A-Z, a-z, 0-9, +, /; padded with = to a multiple of 4)');
    case 'maxBytes':
      return at(maxBytesWords(Number(p.limit)));
    case 'instanceofDate':
      return at('must be a valid Date');
    case 'dateOrString':
      return at(`must be a Date or ${DATE_TIME_WORDS}`);
    case 'dateText':
      return at(p.format === 'date' ? FULL_DATE_WORDS : `must be ${DATE_TIME_WORDS}`);
    case 'readOnlyProperty':
      return at('is read-only: the service sets it, so leave it out of the request');
    default:
      return at(words?.message ?? error.message ?? 'is invalid');
  }
}
