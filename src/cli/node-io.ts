/** The real {@link CliIo}: process streams, files, environment and signals. Node only. */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './cli-io.js';
import { promptSecret } from './prompt-secret.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The process's I/O. */
export function nodeIo(): CliIo {
  return {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin,
    stdinIsTTY: process.stdin.isTTY === true,
    promptSecret: (question) => promptSecret(question, process.stdin, process.stderr),
    waitForStop,
    noDeprecation: process.noDeprecation === true,
  };
}
