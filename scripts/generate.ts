/**
 * `npm run generate [-- --spec <file>] [--overlay <file> | --no-overlay] [--out <dir>] [--check]`
 *
 * Generates into a temporary directory, then swaps it in (so a failed run leaves the old tree).
 * With `--check` nothing is written: the fresh output is compared byte for byte with `--out`, and
 * every differing, missing or extra file is named; exit code 1 when anything differs.
 * Defaults: the repository's spec and overlay, output the repository's `generated/` (from any
 * working directory). With `--spec` and no `--overlay`, no overlay is applied (overlays belong to
 * a spec).
 *
 * The output is the same bytes whatever the machine: the script re-runs itself with a fixed
 * locale and time zone (scripts/lib/fixed-environment.ts), and the spec and overlay paths it
 * records in the generated README are relative to the repository (a file outside it is recorded
 * by its name), never to the working directory.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  environmentMismatch,
  hasGeneratorEnvironment,
  rerunInGeneratorEnvironment,
} from './lib/fixed-environment.ts';
import { OverlayTargetMissingError } from './pipeline/apply-overlay.ts';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SPEC = join(REPOSITORY, 'openapi', 'BatchService.json');
const DEFAULT_OVERLAY = join(REPOSITORY, 'openapi', 'BatchService.overlay.json');
const DEFAULT_OUT = join(REPOSITORY, 'generated');

/** How messages name a path: relative to the working directory, with `/`. */
function shown(path: string): string {
  return relative(process.cwd(), resolve(path)).split(sep).join('/');
}

/** How the generated README records an input: relative to the repository, else its name. */
function recorded(path: string): string {
  const inside = relative(REPOSITORY, resolve(path));
  return inside.startsWith('..') || isAbsolute(inside)
    ? basename(path)
    : inside.split(sep).join('/');
}

/** After an overlay target vanished: the bump guide's answer (scripts/README.md). */
const TARGET_MISSING_HINT = `The spec changed under the overlay. When the new spec removed the operation the action pins,
a package that ships it stays on the last spec version that has it; see what else changed with
npm run spec:diff -- <current spec> <new spec> --overlay <overlay> (scripts/README.md, spec bumps).`;

async function main(): Promise<number> {
  // Loaded here, not at the top: the parent that only re-runs the script never loads hey-api.
  const { compareTrees } = await import('./pipeline/compare-trees.ts');
  const { generateTree } = await import('./pipeline/generate-tree.ts');
  const { values } = parseArgs({
    options: {
      spec: { type: 'string' },
      overlay: { type: 'string' },
      'no-overlay': { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_OUT },
      check: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const specPath = values.spec ?? DEFAULT_SPEC;
  const overlayPath = values['no-overlay']
    ? undefined
    : (values.overlay ?? (values.spec ? undefined : DEFAULT_OVERLAY));
  const outDir = resolve(values.out);
  for (const problem of environmentMismatch()) {
    console.warn(`generate: ${problem}; the output may differ from the committed one.`);
  }

  // Staged beside the output (same file system, so the swap is a rename); its parent may be new.
  if (!values.check) await mkdir(dirname(outDir), { recursive: true });
  const temp = await mkdtemp(join(values.check ? tmpdir() : dirname(outDir), '.generate-'));
  const staged = join(temp, 'out');
  try {
    await generateTree(
      {
        specLabel: recorded(specPath),
        specText: await readFile(specPath, 'utf8'),
        overlayLabel: overlayPath ? recorded(overlayPath) : undefined,
        overlayText: overlayPath ? await readFile(overlayPath, 'utf8') : undefined,
      },
      staged,
    );
    const ms = Math.round(performance.now() - started);
    if (values.check) {
      const differences = await compareTrees(staged, outDir);
      if (differences.length > 0) {
        console.error(`generate --check: ${shown(outDir)} is out of sync with ${shown(specPath)}:`);
        for (const d of differences) console.error(`  ${d.kind}: ${d.file}`);
        console.error('Run `npm run generate` and commit the result.');
        return 1;
      }
      if (!values.quiet) console.log(`generate --check: ${shown(outDir)} is in sync (${ms} ms)`);
      return 0;
    }
    const old = join(temp, 'old');
    const hadOld = existsSync(outDir);
    if (hadOld) await rename(outDir, old);
    try {
      await rename(staged, outDir);
    } catch (error) {
      if (hadOld) await rename(old, outDir); // put the previous tree back before temp is removed
      throw error;
    }
    if (!values.quiet)
      console.log(`generated ${shown(outDir)} from ${shown(specPath)} in ${ms} ms`);
    return 0;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

(hasGeneratorEnvironment() ? main() : rerunInGeneratorEnvironment()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`generate failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof OverlayTargetMissingError) console.error(TARGET_MISSING_HINT);
    process.exitCode = 2;
  },
);
