/**
 * Every code block of the README is marked (`<!-- readme-example:NAME -->`) and covered: run by
 * a test here, or type-checked against the installed package by the package smoke test (every
 * `ts` block of the READMEs below, with the settings the README claims). The README's facts that
 * are not code are checked against their source: its length, the package and tarball names, the
 * two commands and what `npm test` runs, and the runtime table against the runtime matrix.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { NODE_22_VERSION } from '../../runtimes/command-line-runtimes.ts';
import { expectedSteps } from '../../runtimes/expected-steps.ts';
import { extractExample, markdownBlocks } from './support/readme-examples.js';

const SMOKE =
  'the package smoke test, which type-checks every ts block against the installed package';

/** Each README block, and the tests that run or check it (each test file names the block). */
const README_COVERAGE: Readonly<Record<string, readonly string[]>> = {
  install: ['test/integration/readme/coverage.test.ts'],
  'make-certificate': ['test/integration/readme/quick-start.test.ts'],
  'quickstart-azure': ['test/integration/readme/quick-start.test.ts', SMOKE],
  'quickstart-emulator': ['test/integration/readme/quick-start.test.ts', SMOKE],
  authentication: [SMOKE],
  'call-options': ['test/integration/readme/quick-start.test.ts', SMOKE],
  'make-pfx': ['test/integration/readme/quick-start.test.ts'],
  'certificate-files': ['test/integration/readme/quick-start.test.ts', SMOKE],
  cli: ['test/integration/readme/cli-examples.test.ts'],
  'cli-did-you-mean': ['test/integration/readme/cli-examples.test.ts'],
  migration: ['test/integration/readme/cli-examples.test.ts', 'test/package/readme-examples.ts'],
  working: ['test/integration/readme/coverage.test.ts'],
};

/** The code blocks of the maintainer READMEs that users copy, and their tests. */
const OTHER_COVERAGE: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'src/client/README.md': {
    'policy-signed-header': ['test/integration/readme/policy-examples.test.ts', SMOKE],
    'policy-logging': ['test/integration/readme/policy-examples.test.ts', SMOKE],
    'policy-tracing': ['test/integration/readme/policy-examples.test.ts', SMOKE],
  },
  'src/migration/README.md': {
    'migration-from-code': ['test/integration/readme/cli-examples.test.ts', SMOKE],
  },
  'src/certificate-file/README.md': {
    'certificate-from-pfx': [SMOKE],
  },
  'src/emulator/README.md': {
    'consumer-test': ['test/integration/readme/coverage.test.ts'],
  },
};

async function expectCovered(file: string, coverage: Readonly<Record<string, readonly string[]>>) {
  const blocks = markdownBlocks(await readFile(file, 'utf8'));
  const marked = blocks.filter((block) => block.name !== undefined);
  const names = marked.map((block) => block.name);
  expect(new Set(names).size).toBe(names.length);
  for (const [name, tests] of Object.entries(coverage)) {
    expect({ name, marked: names.includes(name) }).toEqual({ name, marked: true });
    for (const test of tests) {
      const path = test === SMOKE ? 'test/package/readme-examples.ts' : test.split(' ')[0]!;
      const source = await readFile(path, 'utf8');
      if (test === SMOKE) {
        const block = marked.find((b) => b.name === name);
        expect({ name, language: block?.language }).toEqual({ name, language: 'ts' });
        expect({ file, smokeTestReadsIt: source.includes(`'${file}'`) }).toEqual({
          file,
          smokeTestReadsIt: true,
        });
      } else {
        expect({ name, test, namesIt: source.includes(`'${name}'`) }).toEqual({
          name,
          test,
          namesIt: true,
        });
      }
    }
  }
  return { blocks, names };
}

