// Certificate fixtures made at test time with the openssl CLI in a temp dir. Expected thumbprints
// come from `openssl x509 -fingerprint -sha1`, never from the code under test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASSWORD = 'S3cret-pfx!';
export const UNICODE_PASSWORD = 'pässwörd-€';

export interface Fixtures {
  readonly dir: string;
  path(name: string): string;
  bytes(name: string): Uint8Array;
  /** `openssl x509 -fingerprint -sha1` of a PEM certificate, as openssl prints it (AB:CD:…). */
  opensslFingerprint(pemName: string): string;
  /** The same, as 40 lowercase hex digits. */
  thumbprint(pemName: string): string;
  /** Runs openssl in the fixture dir and returns stdout. */
  openssl(args: string[]): string;
  cleanup(): void;
}

function sanNames(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `DNS:host-${String(i).padStart(4, '0')}.example.com`,
  ).join(',');
}

export function makeFixtures(): Fixtures {
  const dir = mkdtempSync(join(tmpdir(), 'cert-fixtures-'));
  const path = (name: string) => join(dir, name);
  const openssl = (args: string[]) =>
    execFileSync('openssl', args, {
      cwd: dir,
      encoding: 'latin1',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const selfSigned = (name: string, keyArgs: string[], extra: string[] = []) => {
    openssl([
      'req',
      '-x509',
      ...keyArgs,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-subj',
      `/CN=${name}`,
      '-days',
      '30',
      ...extra,
    ]);
    openssl(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
  };
  const rsa = ['-newkey', 'rsa:2048'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  const pfx = (out: string, args: string[], password = PASSWORD) =>
    openssl(['pkcs12', '-export', '-out', out, '-passout', `pass:${password}`, ...args]);

  selfSigned('rsa', rsa);
  selfSigned('ec', ec);
  selfSigned('near-limit', ec, ['-addext', `subjectAltName=${sanNames(420)}`]);
  selfSigned('over-limit', ec, ['-addext', `subjectAltName=${sanNames(600)}`]);
  selfSigned('ca', rsa, ['-addext', 'basicConstraints=critical,CA:TRUE']);
  for (const [name, keyArgs] of [
    ['leaf-ec', ec],
    ['leaf-rsa', rsa],
  ] as const) {
    openssl([
      'req',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}`,
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '30',
      '-out',
      `${name}.pem`,
    ]);
  }
  const text = (name: string) => readFileSync(path(name), 'latin1');
  writeFileSync(path('two.pem'), text('rsa.pem') + text('ec.pem'));
  writeFileSync(path('key-and-cert.pem'), `${text('rsa.key')}Some comment\n${text('rsa.pem')}`);
  writeFileSync(
    path('garbage.bin'),
    Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256),
  );
  writeFileSync(path('empty.bin'), new Uint8Array());

  pfx('rsa-modern.pfx', ['-inkey', 'rsa.key', '-in', 'rsa.pem']);
  pfx('ec-modern.pfx', ['-inkey', 'ec.key', '-in', 'ec.pem']);
  pfx('rsa-legacy.pfx', ['-legacy', '-inkey', 'rsa.key', '-in', 'rsa.pem']);
  pfx('ec-3des.pfx', [
    '-inkey',
    'ec.key',
    '-in',
    'ec.pem',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
  ]);
  pfx('rsa-empty.pfx', ['-inkey', 'rsa.key', '-in', 'rsa.pem'], '');
  pfx('ec-empty-legacy.pfx', ['-legacy', '-inkey', 'ec.key', '-in', 'ec.pem'], '');
  pfx('unicode-modern.pfx', ['-inkey', 'rsa.key', '-in', 'rsa.pem'], UNICODE_PASSWORD);
  pfx('unicode-legacy.pfx', ['-legacy', '-inkey', 'rsa.key', '-in', 'rsa.pem'], UNICODE_PASSWORD);
  pfx('chain.pfx', ['-inkey', 'leaf-ec.key', '-in', 'leaf-ec.pem', '-certfile', 'ca.pem']);
  pfx('chain-legacy.pfx', [
    '-legacy',
    '-inkey',
    'leaf-rsa.key',
    '-in',
    'leaf-rsa.pem',
    '-certfile',
    'ca.pem',
  ]);
  pfx('certs-only-one.pfx', ['-nokeys', '-in', 'rsa.pem']);
  pfx('certs-only-two.pfx', ['-nokeys', '-in', 'two.pem']);
  pfx('key-only.pfx', ['-nocerts', '-inkey', 'rsa.key']);
  pfx('near-limit.pfx', ['-inkey', 'near-limit.key', '-in', 'near-limit.pem']);
  pfx('rc4.pfx', [
    '-legacy',
    '-inkey',
    'rsa.key',
    '-in',
    'rsa.pem',
    '-certpbe',
    'PBE-SHA1-RC4-128',
  ]);
  pfx('rc2-128.pfx', [
    '-legacy',
    '-inkey',
    'ec.key',
    '-in',
    'ec.pem',
    '-certpbe',
    'PBE-SHA1-RC2-128',
    '-macalg',
    'sha512',
  ]);
  pfx('mac-sha224.pfx', ['-inkey', 'rsa.key', '-in', 'rsa.pem', '-macalg', 'sha224']);
  pfx('camellia.pfx', ['-inkey', 'rsa.key', '-in', 'rsa.pem', '-certpbe', 'CAMELLIA-256-CBC']);
  for (const leaf of ['leaf-ec', 'leaf-rsa']) {
    pfx(
      `${leaf}-plain.pfx`,
      [
        '-inkey',
        `${leaf}.key`,
        '-in',
        `${leaf}.pem`,
        '-certfile',
        'ca.pem',
        '-certpbe',
        'NONE',
        '-keypbe',
        'NONE',
        '-nomac',
      ],
      '',
    );
  }

  const opensslFingerprint = (pemName: string) => {
    const line = openssl(['x509', '-in', pemName, '-noout', '-fingerprint', '-sha1']).trim();
    return line.slice(line.indexOf('=') + 1);
  };
  return {
    dir,
    path,
    bytes: (name) => new Uint8Array(readFileSync(path(name))),
    opensslFingerprint,
    thumbprint: (pemName) => opensslFingerprint(pemName).replaceAll(':', '').toLowerCase(),
    openssl,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
