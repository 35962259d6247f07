import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { certificateFromBytes } from '../../../src/certificate-file/index.js';
import {
  fixtureBytes,
  fixturePath,
  fixtureThumbprint,
  opensslFingerprint,
  PASSWORD,
  UNICODE_PASSWORD,
} from '../../support/certificate-fixtures.js';
import { rewritePfx } from './pfx-rewrite.js';

/** Rewritten PFX files go here; the committed fixtures are only read. */
const scratch = mkdtempSync(join(tmpdir(), 'certificate-from-bytes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('cer: DER and PEM X.509', () => {
  it.each(['rsa', 'ec'])('reads a DER %s certificate', async (name) => {
    const parameter = await certificateFromBytes(fixtureBytes(`${name}.der`));
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint(`${name}.pem`),
      thumbprintAlgorithm: 'sha1',
      data: base64(fixtureBytes(`${name}.der`)),
      certificateFormat: 'cer',
    });
  });

  it.each(['rsa', 'ec'])('reads a PEM %s certificate and sends its DER', async (name) => {
    const parameter = await certificateFromBytes(fixtureBytes(`${name}.pem`));
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint(`${name}.pem`),
      thumbprintAlgorithm: 'sha1',
      data: base64(fixtureBytes(`${name}.der`)),
      certificateFormat: 'cer',
    });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = fixtureBytes('ec.der');
    const buffer = new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    const parameter = await certificateFromBytes(buffer);
    expect(parameter.thumbprint).toBe(fixtureThumbprint('ec.pem'));
  });

  it('takes the one certificate of a PEM that also holds its key, and never sends the key', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('key-and-cert.pem'));
    expect(parameter.data).toBe(base64(fixtureBytes('rsa.der')));
    expect(parameter.thumbprint).toBe(fixtureThumbprint('rsa.pem'));
  });

  it('measures the decoded DER against the limit, not the PEM text', async () => {
    const pem = fixtureBytes('near-limit.pem');
    const der = fixtureBytes('near-limit.der');
    expect(pem.length).toBeGreaterThan(10240);
    expect(der.length).toBeLessThanOrEqual(10240);
    const parameter = await certificateFromBytes(pem);
    expect(parameter.data).toBe(base64(der));
    expect(parameter.data.length).toBeLessThanOrEqual(13656);
  });

  it('thumbprints are 40 lowercase hex digits', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('rsa.der'));
    expect(parameter.thumbprint).toMatch(/^[0-9a-f]{40}$/);
  });

  it('accepts format cer when the content is cer', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('rsa.pem'), { format: 'cer' });
    expect(parameter.certificateFormat).toBe('cer');
  });
});

