/**
 * The fenced code blocks of a Markdown file and their `<!-- readme-example:NAME … -->` markers:
 * how the README tests (jest) and the package smoke test (plain Node) find the examples they run
 * or type-check. No imports, so both can load it.
 */

/** One fenced block of a Markdown file and the marker right above it, if any. */
export interface MarkdownBlock {
  /** The marker's name (`<!-- readme-example:NAME … -->`), when the block has one. */
  readonly name?: string;
  readonly language: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

const FENCE = /^```(\S*)\s*$/;
const MARKER = /^<!-- readme-example:([a-z0-9-]+)[ >]/;

/** Every fenced block of `markdown`, with the marker of the line before it. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.split('\n');
  const blocks: MarkdownBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end < 0) throw new Error(`unclosed code block at line ${i + 1}`);
    const name = MARKER.exec(lines[i - 1] ?? '')?.[1];
    blocks.push({
      ...(name === undefined ? {} : { name }),
      language: open[1] ?? '',
      code: `${lines.slice(i + 1, end).join('\n')}\n`,
      line: i + 1,
    });
    i = end;
  }
  return blocks;
}

/** The block marked `name` (it must be of `language`). */
export function extractExample(markdown: string, name: string, language = 'ts'): string {
  const block = markdownBlocks(markdown).find((b) => b.name === name);
  if (!block) throw new Error(`no example marked ${name}`);
  if (block.language !== language) {
    throw new Error(`example ${name} is ${block.language}, not ${language}`);
  }
  return block.code;
}
