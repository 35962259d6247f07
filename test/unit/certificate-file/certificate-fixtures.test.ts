/**
 * The committed fixtures of test/fixtures/certificates/ are what its README and make.sh say: the
 * fingerprints openssl wrote agree with node:crypto, each DER is its PEM, and each PFX uses the
 * algorithms its name promises (as `openssl pkcs12 -info` reads them) — so a regeneration with
 * another openssl, whose defaults differ, cannot quietly drop a case the tests rely on.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import {
  CERTIFICATE_FIXTURES,
  fixturePath,
  fixtureThumbprint,
  opensslFingerprints,
  PASSWORD,
  UNICODE_PASSWORD,
} from '../../support/certificate-fixtures.js';

const run = promisify(execFile);
const certificate = (name: string) => new X509Certificate(readFileSync(fixturePath(name)));

describe('certificate fixtures', () => {
  it('fingerprints.txt (openssl) agrees with node:crypto for every certificate it lists', () => {
    const listed = opensslFingerprints();
    expect([...listed.keys()].sort()).toEqual(
      ['ca', 'ec', 'leaf-ec', 'leaf-rsa', 'near-limit', 'over-limit', 'rsa'].map((n) => `${n}.pem`),
    );
    for (const [name, fingerprint] of listed) {
      expect(fixtureThumbprint(name)).toBe(fingerprint.replaceAll(':', '').toLowerCase());
    }
  });

  it.each(['rsa', 'ec', 'near-limit', 'over-limit'])('%s.der is the certificate of %s.pem', (n) => {
    expect(certificate(`${n}.der`).raw.equals(certificate(`${n}.pem`).raw)).toBe(true);
  });

  it('keys are small: RSA 1024 and EC P-256; leaves are signed by the CA', () => {
    const rsa = certificate('rsa.pem').publicKey;
    expect([rsa.asymmetricKeyType, rsa.asymmetricKeyDetails?.modulusLength]).toEqual(['rsa', 1024]);
    const ec = certificate('ec.pem').publicKey;
    expect([ec.asymmetricKeyType, ec.asymmetricKeyDetails?.namedCurve]).toEqual([
      'ec',
      'prime256v1',
    ]);
    const ca = certificate('ca.pem');
    for (const leaf of ['leaf-ec.pem', 'leaf-rsa.pem']) {
      expect(certificate(leaf).checkIssued(ca)).toBe(true);
      expect(certificate(leaf).verify(ca.publicKey)).toBe(true);
    }
  });

  const AES = 'PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256';
  const TRIPLE_DES = 'pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048';
  const RC2_40 = 'pbeWithSHA1And40BitRC2-CBC, Iteration 2048';
  /** file → password, then the MAC, certificate-bag and key-bag lines openssl prints. */
  const PFX: Record<string, [string, string[]]> = {
    'rsa-modern.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'ec-modern.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'rsa-empty.pfx': ['', ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'unicode-modern.pfx': [
      UNICODE_PASSWORD,
      ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`],
    ],
    'chain.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'certs-only-one.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`]],
    'certs-only-two.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`]],
    'key-only.pfx': [PASSWORD, ['MAC: sha256', `Keybag: ${AES}`]],
    'near-limit.pfx': [PASSWORD, ['MAC: sha256', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'rsa-legacy.pfx': [
      PASSWORD,
      ['MAC: sha1', `PKCS7 Encrypted data: ${RC2_40}`, `Keybag: ${TRIPLE_DES}`],
    ],
    'ec-empty-legacy.pfx': [
      '',
      ['MAC: sha1', `PKCS7 Encrypted data: ${RC2_40}`, `Keybag: ${TRIPLE_DES}`],
    ],
    'unicode-legacy.pfx': [
      UNICODE_PASSWORD,
      ['MAC: sha1', `PKCS7 Encrypted data: ${RC2_40}`, `Keybag: ${TRIPLE_DES}`],
    ],
    'chain-legacy.pfx': [
      PASSWORD,
      ['MAC: sha1', `PKCS7 Encrypted data: ${RC2_40}`, `Keybag: ${TRIPLE_DES}`],
    ],
    'ec-3des.pfx': [
      PASSWORD,
      ['MAC: sha1', `PKCS7 Encrypted data: ${TRIPLE_DES}`, `Keybag: ${TRIPLE_DES}`],
    ],
    'rc2-128.pfx': [
      PASSWORD,
      [
        'MAC: sha512',
        'PKCS7 Encrypted data: pbeWithSHA1And128BitRC2-CBC, Iteration 2048',
        `Keybag: ${TRIPLE_DES}`,
      ],
    ],
    'rc4.pfx': [
      PASSWORD,
      [
        'MAC: sha1',
        'PKCS7 Encrypted data: pbeWithSHA1And128BitRC4, Iteration 2048',
        `Keybag: ${TRIPLE_DES}`,
      ],
    ],
    'camellia.pfx': [
      PASSWORD,
      [
        'MAC: sha256',
        'PKCS7 Encrypted data: PBES2, PBKDF2, CAMELLIA-256-CBC, Iteration 2048, PRF hmacWithSHA256',
        `Keybag: ${AES}`,
      ],
    ],
    'mac-sha224.pfx': [PASSWORD, ['MAC: sha224', `PKCS7 Encrypted data: ${AES}`, `Keybag: ${AES}`]],
    'leaf-ec-plain.pfx': ['', ['MAC is absent']],
    'leaf-rsa-plain.pfx': ['', ['MAC is absent']],
  };

  it('every PFX is listed here, with what openssl reads in it', () => {
    const files = readdirSync(CERTIFICATE_FIXTURES).filter((name) => name.endsWith('.pfx'));
    expect(files.sort()).toEqual(Object.keys(PFX).sort());
  });

  it.each(Object.entries(PFX))('%s: MAC and encryption as its name says', async (file, [
    pw,
    want,
  ]) => {
    const args = ['pkcs12', '-legacy', '-info', '-noout', '-in', fixturePath(file)];
    const { stdout, stderr } = await run('openssl', [...args, '-passin', `pass:${pw}`]);
    const printed = `${stdout}${stderr}`;
    for (const line of want) expect(printed).toContain(line);
    expect(printed.includes('Encrypted data')).toBe(want.some((w) => w.includes('Encrypted data')));
  });
});
