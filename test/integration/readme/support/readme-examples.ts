/**
 * README examples as tests: find a block by its `<!-- readme-example:NAME` marker, and run a
 * TypeScript one as written, with the package's imports pointed at the sources, collecting what
 * it prints with `console.log`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jest } from '@jest/globals';

/** The first fenced block of `language` after the example's marker. */
export function extractExample(readme: string, name: string, language = 'ts'): string {
  const marker = readme.indexOf(`<!-- readme-example:${name}`);
  if (marker < 0) throw new Error(`README has no example marked ${name}`);
  const match = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(marker));
  if (!match) throw new Error(`README example ${name} has no ${language} block`);
  return match[1]!;
}

/**
 * Writes the example into `dir` (two levels under the repository, like `.tmp/x`), imports it and
 * returns the lines it logged.
 */
export async function runExample(name: string, dir: string): Promise<string[]> {
  const source = extractExample(await readFile('README.md', 'utf8'), name)
    .replaceAll("from 'batch-rest-client/testing'", "from '../../src/testing/index.js'")
    .replaceAll("from 'batch-rest-client'", "from '../../src/index.js'");
  if (source.includes("'batch-rest-client")) {
    throw new Error(`README example ${name} imports an entry the runner does not map`);
  }
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  await writeFile(file, `${source}\nexport {};\n`);
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(file);
  } finally {
    log.mockRestore();
  }
  return lines;
}
