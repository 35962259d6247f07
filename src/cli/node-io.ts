/** The real {@link CliIo}: process streams, files, environment and signals. Node only. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** Writes every file with the exclusive flag; on the first that exists, removes the ones written. */
async function writeNewFiles(
  files: readonly { readonly path: string; readonly text: string }[],
): Promise<'written' | { readonly exists: string }> {
  const written: string[] = [];
  for (const { path, text } of files) {
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, text, { flag: 'wx' });
    } catch (error) {
      await Promise.all(written.map((done) => rm(done, { force: true })));
      if ((error as { code?: unknown }).code === 'EEXIST') return { exists: path };
      throw error;
    }
    written.push(path);
  }
  return 'written';
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
    writeNewFiles,
  };
}
