/**
 * Collects validation issues while a migration input is read, so one `BatchValidationError`
 * lists every problem at once (the client's error style: a path, a rule, the rule in words, never
 * the value).
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';

/** A growing list of issues. */
export type IssueList = BatchValidationIssue[];

/** Adds one issue. */
export function addIssue(issues: IssueList, path: string, rule: string, message: string): void {
  issues.push({ path, rule, message });
}

/** Throws a `BatchValidationError` listing `issues`, if there are any. */
export function throwIfIssues(issues: IssueList): void {
  if (issues.length > 0) throw new BatchValidationError(issues);
}

/** `true` for a plain JSON object (not an array, not `null`). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON property path: `a.b` for identifier keys, `a["odd key"]` otherwise. */
export function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Reports each property of `value` not in `known` as `unknown` (nothing a caller passes is
 * silently dropped). `known` names are exact.
 */
export function checkKnownProperties(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: string,
  issues: IssueList,
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (known.has(key)) continue;
    addIssue(issues, childPath(path, key), 'unknown', `is not a property of ${what}`);
  }
}
