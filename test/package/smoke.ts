/**
 * `npm run test:package`: proves the package from its packed tarball, not from the source tree.
 *
 * Builds, packs, lints the tarball (publint, attw), installs it into a temp project with no dev
 * dependencies, then with the machine's Node 20 and the toolchain's Node 24 imports and requires
 * every entry and adds a certificate to the emulator of `batch-rest-client/testing`,
 * type-checks a consumer file against the shipped declaration files (Node and browser settings),
 * type-checks every TypeScript block of the READMEs and runs the ones that need no Azure account
 * (readme-examples.ts), and bundles every entry for browsers.
 * Any missing tool (such as a Node 20) fails the run: nothing is skipped.
 */
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForBrowser } from '../browser/bundle.ts';
import { installPacked, packPackage } from './packed-package.ts';
import {
  installExampleDependencies,
  runReadmeExamples,
  writeReadmeExamples,
} from './readme-examples.ts';
import { checkTarballFiles } from './tarball-files.ts';
import { findNode20, type NodeBinary, run } from './tools.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  devDependencies?: Record<string, string>;
}

async function installInto(project: string, tarball: string, manifest: Manifest): Promise<void> {
  await installPacked(project, tarball);
  const installed = await readdir(join(project, 'node_modules'));
  const leaked = Object.keys(manifest.devDependencies ?? {}).filter((name) =>
    installed.includes(name.split('/')[0] as string),
  );
  if (leaked.length > 0) throw new Error(`dev dependencies were installed: ${leaked.join(', ')}`);
  console.log(`installed: ${installed.filter((name) => !name.startsWith('.')).join(', ')}`);
}

async function typeCheck(
  project: string,
  files: readonly string[],
  only?: 'msw' | 'node',
): Promise<void> {
  const common = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
  };
  const variants = {
    // A Node service: NodeNext resolution, @types/node, no DOM library.
    node: {
      ...common,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
    },
    // A Node service compiled with bundler resolution, as the README allows: the `node` export
    // condition must be named (customConditions), or `./certificates` resolves to its browser
    // build, which has no certificateFromFile.
    nodeBundler: {
      ...common,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      customConditions: ['node'],
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
    },
    // A browser app built by a bundler: DOM library, no @types/node.
    browser: {
      ...common,
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
    },
  };
  // An msw suite on Node: msw's own declarations need the DOM library and do not pass
  // skipLibCheck off, so this one checks the consumer file only.
  const msw = {
    ...variants.node,
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    skipLibCheck: true,
  };
  const nodeApps = { node: variants.node, nodeBundler: variants.nodeBundler };
  const chosen = only === 'msw' ? { msw } : only === 'node' ? nodeApps : variants;
  for (const [name, compilerOptions] of Object.entries(chosen)) {
    const config = `tsconfig.${name}.json`;
    await writeFile(join(project, config), JSON.stringify({ compilerOptions, files }));
    run(process.execPath, [TSC, '-p', config], { cwd: project });
    const libCheck = compilerOptions.skipLibCheck ? 'on' : 'off';
    const what = files.length === 1 ? files[0] : `${files.length} files`;
    console.log(`types ok: ${what} as a ${name} consumer (skipLibCheck ${libCheck})`);
  }
}

async function runConsumers(project: string, nodes: NodeBinary[], manifest: Manifest) {
  for (const node of nodes) {
    console.log(
      run(node.path, ['esm-consumer.mjs', 'smoke-certificate.pem'], { cwd: project }).trim(),
    );
    console.log(run(node.path, ['require-consumer.cjs'], { cwd: project }).trim());
    for (const [name, target] of Object.entries(manifest.bin ?? {})) {
      const script = join(project, 'node_modules', manifest.name, target);
      const help = run(node.path, [script, '--help'], { cwd: project });
      if (!help.includes(name)) throw new Error(`${name} --help does not name the command`);
      console.log(`bin ok: ${name} --help on node ${node.version}`);
    }
  }
}