describe('README.md', () => {
  it('has at most 350 lines', async () => {
    const lines = (await readFile('README.md', 'utf8')).trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(350);
  });

  it('marks every code block, and each is run or type-checked by the tests named here', async () => {
    const { blocks, names } = await expectCovered('README.md', README_COVERAGE);
    const unmarked = blocks.filter((block) => block.name === undefined).map((b) => b.line);
    expect({ unmarkedBlocksAtLines: unmarked }).toEqual({ unmarkedBlocksAtLines: [] });
    expect(names.sort()).toEqual(Object.keys(README_COVERAGE).sort());
  });

  it('install: the package name, and the tarball `npm pack` makes from a clone', async () => {
    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as {
      name: string;
      version: string;
      scripts: Record<string, string>;
    };
    const readme = await readFile('README.md', 'utf8');
    expect(extractExample(readme, 'install', 'sh')).toBe(`npm install ${manifest.name}\n`);
    expect(readme).toContain('`npm ci && npm pack` there, then');
    expect(readme).toContain(`\`npm install /path/to/${manifest.name}-${manifest.version}.tgz\``);
    // npm pack builds first; the package smoke test packs and installs the tarball this way.
    expect(manifest.scripts.prepack).toBe('npm run build');
  });

  it('working: the two commands, and npm test runs what the comment lists', async () => {
    const readme = await readFile('README.md', 'utf8');
    const block = extractExample(readme, 'working', 'sh');
    const commands = block.split('\n').map((line) => line.replace(/\s+#.*$/, ''));
    expect(commands.filter((c) => c !== '')).toEqual(['npm ci && npm start', 'npm ci && npm test']);
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toBe('node scripts/start.ts'); // run by test/integration/cli/start-script.test.ts
    // npm test runs these side by side (npm-run-all2), the last two one after the other.
    expect(scripts.test).toBe(
      'run-p --aggregate-output typecheck lint docs:check "generate -- --check" test:jest test:packed',
    );
    expect(scripts['docs:check']).toBe('typedoc --emit none'); // the API docs' checks, nothing written
    expect(scripts['test:packed']).toBe('run-s test:package test:runtimes');
    expect(scripts['test:package']).toBe('node test/package/smoke.ts');
    expect(scripts['test:runtimes']).toBe('node test/runtimes/run.ts');
    expect(block).toContain(
      'type-check, lint, API docs, generate --check, jest, the packed package, the runtimes',
    );
  });

  it('lists exactly the runtimes the matrix runs, at the versions it pins', async () => {
    const readme = await readFile('README.md', 'utf8');
    const runner = await readFile('test/runtimes/run.ts', 'utf8');
    const targets = /const TARGETS[^=]*= \[([^\]]+)\]/
      .exec(runner)![1]!
      .split(',')
      .map((t) => t.trim());
    const sources = [
      await readFile('test/runtimes/command-line-runtimes.ts', 'utf8'),
      await readFile('test/runtimes/workerd.ts', 'utf8'),
      await readFile('test/runtimes/chromium.ts', 'utf8'),
    ].join('\n');
    const nameOf = (identifier: string) =>
      new RegExp(
        `export const ${identifier}\\b[^=]*= (?:nodeTarget\\(\\s*'([^']+)'|\\{\\s*name: '([^']+)')`,
      )
        .exec(sources)
        ?.slice(1)
        .find((name) => name !== undefined);
    const LABELS: Record<string, string> = {
      'Node 20': 'Node.js 20',
      'Node 22': 'Node.js 22',
      'Node 24': 'Node.js 24',
      Deno: 'Deno',
      Bun: 'Bun',
      workerd: 'Cloudflare workerd',
      Chromium: 'Chromium',
    };
    const start = readme.indexOf('| Runtime | Version tested |');
    const rows = readme
      .slice(start)
      .split('\n')
      .slice(2)
      .filter(
        (line, i, all) => line.startsWith('|') && all.slice(0, i).every((l) => l.startsWith('|')),
      )
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(rows.map((row) => row[1])).toEqual(targets.map((t) => LABELS[nameOf(t)!]));
    const { devDependencies } = JSON.parse(await readFile('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const version = Object.fromEntries(rows.map((row) => [row[1], row[2]]));
    expect(version['Node.js 20']).toMatch(/^20\.\d+\.\d+$/); // the machine's, or npm's node@20
    expect(version['Node.js 22']).toBe(NODE_22_VERSION);
    expect(version['Node.js 24']).toBe(devDependencies.node);
    expect(version.Deno).toBe(devDependencies.deno);
    expect(version.Bun).toBe(devDependencies.bun);
    expect(version['Cloudflare workerd']).toMatch(
      new RegExp(
        `^${devDependencies.workerd!.replaceAll('.', '\\.')} \\(compatibility date \\d{4}-\\d{2}-\\d{2}\\)$`,
      ),
    );
    expect(version.Chromium).toMatch(/^\d+ \(Debian\)$/);
    // "11 checks each": the lifecycle's steps, and the check that it ran on the runtime it names.
    expect(readme).toContain(`(${expectedSteps('http://x').length + 1} checks each)`);
  });
});

describe('the maintainer READMEs', () => {
  it.each(
    Object.entries(OTHER_COVERAGE),
  )('%s: every TypeScript block is marked and run or type-checked', async (file, coverage) => {
    const { blocks } = await expectCovered(file, coverage);
    const ts = blocks.filter((block) => block.language === 'ts').map((b) => b.name ?? b.line);
    expect(ts.sort()).toEqual(Object.keys(coverage).sort());
  });

  it('src/emulator/README.md shows the consumer test exactly as it runs in our suite', async () => {
    const shown = extractExample(await readFile('src/emulator/README.md', 'utf8'), 'consumer-test');
    const file = await readFile('test/integration/readme/consumer-example.test.ts', 'utf8');
    const asRun = file
      .replace(/^(\/\/.*\n)+/, '')
      .replaceAll("from '../../../src/index.js'", "from 'batch-rest-client'")
      .replaceAll("from '../../../src/testing/index.js'", "from 'batch-rest-client/testing'")
      .replaceAll("from '../../../src/testing/msw.js'", "from 'batch-rest-client/testing/msw'");
    expect(shown).toBe(asRun);
  });
});
