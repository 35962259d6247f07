/**
 * `npm start`: the README's main job. Starts the Batch emulator on loopback, creates a
 * self-signed certificate, and walks the certificate lifecycle with `BatchClient` (add, list,
 * get, delete, cancel deletion), then switches the emulator to `retired` mode to show what the
 * live service answers today and the actionable error. No Azure account, no build step.
 *
 * How it runs: Node 24 runs this file directly (type stripping), but `src/` imports its `.ts`
 * files with `.js` specifiers, which plain Node does not resolve. So the part of the library this
 * walk needs is bundled with esbuild from `src/` into a temporary directory and imported from
 * there; `dist/` is not needed. The certificate comes from the openssl CLI, or, when openssl is
 * not installed, from node:crypto and a minimal X.509 (v1) encoder below. The temporary directory
 * is removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { certificateFromFile } from '../src/certificate-file/node.js';
import type { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from '../src/index.js';
import type {
  DEFAULT_DELETE_DELAY_IN_MS,
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from '../src/testing/index.js';
import { bundleForNode } from './lib/bundle-for-node.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POOL = 'demo-pool';

/** What the walk uses from the library (the bundle's exports). */
export interface StartLibrary {
  BatchClient: typeof BatchClient;
  BatchSharedKeyCredential: typeof BatchSharedKeyCredential;
  isBatchServiceError: typeof isBatchServiceError;
  startBatchEmulator: typeof startBatchEmulator;
  EMULATOR_ACCOUNT_NAME: typeof EMULATOR_ACCOUNT_NAME;
  EMULATOR_ACCOUNT_KEY: typeof EMULATOR_ACCOUNT_KEY;
  DEFAULT_DELETE_DELAY_IN_MS: typeof DEFAULT_DELETE_DELAY_IN_MS;
  certificateFromFile: typeof certificateFromFile;
}

const LIBRARY_ENTRY = `
export { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from './src/index.ts';
export { startBatchEmulator, EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY, DEFAULT_DELETE_DELAY_IN_MS } from './src/testing/index.ts';
export { certificateFromFile } from './src/certificate-file/node.ts';
`;

/** Bundles the library entry above into `dir` and imports it. */
async function loadLibrary(dir: string): Promise<StartLibrary> {
  const outfile = await bundleForNode(
    { source: LIBRARY_ENTRY, resolveDir: ROOT, name: 'start.ts' },
    join(dir, 'library.mjs'),
  );
  return (await import(pathToFileURL(outfile).href)) as StartLibrary;
}

// --- A self-signed certificate -------------------------------------------------------------

function der(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}
const seq = (...parts: Uint8Array[]) => der(0x30, Buffer.concat(parts));
const utcTime = (date: Date) =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));
const SHA256_WITH_RSA = seq(Buffer.from('06092a864886f70d01010b0500', 'hex'));
const NAME = seq(
  der(
    0x31,
    seq(Buffer.from('0603550403', 'hex'), der(0x0c, Buffer.from('batch-rest-client demo'))),
  ),
);

/**
 * A DER X.509 v1 certificate signed by its own RSA key (used only without openssl): a new 2048-bit
 * key unless `keyPair` is given (the tests pass a committed one).
 */
