/**
 * `npm run generate`: deterministic output, `--check` that catches hand edits, and the overlay
 * failing loudly when the spec no longer has its targets. Runs the real script (Node >= 22).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compareTrees } from '../../../scripts/pipeline/compare-trees.ts';
import { listFiles } from '../../../scripts/pipeline/list-files.ts';

const run = promisify(execFile);
let work: string;

async function generate(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/generate.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'generate-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run generate', () => {
  it('is deterministic: two runs give byte-identical trees, equal to the committed generated/', async () => {
    const [a, b] = [join(work, 'a'), join(work, 'b')];
    const runs = await Promise.all([
      generate('--out', a, '--quiet'),
      generate('--out', b, '--quiet'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(await compareTrees(a, b)).toEqual([]);
    expect(await compareTrees(a, 'generated')).toEqual([]);
    const files = await listFiles(a);
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'operations.ts',
        'client-api.ts',
        'validators.js',
        'validators.d.ts',
        'hey-api/types.gen.ts',
        'hey-api/sdk.gen.ts',
      ]),
    );
    for (const file of files) {
      const text = await readFile(join(a, file), 'utf8');
      expect(text).not.toContain(work); // no absolute paths
      expect(text).not.toContain('\r');
    }
  });

  it('--check passes on the committed tree and names every hand-edited, missing or extra file', async () => {
    expect((await generate('--check')).code).toBe(0);
    const copy = join(work, 'edited');
    await cp('generated', copy, { recursive: true });
    await writeFile(
      join(copy, 'operations.ts'),
      `${await readFile(join(copy, 'operations.ts'), 'utf8')}// hand edit\n`,
    );
    await rm(join(copy, 'schemas', 'Certificate_Get_parameters.json'));
    await writeFile(join(copy, 'stray.ts'), 'export {};\n');
    const before = await listFiles(copy);
    const result = await generate('--check', '--out', copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('changed: operations.ts');
    expect(result.stderr).toContain('missing: schemas/Certificate_Get_parameters.json');
    expect(result.stderr).toContain('extra: stray.ts');
    expect(await listFiles(copy)).toEqual(before); // --check writes nothing
  });

  it('records the input spec version and sha256 in generated/README.md', async () => {
    const readme = await readFile('generated/README.md', 'utf8');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256')
      .update(await readFile('openapi/BatchService.json'))
      .digest('hex');
    expect(readme).toContain('| API version | `2024-07-01.20.0` |');
    expect(readme).toContain(`| spec sha256 | \`${sha}\` |`);
    expect(readme).toContain('DO NOT EDIT');
  });

  it('fails loudly, writing nothing, when an overlay target vanished from the spec', async () => {
    const spec = JSON.parse(await readFile('openapi/BatchService.json', 'utf8'));
    delete spec.paths['/certificates'].post; // what the newest Batch API versions did
    const specPath = join(work, 'no-add.json');
    await writeFile(specPath, JSON.stringify(spec));
    const out = join(work, 'no-add-out');
    const result = await generate(
      '--spec',
      specPath,
      '--overlay',
      'openapi/BatchService.overlay.json',
      '--out',
      out,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /overlay action #\d+ .*target \$\.paths\['\/certificates'\]\.post.* matches nothing in the spec/,
    );
    await expect(listFiles(out)).rejects.toThrow();
  });
});
