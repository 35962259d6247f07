/**
 * The README's command-line blocks, run as written with the bundled `batch-rest` (the package's
 * bin, built from src/) in a folder holding the README's `app.cer`: each `batch-rest …` line of a
 * `sh` block is split as a POSIX shell would (comments dropped, `\` continuations joined), and a
 * `text` block starting with `$ batch-rest …` must be exactly what that command prints. The
 * migration walkthrough (`--example`, then the plan) and its code twice in src/migration/README.md
 * run on the files the CLI writes. The package smoke test runs the migration walkthrough once more
 * with the installed package's bin.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { shellCommands, shellWords } from '../../support/shell-words.js';
import { fixtureText } from '../../unit/migration/support.js';
import { type CliRun, cliBundle, runCliProcess } from '../cli/support/cli-process.js';
import { extractExample, runExample } from './support/readme-examples.js';

const TMP = join(process.cwd(), '.tmp', 'readme-cli');
const WORK = join(TMP, 'work');
let bundle: string;

beforeAll(async () => {
  await mkdir(WORK, { recursive: true });
  await copyFile('test/fixtures/readme/app.cer', join(WORK, 'app.cer'));
  bundle = await cliBundle();
});
afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

async function readmeBlock(name: string, language: string): Promise<string> {
  return extractExample(await readFile('README.md', 'utf8'), name, language);
}

/** Runs a `batch-rest …` command of the README in the work folder. */
function batchRest(command: readonly string[]): Promise<CliRun> {
  expect(command[0]).toBe('batch-rest');
  return runCliProcess(bundle, command.slice(1), { cwd: WORK });
}

describe('README: the CLI', () => {
  it('runs each command of the block, with the exit code its comment implies', async () => {
    const commands = shellCommands(await readmeBlock('cli', 'sh'));
    const runs: CliRun[] = [];
    for (const command of commands) runs.push(await batchRest(command));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 5]);
    const [help, addHelp, add, retired] = runs as [CliRun, CliRun, CliRun, CliRun];
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('BATCH_ACCOUNT_KEY');
    expect(addHelp.stdout).toContain('--password-env VAR');
    expect(add.stdout).toContain('certificate add: done');
    // stderr (as the README says): one JSON object a line, the warning, then the error.
    const lines = retired.stderr.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { warning: expect.objectContaining({ code: 'BATCH_DEP_CERTIFICATE_LIST' }) },
      { error: expect.objectContaining({ exitCode: 5, code: 'CertificateRetired' }) },
    ]);
  });

  it('shows what a mistyped flag prints, word for word', async () => {
    const [prompt, ...shown] = (await readmeBlock('cli-did-you-mean', 'text'))
      .trimEnd()
      .split('\n');
    expect(prompt).toMatch(/^\$ batch-rest /);
    const run = await batchRest(shellWords(prompt!.slice(2)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${shown.join('\n')}\n`);
  });
});

describe('README: migrating to the Key Vault VM extension', () => {
  it('--example writes the inputs, the next command prints the golden plan, and the code in src/migration/README.md plans the same', async () => {
    const [example, plan, ...rest] = shellCommands(await readmeBlock('migration', 'sh'));
    expect(rest).toEqual([]);
    const wrote = await batchRest(example!);
    expect(wrote.code).toBe(0);
    // The README's second command is the one --example prints.
    const printed = wrote.stdout.slice(wrote.stdout.indexOf('  batch-rest '));
    expect(shellCommands(printed)).toEqual([plan]);
    const planned = await batchRest(plan!);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toBe(fixtureText('linux-plan.txt'));

    const fromCode = await runExample('migration-from-code', TMP, {
      file: 'src/migration/README.md',
      cwd: WORK,
    });
    expect(fromCode.log).toEqual([
      'identity, properties',
      'required linux-certificate-files',
      'required visibility-without-equivalent',
      'advisory versioned-secret-url',
    ]);
  });
});
