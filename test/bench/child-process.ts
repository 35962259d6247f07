/**
 * Processes of the benchmark: the server (kept running, port read from its first line; it reads
 * the run's account key from the environment, so `BENCH_ACCOUNT_KEY` is set first) and the
 * measuring children (each prints one JSON line and exits). Children run on the same Node as the
 * parent (`process.execPath`) with the parent's environment, which carries the run's account key.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface RunningServer {
  readonly baseUrl: string;
  /** How many signatures the server verified and refused so far. */
  stats(): Promise<{ verified: number; refused: number }>;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const child = spawn(process.execPath, [`${BENCH_DIR}server.ts`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    stats: async () => {
      const response = await fetch(`${baseUrl}/bench/stats`);
      return (await response.json()) as { verified: number; refused: number };
    },
    stop: async () => {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** Runs `node [flags] test/bench/<script> <json argument>` and returns its JSON answer. */
export async function runChild<T>(
  script: string,
  argument: unknown,
  nodeFlags: readonly string[] = [],
): Promise<T> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, `${BENCH_DIR}${script}`, JSON.stringify(argument)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${script} exited with code ${code}`);
  const last = text.trim().split('\n').at(-1);
  if (!last) throw new Error(`${script} printed no result`);
  return JSON.parse(last) as T;
}

/** Ends a child: prints its result as one JSON line, then exits (keep-alive sockets stay open). */
export function emitResult(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`, () => process.exit(0));
}
