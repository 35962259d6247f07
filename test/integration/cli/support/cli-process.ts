/**
 * Runs the `batch-rest` CLI as a child process. `src/cli/main.ts` is bundled with esbuild once per
 * jest run (Node cannot load `src/` directly: its `.js` specifiers name `.ts` files), then started
 * with the Node that runs jest. The child gets only PATH plus the variables a test passes, so the
 * host's `BATCH_ACCOUNT_*` never leak in.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../../../scripts/lib/bundle-for-node.ts';
import { runFile } from '../../../support/run-dir.js';

export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** The path of the CLI bundled from `src/` in this jest run (made by the first suite asking). */
export function cliBundle(): Promise<string> {
  return runFile('batch-rest.mjs', (path) =>
    bundleForNode({ entry: join(ROOT, 'src/cli/main.ts') }, path),
  );
}

/** How a CLI run ended and what it printed. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  /** Extra environment (only PATH is inherited). */
  readonly env?: Record<string, string>;
  /** Written to stdin, then stdin is closed (stdin is always a pipe, never a TTY). */
  readonly stdin?: string;
  readonly cwd?: string;
}

/** Starts the bundled CLI; stdout and stderr are collected. */
export function startCli(
  bundle: string,
  args: readonly string[],
  options: CliRunOptions = {},
): {
  child: ChildProcess;
  done: Promise<CliRun>;
  output: () => { stdout: string; stderr: string };
} {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin!.end(options.stdin ?? '');
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return { child, done, output: () => ({ stdout, stderr }) };
}

/** Runs the bundled CLI to completion. */
export function runCliProcess(
  bundle: string,
  args: readonly string[],
  options: CliRunOptions = {},
): Promise<CliRun> {
  return startCli(bundle, args, options).done;
}

/** Resolves with the first stdout line of `child` that matches `pattern`. */
export function waitForLine(
  started: ReturnType<typeof startCli>,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  return new Promise((resolveLine, reject) => {
    const check = () => {
      const match = started.output().stdout.match(pattern);
      if (match) {
        started.child.stdout!.off('data', check);
        resolveLine(match);
      }
    };
    started.child.stdout!.on('data', check);
    started.done.then(
      (run) =>
        reject(new Error(`the CLI exited (${run.code}) before printing ${pattern}: ${run.stderr}`)),
      reject,
    );
    check();
  });
}
