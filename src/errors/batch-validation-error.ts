/**
 * The error thrown before any request is sent when arguments are invalid.
 *
 * @module
 */

import { INSPECT_CUSTOM, inspectSafely } from './safe-inspect.js';

/**
 * One problem with an argument. It names *where* and *which rule*, never the offending value:
 * the type has no field for it, and {@link BatchValidationError} copies only these three fields,
 * so a secret (certificate data, password) cannot end up in an error.
 */
export interface BatchValidationIssue {
  /** Where the problem is, as a dotted path, e.g. `certificate.thumbprint` or `options.timeout`. */
  readonly path: string;
  /** The rule that failed, e.g. `required`, `type`, `pattern`, `maxLength`, `enum`, `range`. */
  readonly rule: string;
  /** What is wrong, without the value, e.g. `must be up to 40 hexadecimal digits`. */
  readonly message: string;
}

/** How many issues the message lists before summarising the rest as `… and N more`. */
export const MAX_LISTED_ISSUES = 5;

/**
 * Formats the message of a {@link BatchValidationError}:
 *
 * ```text
 * Invalid arguments (2 issues):
 * - certificate.thumbprint: must be up to 40 hexadecimal digits [pattern]
 * - options.timeout: must be an integer from 1 to 30 [range]
 * ```
 *
 * At most {@link MAX_LISTED_ISSUES} issues are listed; the last line is then
 * `- … and N more`.
 */
export function formatValidationMessage(issues: ReadonlyArray<BatchValidationIssue>): string {
  if (issues.length === 0) return 'Invalid arguments.';
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `- ${issue.path}: ${issue.message} [${issue.rule}]`);
  const rest = issues.length - MAX_LISTED_ISSUES;
  if (rest > 0) lines.push(`- … and ${rest} more`);
  return [`Invalid arguments (${count}):`, ...lines].join('\n');
}

/**
 * Arguments failed validation; nothing was sent. Extends `TypeError`, so existing
 * `instanceof TypeError` checks keep working. Fix the listed `issues` and call again.
 */
export class BatchValidationError extends TypeError {
  /** Always `'BatchValidationError'`; guards compare it so they work across realms. */
  override readonly name = 'BatchValidationError' as const;
  /** Every problem found (frozen copies holding only `path`, `rule` and `message`). */
  readonly issues: ReadonlyArray<BatchValidationIssue>;

  /** @param issues - every problem found; each is copied without any extra fields. */
  constructor(issues: ReadonlyArray<BatchValidationIssue>) {
    const copies = Object.freeze(
      issues.map(({ path, rule, message }) =>
        Object.freeze({ path: String(path), rule: String(rule), message: String(message) }),
      ),
    );
    super(formatValidationMessage(copies));
    this.issues = copies;
  }

  /** The safe, printable view used by `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, issues: this.issues };
  }

  /** Node's `util.inspect` hook: stack plus `issues` only. */
  [INSPECT_CUSTOM](
    _depth: number,
    options: unknown,
    inspect?: (v: unknown, o?: unknown) => string,
  ) {
    return inspectSafely(this, { issues: this.issues }, options, inspect);
  }
}
