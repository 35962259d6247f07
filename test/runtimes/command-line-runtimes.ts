/**
 * Node 20, 22 and 24, Deno and Bun: each runs `lifecycle-cli.mjs` from the temp project, where it
 * imports `batch-rest-client` from node_modules through the runtime's own package resolution.
 *
 * Where each comes from (all from npm): Node 24 is the toolchain's (the `node` devDependency the
 * npm scripts run on); Node 20 is the machine's or the registry's, as in the package smoke test;
 * Node 22 is `node@NODE_22_VERSION` through `npm exec` (kept in npm's cache); Deno and Bun are the
 * `deno` and `bun` devDependencies, whose platform packages (`@deno/linux-x64-glibc`,
 * `@oven/bun-linux-x64`, …) npm installs as optional dependencies. Node 20 and 22 are not
 * devDependencies: the `node` package's bin is `node` whatever its alias, and npm links one bin
 * name to whichever package it reaches first, so a second Node could replace the toolchain's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findNode20, nodeFromRegistry } from '../package/tools.ts';
import type { LifecycleReport } from './lifecycle.ts';
import {
  type LocatedRuntime,
  parseReport,
  type RunContext,
  type RuntimeTarget,
} from './runtime-target.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'node_modules/.bin');
/** The Node 22 of the matrix: the newest 22.x on npm when the matrix was written. */
export const NODE_22_VERSION = '22.23.3';
const PROGRAM = 'lifecycle-cli.mjs';
const TIMEOUT_IN_MS = 60_000;

/** Runs `command args… lifecycle-cli.mjs url` in the project and parses its report. */
function runProgram(
  command: string,
  args: readonly string[],
  context: RunContext,
  env: Record<string, string>,
  url: string,
): Promise<LifecycleReport> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args, PROGRAM, url], {
      cwd: context.project,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_IN_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        try {
          resolvePromise(parseReport(stdout, stderr));
        } catch (error) {
          reject(error);
        }
        return;
      }
      const why = timedOut
        ? `still running after ${TIMEOUT_IN_MS} ms, killed`
        : signal
          ? `ended by ${signal}`
          : `exit code ${code}`;
      reject(
        new Error(
          `${command} ${args.join(' ')} ${PROGRAM}: ${why}\n${stderr.trim().slice(0, 2000)}`,
        ),
      );
    });
  });
}

/** `binary --version`'s first line, or why the binary is missing or does not run here. */
function versionOf(binary: string): string | { skipped: string } {
  if (!existsSync(binary)) return { skipped: `${binary} is missing: run npm ci` };
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (result.status === 0) return result.stdout.trim().split('\n')[0] ?? '';
  const why = result.error?.message ?? `exit code ${result.status}: ${result.stderr.trim()}`;
  return { skipped: `${binary} --version failed (${why})` };
}

function nodeTarget(
  name: string,
  find: () => { path: string; version: string } | string,
): RuntimeTarget {
  return {
    name,
    async locate(context) {
      const found = find();
      if (typeof found === 'string') return { skipped: found };
      return {
        version: found.version,
        reportsAs: 'node',
        run: (url) => runProgram(found.path, [], context, {}, url),
      } satisfies LocatedRuntime;
    },
  };
}

export const NODE_20 = nodeTarget('Node 20', () => {
  try {
    return findNode20();
  } catch (error) {
    return (error as Error).message;
  }
});

export const NODE_22 = nodeTarget(
  'Node 22',
  () => nodeFromRegistry(`node@${NODE_22_VERSION}`) ?? `npm could not get node@${NODE_22_VERSION}`,
);

export const NODE_24 = nodeTarget('Node 24', () =>
  process.version.startsWith('v24.')
    ? { path: process.execPath, version: process.version }
    : `the runner runs on Node ${process.version}, not the toolchain's Node 24: use npm run test:runtimes`,
);

export const DENO: RuntimeTarget = {
  name: 'Deno',
  async locate(context) {
    const binary = join(BIN, 'deno');
    const version = versionOf(binary);
    if (typeof version !== 'string') return version;
    // Only the loopback network is granted; no prompt, no lock file, Deno's cache in the temp dir,
    // no update check (the machine reaches npm only).
    const args = ['run', '--no-prompt', '--no-lock', '--allow-net=127.0.0.1'];
    const env = { DENO_DIR: join(context.work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1' };
    return {
      version: version.replace(/^deno /, '').replace(/ \(.*$/, ''),
      reportsAs: 'deno',
      run: (url) => runProgram(binary, args, context, env, url),
    };
  },
};

export const BUN: RuntimeTarget = {
  name: 'Bun',
  async locate(context) {
    const binary = join(BIN, 'bun');
    const version = versionOf(binary);
    if (typeof version !== 'string') return version;
    // --no-install: resolve from the project's node_modules only, never auto-install.
    return {
      version,
      reportsAs: 'bun',
      run: (url) => runProgram(binary, ['--no-install'], context, { DO_NOT_TRACK: '1' }, url),
    };
  },
};
