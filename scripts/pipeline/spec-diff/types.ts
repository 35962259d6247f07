/**
 * The vocabulary of spec:diff: what a change is, and the two verdicts every change gets.
 *
 * - `client`: does code written against *our generated client* break? (a method, option, header
 *   or model renamed or removed, a TypeScript type that no longer accepts or gives what it did)
 * - `wire`: does a caller of the *HTTP API* break, whoever wrote it? (a path, a query or header
 *   name, a format that changes the text sent, required-ness, enums, JSON types, status codes)
 *
 * Each verdict is `breaking`, `compatible` (the audience sees a change that does not break it) or
 * `none` (the audience does not see this change at all).
 */

export type Verdict = 'breaking' | 'compatible' | 'none';

export type ChangeKind =
  | 'operation'
  | 'parameter'
  | 'request-body'
  | 'response'
  | 'response-header'
  | 'property'
  | 'type';

export type ChangeType = 'added' | 'removed' | 'renamed' | 'changed';

/** One reported change: where it is, what happened, and what it means for each audience. */
export interface SpecChange {
  kind: ChangeKind;
  change: ChangeType;
  /** `Certificates_CreateCertificate query timeOut`, `BatchCertificate.state (response body)`, ... */
  where: string;
  /** The operation the change belongs to (the new operationId; the old one when removed). */
  operationId: string | null;
  client: Verdict;
  wire: Verdict;
  detail: string;
}

export interface SpecSide {
  apiVersion: string;
  /** The spec file as given to the CLI (or a caller's label). */
  spec: string | null;
  /** The overlay applied before comparing, if any. */
  overlay: string | null;
}

export interface SpecDiff {
  old: SpecSide;
  new: SpecSide;
  operations: { matched: number; renamed: number; removed: number; added: number };
  /** Actions of the new side's overlay whose target the new spec does not have. */
  overlayUnmatched: { index: number; target: string; description: string | null }[];
  /**
   * What to do about what a regeneration cannot answer (removed operations: stay on the last
   * version that has them), as sentences; empty when nothing needs a decision.
   */
  advice: string[];
  summary: { changes: number; clientBreaking: number; wireBreaking: number; other: number };
  /** Breaking ones first (for either audience), then compatible, then the rest; by place. */
  changes: SpecChange[];
}

/**
 * What one comparison step found. Steps that look at the same thing from both audiences (the
 * client surface and the wire both see a renamed query parameter) use the same `key`, and their
 * findings become one {@link SpecChange} carrying both verdicts.
 */
export interface Finding {
  key: string;
  kind: ChangeKind;
  change: ChangeType;
  where: string;
  operationId: string | null;
  client?: Verdict;
  wire?: Verdict;
  detail: string;
}

const RANK: Record<Verdict, number> = { none: 0, compatible: 1, breaking: 2 };

/** The more severe of two verdicts. */
export function worst(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

export function rank(v: Verdict): number {
  return RANK[v];
}
