import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { certificateFromBytes } from '../../../src/certificate-file/index.js';
import { type Fixtures, makeFixtures, PASSWORD, UNICODE_PASSWORD } from './openssl-fixtures.js';
import { rewritePfx } from './pfx-rewrite.js';

let fx: Fixtures;
beforeAll(() => {
  fx = makeFixtures();
});
afterAll(() => fx.cleanup());

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('cer: DER and PEM X.509', () => {
  it.each(['rsa', 'ec'])('reads a DER %s certificate', async (name) => {
    const parameter = await certificateFromBytes(fx.bytes(`${name}.der`));
    expect(parameter).toEqual({
      thumbprint: fx.thumbprint(`${name}.pem`),
      thumbprintAlgorithm: 'sha1',
      data: base64(fx.bytes(`${name}.der`)),
      certificateFormat: 'cer',
    });
  });

  it.each(['rsa', 'ec'])('reads a PEM %s certificate and sends its DER', async (name) => {
    const parameter = await certificateFromBytes(fx.bytes(`${name}.pem`));
    expect(parameter).toEqual({
      thumbprint: fx.thumbprint(`${name}.pem`),
      thumbprintAlgorithm: 'sha1',
      data: base64(fx.bytes(`${name}.der`)),
      certificateFormat: 'cer',
    });
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = fx.bytes('ec.der');
    const buffer = new ArrayBuffer(bytes.length);
    new Uint8Array(buffer).set(bytes);
    const parameter = await certificateFromBytes(buffer);
    expect(parameter.thumbprint).toBe(fx.thumbprint('ec.pem'));
  });

  it('takes the one certificate of a PEM that also holds its key, and never sends the key', async () => {
    const parameter = await certificateFromBytes(fx.bytes('key-and-cert.pem'));
    expect(parameter.data).toBe(base64(fx.bytes('rsa.der')));
    expect(parameter.thumbprint).toBe(fx.thumbprint('rsa.pem'));
  });

  it('measures the decoded DER against the limit, not the PEM text', async () => {
    const pem = fx.bytes('near-limit.pem');
    const der = fx.bytes('near-limit.der');
    expect(pem.length).toBeGreaterThan(10240);
    expect(der.length).toBeLessThanOrEqual(10240);
    const parameter = await certificateFromBytes(pem);
    expect(parameter.data).toBe(base64(der));
    expect(parameter.data.length).toBeLessThanOrEqual(13656);
  });

  it('thumbprints are 40 lowercase hex digits', async () => {
    const parameter = await certificateFromBytes(fx.bytes('rsa.der'));
    expect(parameter.thumbprint).toMatch(/^[0-9a-f]{40}$/);
  });

  it('accepts format cer when the content is cer', async () => {
    const parameter = await certificateFromBytes(fx.bytes('rsa.pem'), { format: 'cer' });
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
    const parameter = await certificateFromBytes(fx.bytes(file), { password: PASSWORD });
    expect(parameter).toEqual({
      thumbprint: fx.thumbprint(pem),
      thumbprintAlgorithm: 'sha1',
      data: base64(fx.bytes(file)),
      certificateFormat: 'pfx',
      password: PASSWORD,
    });
  });

  it.each([
    'unicode-modern.pfx',
    'unicode-legacy.pfx',
  ])('reads %s with a non-ASCII password (UTF-8 for PBES2, BMPString for PKCS#12 KDF)', async (file) => {
    const parameter = await certificateFromBytes(fx.bytes(file), { password: UNICODE_PASSWORD });
    expect(parameter.thumbprint).toBe(fx.thumbprint('rsa.pem'));
  });

  it.each([
    ['rsa-empty.pfx', 'rsa.pem'],
    ['ec-empty-legacy.pfx', 'ec.pem'],
  ])('opens %s (empty password) without a password and sends none', async (file, pem) => {
    const parameter = await certificateFromBytes(fx.bytes(file));
    expect(parameter).toEqual({
      thumbprint: fx.thumbprint(pem),
      thumbprintAlgorithm: 'sha1',
      data: base64(fx.bytes(file)),
      certificateFormat: 'pfx',
    });
  });

  it('keeps an explicitly given empty password', async () => {
    const parameter = await certificateFromBytes(fx.bytes('rsa-empty.pfx'), { password: '' });
    expect(parameter.password).toBe('');
    expect(parameter.thumbprint).toBe(fx.thumbprint('rsa.pem'));
  });

  it.each([
    ['chain.pfx', 'leaf-ec.pem'],
    ['chain-legacy.pfx', 'leaf-rsa.pem'],
  ])('takes the leaf of %s, the certificate that belongs to the key', async (file, leaf) => {
    const parameter = await certificateFromBytes(fx.bytes(file), { password: PASSWORD });
    expect(parameter.thumbprint).toBe(fx.thumbprint(leaf));
    expect(parameter.thumbprint).not.toBe(fx.thumbprint('ca.pem'));
  });

  describe.each(['leaf-ec', 'leaf-rsa'])('with the CA before the %s leaf in bag order', (leaf) => {
    const firstSubject = (file: string) =>
      /subject=.*CN\s*=\s*([\w-]+)/.exec(
        fx.openssl(['pkcs12', '-in', file, '-nokeys', '-passin', 'pass:', '-nomacver']),
      )?.[1];

    it.each([
      false,
      true,
    ])('picks the leaf (bag attributes dropped: %s)', async (dropAttributes) => {
      const file = `${leaf}-ca-first-${dropAttributes}.pfx`;
      const { writeFileSync } = await import('node:fs');
      writeFileSync(fx.path(file), rewritePfx(fx.bytes(`${leaf}-plain.pfx`), { dropAttributes }));
      // openssl itself reads the rewritten file and sees the CA first.
      expect(firstSubject(`${leaf}-plain.pfx`)).toBe(leaf);
      expect(firstSubject(file)).toBe('ca');
      const parameter = await certificateFromBytes(fx.bytes(file));
      expect(parameter.thumbprint).toBe(fx.thumbprint(`${leaf}.pem`));
    });
  });

  it('takes the single certificate of a PFX without a key', async () => {
    const parameter = await certificateFromBytes(fx.bytes('certs-only-one.pfx'), {
      password: PASSWORD,
    });
    expect(parameter.thumbprint).toBe(fx.thumbprint('rsa.pem'));
  });

  it('accepts format pfx when the content is pfx', async () => {
    const parameter = await certificateFromBytes(fx.bytes('ec-modern.pfx'), {
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
    const expectedThumbprint = form(fx.opensslFingerprint('leaf-ec.pem'));
    const parameter = await certificateFromBytes(fx.bytes('chain.pfx'), {
      password: PASSWORD,
      expectedThumbprint,
    });
    expect(parameter.thumbprint).toBe(fx.thumbprint('leaf-ec.pem'));
  });
});
