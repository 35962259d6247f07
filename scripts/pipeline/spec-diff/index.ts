/**
 * spec:diff: what changed between two specs (Swagger 2.0 or OpenAPI 3.x, in any mix), each
 * optionally with an overlay, and for whom it breaks: code written against our generated client
 * (`client`) or anything that talks to the API over HTTP (`wire`). See types.ts for the report,
 * match.ts for how the two sides are paired, and client-surface.ts, wire.ts, payload.ts and
 * exported-types.ts for the rules. Pure.
 */

import { adviceFor } from './advice.ts';
import { hasBreaking, mergeFindings, summarize } from './changes.ts';
import { clientFindings, clientOperationAdded, clientOperationRemoved } from './client-surface.ts';
import { exportedTypeFindings } from './exported-types.ts';
import { matchOperations } from './match.ts';
import { PayloadDiff } from './payload.ts';
import { type DiffInput, operationSide, prepareSide, type Side } from './side.ts';
import type { Finding, SpecDiff } from './types.ts';
import { wireFindings, wireOperationAdded, wireOperationRemoved } from './wire.ts';

export { formatJson } from './format-json.ts';
export { formatMarkdown } from './format-markdown.ts';
export { formatText } from './format-text.ts';
export type { DiffInput } from './side.ts';
export type * from './types.ts';
export { hasBreaking };

/**
 * @throws Error when the old side's overlay does not apply, or a spec cannot be read into an
 *   operation table. On the new side, an overlay action whose target is gone is listed in the
 *   report (`overlayUnmatched`, `advice`): it is what the comparison is for.
 */
export function diffSpecs(oldInput: DiffInput, newInput: DiffInput): SpecDiff {
  const before = prepareSide(oldInput, 'old');
  const after = prepareSide(newInput, 'new', true);
  const ops = matchOperations(before.model.operations(), after.model.operations());
  const payload = new PayloadDiff(before.model, after.model);
  const findings: Finding[] = [];
  for (const op of ops.removed) {
    const side = operationSide(before, op);
    findings.push(...wireOperationRemoved(side), ...clientOperationRemoved(side));
  }
  for (const op of ops.added) {
    const side = operationSide(after, op);
    findings.push(...wireOperationAdded(side), ...clientOperationAdded(side));
  }
  for (const [oldOp, newOp] of ops.pairs) {
    const [a, b] = [operationSide(before, oldOp), operationSide(after, newOp)];
    findings.push(...wireFindings(a, b), ...clientFindings(a, b));
    const [bodyA, bodyB] = [oldOp, newOp].map((op) => op.parameters.find((p) => p.in === 'body'));
    if (bodyA && bodyB) payload.compare(bodyA.schema, bodyB.schema, 'request', newOp.operationId);
    if (a.entry.responseBody === 'json' && b.entry.responseBody === 'json') {
      const [resA, resB] = [oldOp, newOp].map(
        (op) => op.responses.find((r) => /^2\d\d$/.test(r.status) && r.schema)?.schema,
      );
      if (resA && resB) payload.compare(resA, resB, 'response', newOp.operationId);
    }
    // Error bodies too: the client reads them into its errors.
    for (const r of oldOp.responses) {
      if (/^2\d\d$/.test(r.status) || !r.schema) continue;
      const other = newOp.responses.find((q) => q.status === r.status)?.schema;
      if (other) payload.compare(r.schema, other, 'response', newOp.operationId);
    }
  }
  findings.push(...payload.findings);
  findings.push(...exportedTypeFindings(before, after, ops.pairs, payload.modelPairs));
  const changes = mergeFindings(findings);
  return {
    old: sideOf(before),
    new: sideOf(after),
    operations: {
      matched: ops.pairs.length,
      renamed: ops.pairs.filter(([a, b]) => a.operationId !== b.operationId).length,
      removed: ops.removed.length,
      added: ops.added.length,
    },
    overlayUnmatched: after.unmatched.map((a) => ({ ...a })),
    advice: adviceFor({
      oldVersion: before.model.apiVersion,
      newVersion: after.model.apiVersion,
      removed: ops.removed.map((op) => operationSide(before, op).entry),
      unmatched: after.unmatched,
      newSpec: after.label,
    }),
    summary: summarize(changes),
    changes,
  };
}

function sideOf(side: Side): SpecDiff['old'] {
  return { apiVersion: side.model.apiVersion, spec: side.label, overlay: side.overlayLabel };
}
