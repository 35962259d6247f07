/**
 * Builds what the benchmark runs and measures, with esbuild, into a temporary directory.
 *
 * Node's type stripping runs `test/bench/*.ts` directly but does not map `src/`'s `.js`
 * specifiers to `.ts` files, so `src/` is bundled first:
 * - `ours.mjs`: `src/index.ts` as one ESM file for Node (not minified) — what (b), the memory
 *   run and the import-time run load;
 * - `internals.mjs`: `internals-entry.ts` (validateCall, the validators, the bare hey-api SDK);
 * - `size-ours.min.js` / `size-azure.min.js`: the tiny consumers, minified for browsers, whose
 *   gzip size is the bundle-size figure. Ours is also checked, by its esbuild metafile and by
 *   text, for emulator / CLI / certificate-file / node-forge code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export interface BundleSize {
  /** Minified bytes. */
  readonly minifiedBytes: number;
  /** Minified, then gzip (level 9) bytes. */
  readonly gzipBytes: number;
  /** Largest inputs by bytes in the minified output, for the report. */
  readonly largestInputs: readonly { input: string; bytes: number }[];
}

export interface BuiltBundles {
  readonly ours: string;
  readonly internals: string;
  readonly sizeOurs: BundleSize;
  readonly sizeAzure: BundleSize;
  /** Markers of code that must stay out of our consumer bundle, and whether each was found. */
  readonly forbidden: readonly { marker: string; found: boolean }[];
}

const FORBIDDEN_INPUTS = [
  'src/emulator/',
  'src/cli/',
  'src/certificate-file/',
  'src/testing/',
  'node_modules/node-forge/',
];
const FORBIDDEN_TEXT: readonly { marker: string; pattern: RegExp }[] = [
  { marker: 'node-forge', pattern: /node-forge/ },
  { marker: 'startBatchEmulator', pattern: /startBatchEmulator/ },
  { marker: 'createBatchEmulator', pattern: /createBatchEmulator/ },
  // A static import of a Node module breaks browser bundles; the client reaches node:http and
  // node:crypto through `process.getBuiltinModule('node:…')`, which is allowed.
  {
    marker: 'static node: import',
    pattern: /\bfrom\s*["']node:|\b(?:import|require)\(\s*["']node:/,
  },
];

/**
 * @param sourcemap - write `.map` files beside the Node bundles (profiling maps frames back to
 *   `src/` and `generated/` files with them)
 */
export async function buildBundles(
  root: string,
  outDir: string,
  sourcemap = false,
): Promise<BuiltBundles> {
  const bench = join(root, 'test/bench');
  const common = {
    bundle: true,
    format: 'esm',
    logLevel: 'error',
    absWorkingDir: root,
    sourcemap,
  } as const;
  const ours = join(outDir, 'ours.mjs');
  const internals = join(outDir, 'internals.mjs');
  await esbuild.build({
    ...common,
    entryPoints: [join(root, 'src/index.ts')],
    platform: 'node',
    target: 'node20',
    outfile: ours,
  });
  await esbuild.build({
    ...common,
    entryPoints: [join(bench, 'internals-entry.ts')],
    platform: 'node',
    target: 'node20',
    outfile: internals,
  });
  const sizeOurs = await sizeBundle(join(bench, 'consumer-ours.ts'), join(outDir, 'size-ours'));
  const sizeAzure = await sizeBundle(join(bench, 'consumer-azure.ts'), join(outDir, 'size-azure'));
  const readable = await readFile(join(outDir, 'size-ours.js'), 'utf8');
  const inputs = sizeOurs.inputs;
  const forbidden = [
    ...FORBIDDEN_INPUTS.map((marker) => ({
      marker,
      found: inputs.some((input) => input.includes(marker)),
    })),
    ...FORBIDDEN_TEXT.map(({ marker, pattern }) => ({ marker, found: pattern.test(readable) })),
  ];
  return { ours, internals, sizeOurs: sizeOurs.size, sizeAzure: sizeAzure.size, forbidden };
}

/** Bundles a consumer for browsers twice: readable (for the text check) and minified (measured). */
async function sizeBundle(
  entry: string,
  outBase: string,
): Promise<{ size: BundleSize; inputs: string[] }> {
  const options: esbuild.BuildOptions & { metafile: true } = {
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Stated explicitly: with esbuild's default, a package reached through `require` (the SDK's
    // UMD build requires ms-rest-js) resolves to its Node build, which cannot bundle for browsers.
    mainFields: ['browser', 'module', 'main'],
    target: 'es2022',
    logLevel: 'error',
    metafile: true,
  };
  await esbuild.build({ ...options, outfile: `${outBase}.js` });
  const result = await esbuild.build({ ...options, minify: true, outfile: `${outBase}.min.js` });
  const text = await readFile(`${outBase}.min.js`);
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([input, info]) => ({ input, bytes: info.bytesInOutput }))
    .sort((x, y) => y.bytes - x.bytes);
  return {
    size: {
      minifiedBytes: text.byteLength,
      gzipBytes: gzipSync(text, { level: 9 }).byteLength,
      largestInputs: inputs.slice(0, 8),
    },
    inputs: Object.keys(result.metafile.inputs),
  };
}