export function selfSignedCertificateDer(
  now: Date,
  keyPair: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  }),
): Buffer {
  const { publicKey, privateKey } = keyPair;
  const validity = seq(utcTime(now), utcTime(new Date(now.getTime() + 30 * 86_400_000)));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const tbs = seq(der(0x02, Buffer.from([1])), SHA256_WITH_RSA, NAME, validity, NAME, spki);
  const signature = sign('sha256', tbs, privateKey);
  return seq(tbs, SHA256_WITH_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
}

/** Writes `demo.cer` into `dir` with openssl, or node:crypto when openssl is missing. */
async function createCertificate(dir: string): Promise<{ path: string; how: string }> {
  const path = join(dir, 'demo.cer');
  const subject = '/CN=batch-rest-client demo';
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-days', '30'];
  try {
    execFileSync(
      'openssl',
      [...args, '-keyout', join(dir, 'key.pem'), '-outform', 'DER', '-out', path],
      {
        stdio: 'pipe',
      },
    );
    return { path, how: `openssl ${args.slice(0, 4).join(' ')} … → demo.cer` };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    await writeFile(path, selfSignedCertificateDer(new Date()));
    return { path, how: 'openssl not found: node:crypto RSA key + X.509 encoder → demo.cer' };
  }
}

// --- The walk ------------------------------------------------------------------------------

/** Walks the lifecycle against a fresh loopback emulator; `print` receives each output line. */
export async function walkLifecycle(
  lib: StartLibrary,
  makeCertificate: () => Promise<{ path: string; how: string }>,
  print: (line: string) => void,
): Promise<void> {
  const step = (n: number, title: string) => print(`\n[${n}/8] ${title}`);
  const say = (text: string) => print(`      ${text}`);
  print(
    'Azure Batch certificates: the whole lifecycle on a local emulator, no Azure account needed',
  );

  step(1, 'Start the emulator: startBatchEmulator()');
  const running = await lib.startBatchEmulator();
  const account = lib.EMULATOR_ACCOUNT_NAME;
  say(`${running.url} (account '${account}', mode ${running.emulator.mode})`);
  try {
    let warned = false;
    const client = new lib.BatchClient(
      running.url,
      new lib.BatchSharedKeyCredential(account, lib.EMULATOR_ACCOUNT_KEY),
      {
        allowInsecureConnection: true,
        onWarning: (message, code) => {
          say(
            warned
              ? `DeprecationWarning [${code}] (same wording; each operation warns once per process)`
              : `DeprecationWarning [${code}]: ${message}`,
          );
          warned = true;
        },
      },
    );

    step(2, 'Create a self-signed certificate');
    const made = await makeCertificate();
    const certificate = await lib.certificateFromFile(made.path);
    const { thumbprint } = certificate;
    say(made.how);
    say(
      `certificateFromFile('demo.cer') → thumbprint ${thumbprint}, format ${certificate.certificateFormat}`,
    );

    step(3, 'Add it: client.certificate.add(certificate)');
    const added = await client.certificate.add(certificate);
    say(`added (request id ${added.requestId})`);

    step(4, 'List: for await (const c of client.certificate.list())');
    for await (const item of client.certificate.list()) {
      say(`${item.thumbprint}  ${item.thumbprintAlgorithm}  ${item.state}`);
    }

    step(5, "Get: client.certificate.get('sha1', thumbprint)");
    const got = await client.certificate.get('sha1', thumbprint);
    say(`state ${got.state}, publicData ${got.publicData?.length ?? 0} base64 characters`);

    step(6, "Delete while a pool uses it: client.certificate.delete('sha1', thumbprint)");
    running.emulator.markInUse(account, thumbprint, [POOL]);
    say(`(the emulator's markInUse hook plays pool '${POOL}' using the certificate)`);
    await client.certificate.delete('sha1', thumbprint);
    const deleting = await client.certificate.get('sha1', thumbprint);
    say(
      `deletion accepted (202): state ${deleting.state}, previous state ${deleting.previousState} (the service deletes asynchronously)`,
    );
    running.emulator.completeDeletions();
    say(
      `emulator.completeDeletions(): the deletion ends now instead of after ${lib.DEFAULT_DELETE_DELAY_IN_MS / 1000} s on the emulator's clock`,
    );
    const failed = await client.certificate.get('sha1', thumbprint);
    const reason = failed.deleteCertificateError;
    say(`the certificate ends in state ${failed.state} (${reason?.code}: ${reason?.message})`);

    step(7, "Cancel the deletion: client.certificate.cancelDeletion('sha1', thumbprint)");
    await client.certificate.cancelDeletion('sha1', thumbprint);
    const restored = await client.certificate.get('sha1', thumbprint);
    say(`state ${restored.state} again (previous state ${restored.previousState})`);

    step(8, 'What the live service answers today (the emulator switched to retired mode)');
    running.emulator.setMode('retired');
    try {
      for await (const _ of client.certificate.list()) break;
      say('unexpected: the retired emulator answered the list');
    } catch (error) {
      if (!lib.isBatchServiceError(error)) throw error;
      say(
        `client.certificate.list() → ${error.statusCode} ${error.code} (error.retired: ${error.retired})`,
      );
      say(`service: ${error.serviceMessage?.split('\n')[0]}`);
      say(`error.message: ${error.message}`);
    }
  } finally {
    await running.close();
  }
  print(
    '\nDone. Against a real account: new BatchClient(accountUrl, new BatchSharedKeyCredential(name, key)).',
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'batch-rest-start-'));
  try {
    const lib = await loadLibrary(dir);
    await walkLifecycle(
      lib,
      () => createCertificate(dir),
      (line) => console.log(line),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
