/**
 * Bundles TypeScript from src/ into one ESM file Node can run directly (plain Node cannot load
 * src/: its `.js` specifiers name `.ts` files). Used by `npm start` and by the CLI tests.
 */
import * as esbuild from 'esbuild';

/** What to bundle: an entry file, or entry source resolved from `resolveDir`. */
export type BundleInput =
  | { readonly entry: string }
  | { readonly source: string; readonly resolveDir: string; readonly name: string };

export async function bundleForNode(input: BundleInput, outfile: string): Promise<string> {
  await esbuild.build({
    ...('entry' in input
      ? { entryPoints: [input.entry] }
      : {
          stdin: {
            contents: input.source,
            resolveDir: input.resolveDir,
            loader: 'ts' as const,
            sourcefile: input.name,
          },
        }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // node-forge is CommonJS and may require Node built-ins; give the ESM bundle a `require`.
    banner: {
      js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
    },
  });
  return outfile;
}
