/**
 * Browser bundles for `npm run test:browser`. esbuild's browser platform refuses `node:` imports
 * that are not marked external, and none are: a successful bundle proves the entry runs without
 * Node built-ins. The metafile is checked as well, so a future `external` cannot hide one.
 */
import { build, type Metafile } from 'esbuild';

/** Bundles `entry` for browsers (ESM, ES2022) and returns the code and its input files. */
export async function bundleForBrowser(
  entry: string,
  options: { minify?: boolean } = {},
): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: options.minify ?? false,
    metafile: true,
    logLevel: 'silent',
    // Resolve the package's own name through its exports map (the built dist/), as a consumer's
    // bundler does — not through the tsconfig `paths` that let tsc check sources without a build.
    tsconfigRaw: '{}',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`);
  const metafile: Metafile = result.metafile;
  const inputs = Object.keys(metafile.inputs);
  const nodeImports = Object.values(metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((item) => item.path.startsWith('node:') || item.external);
  if (nodeImports.length > 0) {
    const names = nodeImports.map((item) => item.path).join(', ');
    throw new Error(`${entry} bundles with Node built-ins or externals: ${names}`);
  }
  return { code: output.text, inputs };
}
