/** Process helpers of the package smoke test: run a command, find a Node 20 or another Node. */
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

/** A Node executable and its `process.version`. */
export interface NodeBinary {
  path: string;
  version: string;
}

/** Runs a command to completion; returns its stdout, or throws with both streams on failure. */
export function run(command: string, args: string[], options: { cwd: string }): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (result.status === 0) return result.stdout;
  const printed = [result.stdout, result.stderr].filter(Boolean).join('\n').trim();
  const reason = result.error ? result.error.message : `exit code ${result.status}`;
  throw new Error(`${command} ${args.join(' ')} failed (${reason}):\n${printed}`);
}

/** `require()` of ES modules is on by default from Node 20.19 (and 22.12). */
const MIN_NODE_20 = [20, 19];

/**
 * The machine's own Node 20: `SMOKE_NODE20` when set, else the first `node` on PATH outside
 * node_modules (npm scripts put the toolchain's Node 24 first), else /usr/bin and /usr/local/bin.
 *
 * @throws Error when there is none, or it is older than 20.19 — never skips.
 */
export function findNode20(): NodeBinary {
  const fromPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !dir.includes('node_modules'))
    .map((dir) => join(dir, 'node'));
  const candidates = process.env.SMOKE_NODE20
    ? [process.env.SMOKE_NODE20]
    : [...fromPath, '/usr/bin/node', '/usr/local/bin/node'];
  for (const path of candidates) {
    const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
    const version = result.status === 0 ? result.stdout.trim() : '';
    const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
    if (major !== 20) continue;
    if (minor < (MIN_NODE_20[1] as number)) {
      throw new Error(`${path} is Node ${version}; the smoke test needs Node >= 20.19`);
    }
    return { path, version };
  }
  // No Node 20 on this machine (say, its Node is 24): take one from the registry's `node` package,
  // as the toolchain does for Node 24, so `npm test` works unchanged on any machine.
  const fetched = nodeFromRegistry('node@20');
  if (fetched?.version.startsWith('v20.')) return fetched;
  throw new Error(
    `no Node 20 found (tried ${candidates.join(', ')} and the registry's node@20); set SMOKE_NODE20`,
  );
}

/**
 * A Node from the registry's `node` package (`spec` such as `node@22.23.3`), through `npm exec`,
 * which keeps it in npm's cache for the next run; `undefined` when npm cannot get it.
 */
export function nodeFromRegistry(spec: string): NodeBinary | undefined {
  const fetched = spawnSync(
    'npm',
    [
      'exec',
      '--yes',
      `--package=${spec}`,
      '--',
      'node',
      '-p',
      'process.version+" "+process.execPath',
    ],
    { encoding: 'utf8' },
  );
  const [version = '', path = ''] = fetched.status === 0 ? fetched.stdout.trim().split(' ') : [];
  return version !== '' && path !== '' ? { path, version } : undefined;
}
