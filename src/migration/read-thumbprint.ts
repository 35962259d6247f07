/**
 * Thumbprints as everywhere in the package: separators removed by `removeSeparators` (white
 * space, colons, invisible direction marks), then exactly 40 hex digits (SHA-1), compared
 * case-insensitively and kept lowercase.
 */
import { canonicalThumbprint } from '../util/canonical-thumbprint.js';
import { addIssue, type IssueList } from './issues.js';

/** The rule in words, as issues state it. */
export const THUMBPRINT_RULE =
  'must be a SHA-1 thumbprint: 40 hexadecimal digits (spaces, colons and invisible direction marks are ignored)';

/**
 * The canonical thumbprint (40 lowercase hex digits) of `value`, or `undefined` after adding an
 * issue at `path`.
 */
export function readThumbprint(
  value: unknown,
  path: string,
  issues: IssueList,
): string | undefined {
  if (typeof value !== 'string') {
    addIssue(issues, path, 'type', 'must be a string (a SHA-1 thumbprint)');
    return undefined;
  }
  const canonical = canonicalThumbprint(value);
  if (!/^[0-9a-f]{40}$/.test(canonical)) {
    addIssue(issues, path, 'pattern', THUMBPRINT_RULE);
    return undefined;
  }
  return canonical;
}
