/**
 * README examples as tests: find a block by its `<!-- readme-example:NAME` marker, and run a
 * TypeScript one as written, with the package's imports pointed at the sources, collecting what
 * it prints (`console.log`, `console.error`) and the warnings it emits. The same markers tell the
 * package smoke test which blocks to type-check against the installed package.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { jest } from '@jest/globals';
import { extractExample } from '../../../support/markdown-blocks.ts';

export { extractExample, markdownBlocks } from '../../../support/markdown-blocks.ts';

/** Where each import of the package points in the sources. */
const ENTRIES: Readonly<Record<string, string>> = {
  'batch-rest-client': 'src/index.js',
  'batch-rest-client/certificates': 'src/certificate-file/node.js',
  'batch-rest-client/migration': 'src/migration/index.js',
  'batch-rest-client/testing': 'src/testing/index.js',
  'batch-rest-client/testing/msw': 'src/testing/msw.js',
};

let runs = 0;

/** What an example printed and emitted. */
export interface ExampleOutput {
  readonly log: string[];
  readonly error: string[];
  /** `process.emitWarning` calls: the warning code (or type) and its message. */
  readonly warnings: { readonly code: string; readonly message: string }[];
}

export interface RunOptions {
  /** The Markdown file holding the example, relative to the repository. Default `README.md`. */
  readonly file?: string;
  /** The working directory while it runs (relative file names in the example resolve there). */
  readonly cwd?: string;
}

/**
 * Writes the example into `dir` (under the repository, like `.tmp/x`, so jest transforms it),
 * imports it and returns what it printed. Nothing else is changed in it.
 */
export async function runExample(
  name: string,
  dir: string,
  options: RunOptions = {},
): Promise<ExampleOutput> {
  const root = process.cwd();
  const code = extractExample(await readFile(options.file ?? 'README.md', 'utf8'), name);
  const source = code.replace(/from '(batch-rest-client[^']*)'/g, (_match, entry: string) => {
    const target = ENTRIES[entry];
    if (!target) throw new Error(`example ${name} imports ${entry}, which the runner does not map`);
    return `from '${relative(dir, join(root, target)).replaceAll('\\', '/')}'`;
  });
  await mkdir(dir, { recursive: true });
  // A new file each run: an ES module runs once per file name.
  runs += 1;
  const file = join(dir, `${name}-${runs}.ts`);
  await writeFile(file, `${source}\nexport {};\n`);
  const output: ExampleOutput = { log: [], error: [], warnings: [] };
  const text = (args: unknown[]) => args.map(String).join(' ');
  const log = jest.spyOn(console, 'log').mockImplementation((...args) => {
    output.log.push(text(args));
  });
  const error = jest.spyOn(console, 'error').mockImplementation((...args) => {
    output.error.push(text(args));
  });
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation((warning, options) => {
    const code =
      typeof options === 'object' && options !== null && 'code' in options
        ? String(options.code)
        : String(options);
    output.warnings.push({ code, message: String(warning) });
  });
  if (options.cwd) process.chdir(options.cwd);
  try {
    await import(file);
  } finally {
    process.chdir(root);
    log.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  }
  return output;
}
