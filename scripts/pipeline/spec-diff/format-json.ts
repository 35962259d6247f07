/**
 * `--json`: the report for tools. The shape is stable; a change of it raises `schemaVersion`.
 *
 * ```ts
 * {
 *   schemaVersion: 2,
 *   old: { apiVersion: string, spec: string | null, overlay: string | null },
 *   new: { apiVersion: string, spec: string | null, overlay: string | null },
 *   operations: { matched: number, renamed: number, removed: number, added: number },
 *   // new in 2: the new side's overlay actions whose target is gone, and what to do about
 *   // removed operations (sentences; empty when nothing needs a decision)
 *   overlayUnmatched: { index: number, target: string, description: string | null }[],
 *   advice: string[],
 *   summary: { changes: number, clientBreaking: number, wireBreaking: number, other: number },
 *   changes: {
 *     kind: 'operation' | 'parameter' | 'request-body' | 'response' | 'response-header'
 *       | 'property' | 'type',
 *     change: 'added' | 'removed' | 'renamed' | 'changed',
 *     where: string,             // e.g. "Certificates_ListCertificates query $select"
 *     operationId: string | null, // the new operationId (the old one when removed)
 *     client: 'breaking' | 'compatible' | 'none',
 *     wire: 'breaking' | 'compatible' | 'none',
 *     detail: string,
 *   }[],
 * }
 * ```
 */
import type { SpecDiff } from './types.ts';

export const JSON_SCHEMA_VERSION = 2;

export function formatJson(diff: SpecDiff): string {
  const report = {
    schemaVersion: JSON_SCHEMA_VERSION,
    old: diff.old,
    new: diff.new,
    operations: diff.operations,
    overlayUnmatched: diff.overlayUnmatched,
    advice: diff.advice,
    summary: diff.summary,
    changes: diff.changes.map((c) => ({
      kind: c.kind,
      change: c.change,
      where: c.where,
      operationId: c.operationId,
      client: c.client,
      wire: c.wire,
      detail: c.detail,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
