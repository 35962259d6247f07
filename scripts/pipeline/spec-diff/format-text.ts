/** The terminal report: the summary first, then one line per change, breaking ones first. */
import type { SpecDiff, SpecSide, Verdict } from './types.ts';

export function formatText(diff: SpecDiff): string {
  const lines = [...headerLines(diff), ''];
  if (diff.changes.length === 0) lines.push('No changes.');
  else {
    lines.push(`${'client'.padEnd(12)}${'wire'.padEnd(12)}${'change'.padEnd(9)}where — detail`);
    for (const c of diff.changes) {
      lines.push(
        `${show(c.client).padEnd(12)}${show(c.wire).padEnd(12)}${c.change.padEnd(9)}${c.where} — ${c.detail}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The lines the text and Markdown reports open with. */
export function headerLines(diff: SpecDiff): string[] {
  const { summary: s, operations: o } = diff;
  return [
    `spec:diff ${diff.old.apiVersion} → ${diff.new.apiVersion}`,
    ...sideLine('old', diff.old),
    ...sideLine('new', diff.new),
    `${s.clientBreaking} breaking for the client, ${s.wireBreaking} breaking on the wire, ${s.other} other (${s.changes} changes)`,
    `operations: ${o.matched} matched by method and path (${o.renamed} renamed), ${o.removed} removed, ${o.added} added`,
    ...diff.advice,
  ];
}

function sideLine(name: string, side: SpecSide): string[] {
  if (!side.spec && !side.overlay) return [];
  const overlay = side.overlay ? ` with overlay ${side.overlay}` : ', no overlay';
  return [`${name}: ${side.spec ?? '(spec)'}${overlay}`];
}

function show(v: Verdict): string {
  return v === 'breaking' ? 'BREAKING' : v === 'compatible' ? 'compatible' : '-';
}
