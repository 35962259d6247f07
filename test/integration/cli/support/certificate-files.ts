/**
 * Certificate files made at test time with the openssl CLI in a temp dir: a DER `.cer` and a
 * password-protected `.pfx` of two different certificates. Expected thumbprints come from
 * `openssl x509 -fingerprint -sha1`, never from the code under test.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The password of the `.pfx` fixture (a test value, passed to the CLI through the environment). */
export const PFX_PASSWORD = 'pfx-fixture-password-7Qz';

export interface CertificateFiles {
  readonly cer: string;
  readonly cerThumbprint: string;
  /** Base64 of the `.cer` bytes, for JSON bodies. */
  readonly cerBase64: string;
  readonly pfx: string;
  readonly pfxThumbprint: string;
}

function thumbprintOf(dir: string, pem: string): string {
  const line = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha1'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return line.trim().replace(/^.*=/, '').replace(/:/g, '').toLowerCase();
}

function selfSigned(dir: string, name: string): void {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`].concat([
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    ]),
    { cwd: dir, stdio: 'pipe' },
  );
}

/** Writes the fixtures into `dir`. */
export function makeCertificateFiles(dir: string): CertificateFiles {
  selfSigned(dir, 'cli-cer');
  selfSigned(dir, 'cli-pfx');
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(['x509', '-in', 'cli-cer.pem', '-outform', 'DER', '-out', 'cli.cer']);
  run(
    ['pkcs12', '-export', '-inkey', 'cli-pfx.key', '-in', 'cli-pfx.pem', '-out', 'cli.pfx'].concat([
      '-passout',
      `pass:${PFX_PASSWORD}`,
    ]),
  );
  return {
    cer: join(dir, 'cli.cer'),
    cerThumbprint: thumbprintOf(dir, 'cli-cer.pem'),
    cerBase64: readFileSync(join(dir, 'cli.cer')).toString('base64'),
    pfx: join(dir, 'cli.pfx'),
    pfxThumbprint: thumbprintOf(dir, 'cli-pfx.pem'),
  };
}
