/**
 * `npm run generate` writes the same bytes whatever the machine's locale, time zone, working
 * directory or output path, and so does the spec:diff report. Each case runs the real script in
 * a child (Node reads `LC_ALL`, `LANG` and `TZ` only at start-up), all at once: nine generations,
 * about 1 s of CPU each. The environments are real: a control child shows that each one changes
 * ICU's default locale and collation.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compareTrees } from '../../../scripts/pipeline/compare-trees.ts';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(REPO, 'scripts', 'generate.ts');
const FIXTURE = join(REPO, 'test', 'fixtures', 'specs', 'batch-2025-06-01.21.0-shape.json');

/** The host's own variables minus every locale and zone one, plus the case's. */
function environment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  return { ...env, ...extra };
}

const ENVIRONMENTS: readonly (readonly [string, Record<string, string>])[] = [
  ['Lithuanian (y sorts after i)', { LC_ALL: 'lt_LT.UTF-8' }],
  ['Turkish (dotted and dotless i)', { LC_ALL: 'tr_TR.UTF-8', TZ: 'Europe/Istanbul' }],
  ['German through LANG and LANGUAGE', { LANG: 'de_DE.UTF-8', LANGUAGE: 'de' }],
  ['Thai, UTC+14', { LC_ALL: 'th_TH', TZ: 'Pacific/Kiritimati' }],
  [
    'Lithuanian through LC_MESSAGES, UTC+05:45',
    { LC_MESSAGES: 'lt_LT.UTF-8', TZ: 'Asia/Kathmandu' },
  ],
];

/** What each environment does to ICU in a plain Node child (no fixed environment). */
async function icuOf(extra: Record<string, string>) {
  const { stdout } = await run(
    process.execPath,
    [
      '-e',
      `process.stdout.write(JSON.stringify({
        locale: new Intl.Collator().resolvedOptions().locale,
        order: ['j', 'y', 'i'].sort((a, b) => a.localeCompare(b)).join(''),
      }))`,
    ],
    { env: environment(extra) },
  );
  return JSON.parse(stdout) as { locale: string; order: string };
}

async function generate(args: string[], extra: Record<string, string>, cwd = REPO) {
  return run(process.execPath, [SCRIPT, ...args], { cwd, env: environment(extra) });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'generate-environment-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('generation is byte-identical across machines', () => {
  it('the environments really differ: ICU default locale and collation follow them', async () => {
    const seen = await Promise.all(ENVIRONMENTS.map(([, extra]) => icuOf(extra)));
    // C is what the generators run in (scripts/lib/fixed-environment.ts).
    expect(await icuOf({ LC_ALL: 'C.UTF-8', TZ: 'UTC' })).toEqual({
      locale: 'en-US',
      order: 'ijy',
    });
    expect(seen).toEqual([
      { locale: 'lt-LT', order: 'iyj' },
      { locale: 'tr-TR', order: 'ijy' },
      { locale: 'de-DE', order: 'ijy' },
      { locale: 'th-TH', order: 'ijy' },
      { locale: 'lt-LT', order: 'iyj' },
    ]);
  });

  it('the shipped spec: --check passes against the committed generated/ in every environment', async () => {
    const results = await Promise.allSettled(
      ENVIRONMENTS.map(([, extra]) => generate(['--check'], extra)),
    );
    expect(
      results.map((r, i) => [ENVIRONMENTS[i]![0], r.status === 'fulfilled' ? 'in sync' : r.reason]),
    ).toEqual(ENVIRONMENTS.map(([name]) => [name, 'in sync']));
  });

  it('from another working directory, into an unusual output path: the same bytes', async () => {
    const cwd = join(work, 'elsewhere');
    const out = join(work, 'out dir with spaces', 'générés');
    await mkdir(cwd, { recursive: true });
    await Promise.all([
      // Defaults are the repository's, whatever the working directory.
      generate(['--check', '--quiet'], { LC_ALL: 'lt_LT.UTF-8' }, cwd),
      generate(
        [
          '--spec',
          join(REPO, 'openapi', 'BatchService.json'),
          '--overlay',
          join(REPO, 'openapi', 'BatchService.overlay.json'),
          '--out',
          out,
          '--quiet',
        ],
        { LC_ALL: 'tr_TR.UTF-8', TZ: 'America/St_Johns' },
        cwd,
      ),
    ]);
    expect(await compareTrees(out, join(REPO, 'generated'))).toEqual([]);
  });

  it('another spec (the TypeSpec-generated 2025 shape): the same bytes under C and Lithuanian', async () => {
    const cases = [
      ['c', { LC_ALL: 'C' }],
      ['lt', { LC_ALL: 'lt_LT.UTF-8', TZ: 'Asia/Kathmandu' }],
    ] as const;
    await Promise.all(
      cases.map(([name, extra]) =>
        generate(['--spec', FIXTURE, '--no-overlay', '--out', join(work, name), '--quiet'], extra),
      ),
    );
    expect(await compareTrees(join(work, 'lt'), join(work, 'c'))).toEqual([]);
  });

  it('the spec:diff report, which names types as hey-api does, is the same text too', async () => {
    const diff = (extra: Record<string, string>) =>
      run(
        process.execPath,
        [
          join(REPO, 'scripts', 'spec-diff.ts'),
          join(REPO, 'openapi', 'BatchService.json'),
          FIXTURE,
          '--json',
        ],
        { cwd: REPO, env: environment(extra) },
      );
    const [c, tr] = await Promise.all([
      diff({ LC_ALL: 'C' }),
      diff({ LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Kiritimati' }),
    ]);
    expect(c.stdout.length).toBeGreaterThan(1000);
    expect(tr.stdout).toBe(c.stdout);
  });
});