describe('pfx: PKCS#12', () => {
  it.each([
    ['rsa-modern.pfx', 'rsa.pem', 'RSA, OpenSSL 3 default (PBES2 AES-256, SHA-256 MAC)'],
    ['ec-modern.pfx', 'ec.pem', 'EC, OpenSSL 3 default'],
    ['rsa-legacy.pfx', 'rsa.pem', 'RSA, -legacy (RC2-40 certificates, 3DES key, SHA-1 MAC)'],
    ['ec-3des.pfx', 'ec.pem', 'EC, 3DES for certificates and key'],
    ['rc2-128.pfx', 'ec.pem', 'EC, 128-bit RC2 certificates, SHA-512 MAC'],
  ])('reads %s with its password (%s)', async (file, pem) => {
    const parameter = await certificateFromBytes(fixtureBytes(file), { password: PASSWORD });
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint(pem),
      thumbprintAlgorithm: 'sha1',
      data: base64(fixtureBytes(file)),
      certificateFormat: 'pfx',
      password: PASSWORD,
    });
  });

  it.each([
    'unicode-modern.pfx',
    'unicode-legacy.pfx',
  ])('reads %s with a non-ASCII password (UTF-8 for PBES2, BMPString for PKCS#12 KDF)', async (file) => {
    const parameter = await certificateFromBytes(fixtureBytes(file), {
      password: UNICODE_PASSWORD,
    });
    expect(parameter.thumbprint).toBe(fixtureThumbprint('rsa.pem'));
  });

  it.each([
    ['rsa-empty.pfx', 'rsa.pem'],
    ['ec-empty-legacy.pfx', 'ec.pem'],
  ])('opens %s (empty password) without a password and sends none', async (file, pem) => {
    const parameter = await certificateFromBytes(fixtureBytes(file));
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint(pem),
      thumbprintAlgorithm: 'sha1',
      data: base64(fixtureBytes(file)),
      certificateFormat: 'pfx',
    });
  });

  it('keeps an explicitly given empty password', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('rsa-empty.pfx'), { password: '' });
    expect(parameter.password).toBe('');
    expect(parameter.thumbprint).toBe(fixtureThumbprint('rsa.pem'));
  });

  it.each([
    ['chain.pfx', 'leaf-ec.pem'],
    ['chain-legacy.pfx', 'leaf-rsa.pem'],
  ])('takes the leaf of %s, the certificate that belongs to the key', async (file, leaf) => {
    const parameter = await certificateFromBytes(fixtureBytes(file), { password: PASSWORD });
    expect(parameter.thumbprint).toBe(fixtureThumbprint(leaf));
    expect(parameter.thumbprint).not.toBe(fixtureThumbprint('ca.pem'));
  });

  describe.each(['leaf-ec', 'leaf-rsa'])('with the CA before the %s leaf in bag order', (leaf) => {
    const firstSubject = (path: string) =>
      /subject=.*CN\s*=\s*([\w-]+)/.exec(
        execFileSync(
          'openssl',
          ['pkcs12', '-in', path, '-nokeys', '-passin', 'pass:', '-nomacver'],
          {
            encoding: 'latin1',
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        ),
      )?.[1];

    it.each([
      false,
      true,
    ])('picks the leaf (bag attributes dropped: %s)', async (dropAttributes) => {
      const file = join(scratch, `${leaf}-ca-first-${dropAttributes}.pfx`);
      const rewritten = rewritePfx(fixtureBytes(`${leaf}-plain.pfx`), { dropAttributes });
      writeFileSync(file, rewritten);
      // openssl itself reads the rewritten file and sees the CA first.
      expect(firstSubject(fixturePath(`${leaf}-plain.pfx`))).toBe(leaf);
      expect(firstSubject(file)).toBe('ca');
      const parameter = await certificateFromBytes(rewritten);
      expect(parameter.thumbprint).toBe(fixtureThumbprint(`${leaf}.pem`));
    });
  });

  it('takes the single certificate of a PFX without a key', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('certs-only-one.pfx'), {
      password: PASSWORD,
    });
    expect(parameter.thumbprint).toBe(fixtureThumbprint('rsa.pem'));
  });

  it('accepts format pfx when the content is pfx', async () => {
    const parameter = await certificateFromBytes(fixtureBytes('ec-modern.pfx'), {
      password: PASSWORD,
      format: 'pfx',
    });
    expect(parameter.certificateFormat).toBe('pfx');
  });
});

describe('expectedThumbprint', () => {
  it.each([
    ['as openssl prints it (colons, uppercase)', (fp: string) => fp],
    ['with spaces', (fp: string) => fp.replaceAll(':', ' ')],
    ['lowercase without separators', (fp: string) => fp.replaceAll(':', '').toLowerCase()],
  ])('accepts a matching thumbprint %s', async (_, form) => {
    const expectedThumbprint = form(opensslFingerprint('leaf-ec.pem'));
    const parameter = await certificateFromBytes(fixtureBytes('chain.pfx'), {
      password: PASSWORD,
      expectedThumbprint,
    });
    expect(parameter.thumbprint).toBe(fixtureThumbprint('leaf-ec.pem'));
  });
});
