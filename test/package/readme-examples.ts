/**
 * The README's examples against the installed package (part of the package smoke test):
 *
 * - every `ts` block of the READMEs below becomes a file of its own in the consumer project, to be
 *   type-checked with the settings the README claims for consumers (smoke.ts: `strict`,
 *   `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`, `skipLibCheck` off, a Node app).
 *   `@azure/core-auth` is installed at the version we test with; `@azure/identity` is not (it is
 *   large and this package does not use it): a stand-in declares its `DefaultAzureCredential` as
 *   what it is, a class implementing `@azure/core-auth`'s `TokenCredential`;
 * - the examples that need no Azure account run from the installed package on Node 20 and 24:
 *   the emulator quick start (adding the README's own `app.cer`), and the migration walkthrough
 *   with the installed `batch-rest` bin and then in code.
 */
import { X509Certificate } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { extractExample, markdownBlocks } from '../support/markdown-blocks.ts';
import { shellCommands } from '../support/shell-words.ts';
import { type NodeBinary, run } from './tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The READMEs whose `ts` blocks are type-checked. */
export const TYPE_CHECKED_READMES = [
  'README.md',
  'src/client/README.md',
  'src/migration/README.md',
  'src/certificate-file/README.md',
];

/** Writes each `ts` block as `readme-<file>-<name>.ts`; returns the file names. */
export async function writeReadmeExamples(project: string): Promise<string[]> {
  const files: string[] = [];
  for (const readme of TYPE_CHECKED_READMES) {
    const slug = readme.replace(/\/?README\.md$/, '').replace(/\W+/g, '-') || 'package';
    for (const block of markdownBlocks(await readFile(join(ROOT, readme), 'utf8'))) {
      if (block.language !== 'ts') continue;
      if (!block.name) throw new Error(`${readme}:${block.line}: a ts block without a marker`);
      const file = `readme-${slug}-${block.name}.ts`;
      await writeFile(join(project, file), `${block.code}export {};\n`);
      files.push(file);
    }
  }
  return files;
}

/** `@azure/core-auth` as we test with it, and the `@azure/identity` stand-in (see above). */
export async function installExampleDependencies(
  project: string,
  devDependencies: Readonly<Record<string, string>>,
): Promise<void> {
  const coreAuth = devDependencies['@azure/core-auth'];
  if (!coreAuth) throw new Error('@azure/core-auth is not a dev dependency');
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', `@azure/core-auth@${coreAuth}`],
    {
      cwd: project,
    },
  );
  // Installed as a local package (not written into node_modules), so later installs keep it.
  const identity = join(project, 'azure-identity-stand-in');
  await mkdir(identity, { recursive: true });
  await writeFile(
    join(identity, 'package.json'),
    JSON.stringify({
      name: '@azure/identity',
      version: '0.0.0-stand-in',
      type: 'module',
      types: './index.d.ts',
      peerDependencies: { '@azure/core-auth': coreAuth },
    }),
  );
  await writeFile(
    join(identity, 'index.d.ts'),
    [
      "import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';",
      '/** Stand-in: the real class implements TokenCredential with these members. */',
      'export declare class DefaultAzureCredential implements TokenCredential {',
      '  constructor(options?: Record<string, unknown>);',
      '  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken>;',
      '}',
      '',
    ].join('\n'),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', './azure-identity-stand-in'],
    {
      cwd: project,
    },
  );
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(
      `${what}:\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(actual)}`,
    );
  }
}

/** Runs the README examples that need no Azure account, from the installed package. */
export async function runReadmeExamples(
  project: string,
  nodes: readonly NodeBinary[],
): Promise<void> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const migrationReadme = await readFile(join(ROOT, 'src/migration/README.md'), 'utf8');
  const certificate = join(ROOT, 'test/fixtures/readme/app.cer');
  await copyFile(certificate, join(project, 'app.cer'));
  const thumbprint = new X509Certificate(await readFile(certificate)).fingerprint
    .replaceAll(':', '')
    .toLowerCase();
  // Plain JavaScript, as the README says to save them: .mjs.
  await writeFile(
    join(project, 'readme-quickstart.mjs'),
    extractExample(readme, 'quickstart-emulator'),
  );
  await writeFile(
    join(project, 'readme-migration-from-code.mjs'),
    extractExample(migrationReadme, 'migration-from-code'),
  );
  const golden = await readFile(join(ROOT, 'test/unit/migration/fixtures/linux-plan.txt'), 'utf8');
  const bin = join(project, 'node_modules/.bin/batch-rest');
  for (const node of nodes) {
    const quickStart = run(node.path, ['--no-deprecation', 'readme-quickstart.mjs'], {
      cwd: project,
    });
    expectEqual(
      quickStart.trim().split('\n'),
      [`${thumbprint} active`, 'deleting'],
      `README quick start on node ${node.version}`,
    );
    console.log(
      `README example ok: the emulator quick start added app.cer on node ${node.version}`,
    );
  }
  await rm(join(project, 'migration-example'), { recursive: true, force: true });
  const [example, plan] = shellCommands(extractExample(readme, 'migration', 'sh'));
  for (const command of [example, plan]) {
    if (command?.[0] !== 'batch-rest') throw new Error('the README migration block changed shape');
  }
  run(bin, example!.slice(1), { cwd: project });
  expectEqual(run(bin, plan!.slice(1), { cwd: project }), golden, 'README migration plan');
  for (const node of nodes) {
    const fromCode = run(node.path, ['readme-migration-from-code.mjs'], { cwd: project });
    expectEqual(
      fromCode.trim().split('\n'),
      [
        'identity, properties',
        'required linux-certificate-files',
        'required visibility-without-equivalent',
        'advisory versioned-secret-url',
      ],
      `src/migration/README.md example on node ${node.version}`,
    );
  }
  console.log(
    'README example ok: migrate-plan --example, the plan it prints, and the plan in code',
  );
}