/**
 * Every entry but `./testing/msw` (msw's own build decides there) bundles for browsers from the
 * installed package with no `node:` import: bundlers pick the `default` builds of `./testing` and
 * `./certificates`, which leave out `node:http` and the file reader.
 */
async function checkBrowserBundles(project: string, manifest: Manifest): Promise<void> {
  const subpaths = Object.keys(manifest.exports ?? {}).filter(
    (subpath) => subpath !== './package.json' && subpath !== './testing/msw',
  );
  for (const subpath of subpaths) {
    const specifier = `${manifest.name}${subpath.slice(1)}`;
    const entry = join(project, `browser-${subpath.replace(/\W+/g, '-')}.mjs`);
    await writeFile(entry, `export * from '${specifier}';\n`);
    const { code } = await bundleForBrowser(entry, { minify: true });
    console.log(`browser bundle ok: ${specifier} (${code.length} bytes minified, no node: import)`);
  }
}

/** Each declared bin is linked into node_modules/.bin, executable, and answers `--help`. */
function checkBins(project: string, manifest: Manifest): void {
  for (const name of Object.keys(manifest.bin ?? {})) {
    const help = run(join(project, 'node_modules/.bin', name), ['--help'], { cwd: project });
    if (!help.includes(name)) throw new Error(`${name} --help does not name the command`);
    console.log(`bin ok: node_modules/.bin/${name} --help`);
  }
}

/**
 * `batch-rest-client/testing/msw` with msw installed as the consumer's own dependency, at the
 * version we test with. msw 3 needs Node >= 22.12, so this part runs on Node 24 only.
 */
async function checkMswEntry(project: string, manifest: Manifest): Promise<void> {
  const version = manifest.devDependencies?.msw;
  if (!version) throw new Error('msw is not a dev dependency: cannot test the msw entry');
  const msw = `msw@${version}`;
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', msw], { cwd: project });
  await typeCheck(project, ['msw-consumer.ts'], 'msw');
  console.log(run(process.execPath, ['msw-consumer.ts'], { cwd: project }).trim());
}

async function main(): Promise<void> {
  const started = Date.now();
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const nodes: NodeBinary[] = [findNode20(), { path: process.execPath, version: process.version }];
  const work = await mkdtemp(join(tmpdir(), 'batch-rest-client-package-'));
  try {
    const packed = packPackage(work);
    const tarball = join(work, packed.filename);
    checkTarballFiles(packed.files.map((file) => file.path));
    console.log(
      `packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes ` +
        `(${packed.unpackedSize} unpacked)`,
    );
    run(join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd: ROOT });
    console.log('publint ok (strict)');
    run(join(BIN, 'attw'), [tarball, '--profile', 'esm-only'], { cwd: ROOT });
    console.log('attw ok (esm-only profile)');

    const project = join(work, 'consumer');
    await cp(join(import.meta.dirname, 'consumer'), project, { recursive: true });
    for (const name of ['consumer.ts', 'msw-consumer.ts']) {
      await rename(join(project, `${name}.template`), join(project, name));
    }
    await cp(
      join(import.meta.dirname, 'fixtures/smoke-certificate.pem'),
      join(project, 'smoke-certificate.pem'),
    );
    await installInto(project, tarball, manifest);
    await typeCheck(project, ['consumer.ts']);
    await runConsumers(project, nodes, manifest);
    // The README's examples: every ts block type-checked as a Node app, the emulator ones run.
    await installExampleDependencies(project, manifest.devDependencies ?? {});
    await typeCheck(project, await writeReadmeExamples(project), 'node');
    await runReadmeExamples(project, nodes);
    checkBins(project, manifest);
    await checkBrowserBundles(project, manifest);
    await checkMswEntry(project, manifest);
  } finally {
    if (process.env.KEEP_SMOKE_DIR) console.log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  console.log(`package smoke test passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
