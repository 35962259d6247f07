/**
 * `--markdown`: the report as a GitHub-flavoured Markdown table a reviewer can paste into a pull
 * request: change, where, client verdict, wire verdict, detail.
 */
import { headerLines } from './format-text.ts';
import type { SpecDiff, Verdict } from './types.ts';

export function formatMarkdown(diff: SpecDiff): string {
  const [title, ...rest] = headerLines(diff);
  const lines = [`### ${cell(title!)}`, '', ...rest.map((l) => `${cell(l)}  `), ''];
  if (diff.changes.length === 0) lines.push('No changes.');
  else {
    lines.push('| change | where | client | wire | detail |', '| --- | --- | --- | --- | --- |');
    for (const c of diff.changes) {
      lines.push(
        `| ${c.change} | \`${c.where.replaceAll('`', "'")}\` | ${show(c.client)} | ${show(c.wire)} | ${cell(c.detail)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function show(v: Verdict): string {
  return v === 'breaking' ? '**breaking**' : v === 'compatible' ? 'compatible' : '—';
}

/** Text safe in a table cell: no pipes, no line breaks, no HTML. */
export function cell(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/\r?\n/g, ' ');
}
