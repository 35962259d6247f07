/**
 * `npm start` (`node scripts/start.ts`) runs the lifecycle walk and exits 0, with openssl and
 * without it; the fallback certificate encoder is checked against openssl itself.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { selfSignedCertificateDer } from '../../../scripts/start.js';
import { certificateFromFile } from '../../../src/certificate-file/node.js';
import { fixturePath } from '../../support/certificate-fixtures.js';
import { ROOT } from './support/cli-process.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-rest-start-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runStart(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/start.ts'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STEPS = [
  '[1/8] Start the emulator: startBatchEmulator()',
  '[2/8] Create a self-signed certificate',
  '[3/8] Add it: client.certificate.add(certificate)',
  '[4/8] List: for await (const c of client.certificate.list())',
  "[5/8] Get: client.certificate.get('sha1', thumbprint)",
  "[6/8] Delete while a pool uses it: client.certificate.delete('sha1', thumbprint)",
  "[7/8] Cancel the deletion: client.certificate.cancelDeletion('sha1', thumbprint)",
  '[8/8] What the live service answers today (the emulator switched to retired mode)',
];

describe('npm start', () => {
  it('walks every lifecycle step, shows the warning and the retirement, exits 0, leaves no temp dir', async () => {
    const tmp = join(dir, 'tmp-openssl');
    await mkdir(tmp);
    const run = await runStart({ PATH: process.env.PATH ?? '', TMPDIR: tmp });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('['))).toEqual(STEPS);
    expect(run.stdout).toMatch(
      /^ {6}http:\/\/127\.0\.0\.1:\d+ \(account 'emulator', mode classic\)$/m,
    );
    expect(run.stdout).toContain('      openssl req -x509 -newkey rsa:2048 … → demo.cer\n');
    const thumbprint = run.stdout.match(/thumbprint ([0-9a-f]{40}), format cer/)?.[1];
    expect(thumbprint).toBeDefined();
    expect(run.stdout).toContain(
      '      DeprecationWarning [BATCH_DEP_CERTIFICATE_ADD]: certificate.add() is deprecated. Azure Batch certificates were retired on 29 February 2024',
    );
    expect(run.stdout.split('is deprecated.').length - 1).toBe(1);
    expect(run.stdout).toContain(`      ${thumbprint}  sha1  active\n`);
    expect(run.stdout).toContain(
      '      deletion accepted (202): state deleting, previous state active (the service deletes asynchronously)\n' +
        "      emulator.completeDeletions(): the deletion ends now instead of after 30 s on the emulator's clock\n" +
        '      the certificate ends in state deletefailed (CertificateInUse:',
    );
    expect(run.stdout).toContain('      state active again (previous state deletefailed)\n');
    expect(run.stdout).toContain(
      '      client.certificate.list() → 400 CertificateRetired (error.retired: true)\n',
    );
    expect(run.stdout).toContain(
      "      service: The 'Azure Batch Certificates' feature was retired on 02/29/2024.\n",
    );
    expect(run.stdout).toContain(
      "      error.message: Certificate operation 'certificate.list' failed: Azure Batch certificates were retired on 29 February 2024",
    );
    expect(run.stdout).toMatch(/\nDone\. /);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('creates the certificate with node:crypto when openssl is not on PATH', async () => {
    const run = await runStart({ PATH: '' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '      openssl not found: node:crypto RSA key + X.509 encoder → demo.cer\n',
    );
    expect(run.stdout).toContain('      state active again (previous state deletefailed)\n');
  });

  it('encodes a self-signed certificate that openssl verifies, with the thumbprint openssl computes', async () => {
    const path = join(dir, 'fallback.cer');
    // The run above made a new key; a committed one will do to check the encoder.
    const privateKey = createPrivateKey(readFileSync(fixturePath('rsa.key')));
    const keyPair = { privateKey, publicKey: createPublicKey(privateKey) };
    await writeFile(path, selfSignedCertificateDer(new Date(), keyPair));
    const openssl = (args: string[]) =>
      execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    openssl(['x509', '-inform', 'DER', '-in', path, '-out', 'fallback.pem']);
    expect(
      openssl(['verify', '-check_ss_sig', '-CAfile', 'fallback.pem', 'fallback.pem']).trim(),
    ).toBe('fallback.pem: OK');
    expect(openssl(['x509', '-in', 'fallback.pem', '-noout', '-subject']).trim()).toBe(
      'subject=CN = batch-rest-client demo',
    );
    const fingerprint = openssl(['x509', '-in', 'fallback.pem', '-noout', '-fingerprint', '-sha1'])
      .trim()
      .replace(/^.*=/, '')
      .replace(/:/g, '')
      .toLowerCase();
    expect((await certificateFromFile(path)).thumbprint).toBe(fingerprint);
  });
});
