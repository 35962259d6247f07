/** Plain-text layout for help output. Pure. */

/** Help lines are wrapped to this many columns. */
export const HELP_WIDTH = 100;

/** Wraps `text` at word boundaries to `width` columns; paragraphs (blank lines) are kept. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (lines.length > 0) lines.push('');
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(indent + line);
  }
  return lines;
}

/**
 * Two columns: terms on the left, wrapped descriptions on the right. A term wider than the left
 * column puts its description on the next line.
 */
export function twoColumns(
  rows: readonly (readonly [string, string])[],
  left = 30,
  width = HELP_WIDTH,
): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(left);
  for (const [term, description] of rows) {
    const wrapped = wrapText(description, width, pad);
    const first = `  ${term}`;
    if (first.length < left - 1 && wrapped.length > 0) {
      lines.push(first.padEnd(left) + wrapped[0]!.slice(left));
      lines.push(...wrapped.slice(1));
    } else {
      lines.push(first);
      lines.push(...wrapped);
    }
  }
  return lines;
}
