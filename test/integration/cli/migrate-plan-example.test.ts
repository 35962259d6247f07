/**
 * `batch-rest certificate migrate-plan --example DIR`: the installed CLI's own sample inputs. The
 * bin writes pool.json and secrets.json, prints the command that plans them, and that command —
 * run as printed — gives the golden Linux plan. It never overwrites a file, leaves nothing half
 * written, and takes no other flag.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import { migratePlanHelp } from '../../../src/cli/help-text.js';
import {
  EXAMPLE_IDENTITY,
  EXAMPLE_POOL,
  EXAMPLE_SECRETS,
} from '../../../src/cli/migrate-plan-example.js';
import { parseCommandLine } from '../../../src/cli/parse-command-line.js';
import { runCli } from '../../../src/cli/run-cli.js';
import { shellWords } from '../../support/shell-words.js';
import { fixtureText, IDENTITY } from '../../unit/migration/support.js';
import { cliBundle, runCliProcess } from './support/cli-process.js';

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-example-'));
  bundle = await cliBundle();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliProcess(bundle, args, { cwd: dir });

/** The command the example printed, as arguments (after `batch-rest`). */
function printedCommand(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith('batch-rest '));
  const joined = lines
    .slice(start)
    .join('\n')
    .replace(/\\\n\s*/g, ' ')
    .trim();
  const [program, ...args] = shellWords(joined);
  expect(program).toBe('batch-rest');
  return args;
}

describe('migrate-plan --example', () => {
  it('writes the sample pool and secrets, and the printed command plans them (the golden plan)', async () => {
    const example = await cli(['certificate', 'migrate-plan', '--example', 'migration-example']);
    expect(example.code).toBe(0);
    expect(example.stderr).toBe('');
    expect(example.stdout).toBe(
      [
        'Wrote the sample inputs of a migration plan:',
        "  migration-example/pool.json     a Linux pool with two certificate references, as 'az batch pool show' prints it",
        '  migration-example/secrets.json  each thumbprint → the Key Vault secret URL of that certificate',
        'Plan them for a sample user-assigned identity:',
        '  batch-rest certificate migrate-plan --pool migration-example/pool.json --secrets migration-example/secrets.json \\',
        `    --identity ${IDENTITY.resourceId} \\`,
        `    --client-id ${IDENTITY.clientId}`,
        '',
      ].join('\n'),
    );
    const written = join(dir, 'migration-example');
    expect(JSON.parse(await readFile(join(written, 'pool.json'), 'utf8'))).toEqual(EXAMPLE_POOL);
    expect(JSON.parse(await readFile(join(written, 'secrets.json'), 'utf8'))).toEqual(
      EXAMPLE_SECRETS,
    );
    const plan = await cli(printedCommand(example.stdout));
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(fixtureText('linux-plan.txt'));
  });

  it('quotes a directory the shell would split, and the printed command still runs', async () => {
    const example = await cli(['certificate', 'migrate-plan', '--example', "my team's pools"]);
    expect(example.code).toBe(0);
    expect(example.stdout).toContain(
      "--pool 'my team'\\''s pools/pool.json' --secrets 'my team'\\''s pools/secrets.json' \\\n",
    );
    const plan = await cli(printedCommand(example.stdout));
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(fixtureText('linux-plan.txt'));
  });

  it('never overwrites: an existing file is exit 2, and nothing of the run is left behind', async () => {
    const taken = join(dir, 'taken');
    await mkdir(taken);
    await writeFile(join(taken, 'secrets.json'), 'mine\n');
    const refused = await cli(['certificate', 'migrate-plan', '--example', 'taken']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      "error: --example: taken/secrets.json exists; give a new directory (the example never overwrites a file)\nRun 'batch-rest certificate migrate-plan --help' for usage.\n",
    );
    expect(await readdir(taken)).toEqual(['secrets.json']);
    expect(await readFile(join(taken, 'secrets.json'), 'utf8')).toBe('mine\n');
  });

  it('takes no other flag, and needs a directory (exit 2, nothing written)', async () => {
    const withJson = await cli(['certificate', 'migrate-plan', '--example', 'x', '--json']);
    expect(withJson.code).toBe(2);
    expect(JSON.parse(withJson.stderr).error.message).toBe(
      '--example takes no other flag (got --json)',
    );
    const withPool = await cli(['certificate', 'migrate-plan', '--example', 'x', '--pool', 'p']);
    expect(withPool.stderr.split('\n')[0]).toBe(
      'error: --example takes no other flag (got --pool)',
    );
    const empty = await cli(['certificate', 'migrate-plan', '--example', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.split('\n')[0]).toBe(
      'error: --example needs a directory to write the sample files to',
    );
    expect(await readdir(dir)).not.toContain('x');
  });
});

describe('migrate-plan --example, in process', () => {
  const commands = buildCommands(operations, [certificateBodySource]);

  it('parses to its own invocation; the other flags are not required then', () => {
    expect(parseCommandLine(['certificate', 'migrate-plan', '--example', 'd'], commands)).toEqual({
      kind: 'migrate-plan-example',
      directory: 'd',
    });
  });

  it('is in the command help, with the sample identity the example prints', () => {
    const help = migratePlanHelp();
    expect(help).toContain('       batch-rest certificate migrate-plan --example DIR\n');
    expect(help).toContain('  batch-rest certificate migrate-plan --example migration-example\n');
    expect(help).toMatch(/--example DIR\s+Instead of a plan: write a sample pool\.json/);
    expect(EXAMPLE_IDENTITY).toEqual(IDENTITY);
  });

  it('a CLI without file writing (an embedding) fails as unexpected, exit 1', async () => {
    let stderr = '';
    const code = await runCli(['certificate', 'migrate-plan', '--example', 'd'], {
      env: {},
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      stdoutBytes: () => {},
      readFile: async () => '',
      readStdin: async () => '',
      stdinIsTTY: false,
      promptSecret: async () => '',
      waitForStop: () => new Promise(() => {}),
    });
    expect(code).toBe(1);
    expect(stderr).toContain('this CLI cannot write files');
  });
});
