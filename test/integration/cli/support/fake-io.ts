/**
 * `CliIo` for running `runCli` in process: what the command prints is collected, a terminal's
 * prompt is answered from a list (a prompt with no answer left fails the test), files are read
 * from disk and stdin is the text given.
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../../../src/cli/cli-io.js';

export interface FakeIoOptions {
  readonly env?: Record<string, string>;
  /** What stdin holds. Default: empty. */
  readonly stdin?: string;
  /** Whether stdin is a terminal. Default: whether `answers` were given. */
  readonly tty?: boolean;
  /** Answers typed at each prompt, in order. */
  readonly answers?: readonly string[];
  /** Node's `--no-deprecation`. Default: `false`. */
  readonly noDeprecation?: boolean;
  /** For `batch-rest emulator`: what waiting for Ctrl-C does. Default: wait forever. */
  readonly waitForStop?: CliIo['waitForStop'];
}

export function fakeIo(options: FakeIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    env: options.env ?? {},
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutBytes: () => {
      throw new Error('no binary output expected');
    },
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: options.tty ?? answers.length > 0,
    promptSecret: async (question) => {
      prompts.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error('unexpected prompt');
      return answer;
    },
    waitForStop: options.waitForStop ?? (() => new Promise(() => {})),
    noDeprecation: options.noDeprecation ?? false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), prompts };
}
