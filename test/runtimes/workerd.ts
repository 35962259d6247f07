/**
 * Cloudflare's workerd (the `workerd` devDependency; its binary comes in
 * `@cloudflare/workerd-linux-64` and the other platform packages). The lifecycle runs as a module
 * worker bundled the way Wrangler bundles (esbuild, `workerd`/`worker`/`browser` conditions), from
 * a minimal Cap'n Proto config: one worker, one HTTP socket on a free loopback port (workerd
 * writes the port to `--control-fd`, as Miniflare reads it), and outbound fetch allowed to
 * 127.0.0.0/8 only (workerd's default allows public addresses only).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { LifecycleReport } from './lifecycle.ts';
import { parseReport, type RunContext, type RuntimeTarget } from './runtime-target.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BINARY = join(ROOT, 'node_modules/.bin/workerd');
/** The bundled module worker, written into the project by the runner. */
export const WORKER_FILE = 'lifecycle-worker.mjs';
const TIMEOUT_IN_MS = 60_000;

function config(compatibilityDate: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["127.0.0.0/8"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [(name = "${WORKER_FILE}", esModule = embed "${WORKER_FILE}")],
  compatibilityDate = "${compatibilityDate}",
  globalOutbound = "loopback",
);
`;
}

/** Resolves with the port of the `http` socket from workerd's control channel. */
function listeningPort(control: Readable): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let buffered = '';
    control.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n').slice(0, -1)) {
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === 'listen' && event.socket === 'http' && event.port) {
          resolvePort(event.port);
        }
      }
    });
    control.on('end', () =>
      reject(new Error('workerd closed its control channel before listening')),
    );
  });
}

async function runWorker(
  context: RunContext,
  compatibilityDate: string,
  url: string,
): Promise<LifecycleReport> {
  await writeFile(join(context.project, 'workerd.capnp'), config(compatibilityDate));
  const child = spawn(BINARY, ['serve', 'workerd.capnp', '--control-fd=3'], {
    cwd: context.project,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolveExit) => child.on('close', () => resolveExit()));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_IN_MS);
  try {
    const port = await Promise.race([
      listeningPort(child.stdio[3] as Readable),
      exited.then(() => Promise.reject(new Error(`workerd exited:\n${stderr.trim()}`))),
    ]);
    const answer = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: JSON.stringify({ url }),
      signal: AbortSignal.timeout(TIMEOUT_IN_MS),
    });
    const text = await answer.text();
    if (answer.status !== 200)
      throw new Error(`the worker answered ${answer.status}: ${text}\n${stderr}`);
    return parseReport(text, stderr);
  } finally {
    clearTimeout(timer);
    child.kill('SIGTERM');
    await exited;
  }
}

export const WORKERD: RuntimeTarget = {
  name: 'workerd',
  async locate(context) {
    if (!existsSync(BINARY)) return { skipped: `${BINARY} is missing: run npm ci` };
    const result = spawnSync(BINARY, ['--version'], { encoding: 'utf8' });
    // `workerd 2026-11-23`: the newest compatibility date it supports, which a new worker would use.
    const date = /\d{4}-\d{2}-\d{2}/.exec(result.stdout)?.[0];
    if (result.status !== 0 || !date) {
      const why = result.error?.message ?? `exit code ${result.status}: ${result.stderr.trim()}`;
      return { skipped: `${BINARY} --version failed (${why})` };
    }
    const manifest = JSON.parse(
      await readFile(join(ROOT, 'node_modules/workerd/package.json'), 'utf8'),
    );
    return {
      version: `${manifest.version} (compatibility date ${date})`,
      reportsAs: 'workerd',
      run: (url) => runWorker(context, date, url),
    };
  },
};
