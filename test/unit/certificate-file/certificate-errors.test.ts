import { describe, expect, it } from '@jest/globals';
import {
  CertificateFileError,
  certificateFromBytes,
  isCertificateFileError,
} from '../../../src/certificate-file/index.js';
import {
  fixtureBytes,
  fixtureThumbprint,
  GARBAGE,
  PASSWORD,
} from '../../support/certificate-fixtures.js';
import { expectCertificateError } from './expect-certificate-error.js';

const DATA = 'certificate data';

describe('CertificateFileError', () => {
  it('has a name, a code, an Error prototype and a guard that checks the name', () => {
    const error = new CertificateFileError('TOO_LARGE', 'too large');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CertificateFileError');
    expect(isCertificateFileError(error)).toBe(true);
    // Another realm or a duplicated install: same name and code, different class.
    const foreign = Object.assign(new Error('x'), {
      name: 'CertificateFileError',
      code: 'TOO_LARGE',
    });
    expect(isCertificateFileError(foreign)).toBe(true);
    expect(isCertificateFileError(new TypeError('x'))).toBe(false);
    expect(
      isCertificateFileError(Object.assign(new Error('x'), { name: 'CertificateFileError' })),
    ).toBe(false);
    expect(isCertificateFileError({ name: 'CertificateFileError', code: 'TOO_LARGE' })).toBe(false);
    expect(isCertificateFileError(null)).toBe(false);
  });
});

describe('certificateFromBytes refuses', () => {
  it('UNREADABLE: input that is not bytes', async () => {
    await expectCertificateError(
      certificateFromBytes('MIIB...' as unknown as Uint8Array),
      'UNREADABLE',
      'certificate data must be a Uint8Array or an ArrayBuffer, not string',
    );
    await expectCertificateError(
      certificateFromBytes(null as unknown as Uint8Array),
      'UNREADABLE',
      'certificate data must be a Uint8Array or an ArrayBuffer, not null',
    );
  });

  it('NOT_A_CERTIFICATE: empty input', async () => {
    await expectCertificateError(
      certificateFromBytes(new Uint8Array()),
      'NOT_A_CERTIFICATE',
      'certificate data is empty',
    );
  });

  it('NOT_A_CERTIFICATE: bytes that are neither X.509 nor PKCS#12', async () => {
    const message =
      'certificate data is neither an X.509 certificate (DER or PEM) nor a PKCS#12 (PFX) file';
    await expectCertificateError(certificateFromBytes(GARBAGE), 'NOT_A_CERTIFICATE', message);
    await expectCertificateError(
      certificateFromBytes(new TextEncoder().encode('hello, not a certificate')),
      'NOT_A_CERTIFICATE',
      message,
    );
    // A truncated certificate is not a certificate either.
    const der = fixtureBytes('rsa.der');
    await expectCertificateError(
      certificateFromBytes(der.subarray(0, der.length - 1)),
      'NOT_A_CERTIFICATE',
      message,
    );
  });

  it('NOT_A_CERTIFICATE: PEM files without a certificate name what they hold', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('rsa.key')),
      'NOT_A_CERTIFICATE',
      'certificate data holds no CERTIFICATE PEM block (found: PRIVATE KEY)',
    );
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('leaf-ec.csr')),
      'NOT_A_CERTIFICATE',
      'certificate data holds no CERTIFICATE PEM block (found: CERTIFICATE REQUEST)',
    );
  });

  it('NOT_A_CERTIFICATE: a CERTIFICATE PEM block with a broken body', async () => {
    const pem =
      '-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END CERTIFICATE-----\n';
    await expectCertificateError(
      certificateFromBytes(new TextEncoder().encode(pem)),
      'NOT_A_CERTIFICATE',
      'certificate data holds a CERTIFICATE PEM block that is not an X.509 certificate',
    );
  });

  it('NOT_A_CERTIFICATE: a PFX whose inside is damaged', async () => {
    // Flip one byte inside the (unencrypted, MAC-less) bags: the outer shape stays PKCS#12.
    const bytes = fixtureBytes('leaf-ec-plain.pfx').slice();
    bytes[60] = 0xff;
    await expectCertificateError(
      certificateFromBytes(bytes),
      'NOT_A_CERTIFICATE',
      'certificate data has the shape of a PKCS#12 file but its contents cannot be read',
    );
  });

  it('MULTIPLE_CERTIFICATES: a PEM with several certificates, naming the count', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('two.pem')),
      'MULTIPLE_CERTIFICATES',
      "certificate data holds 2 PEM certificates; a 'cer' certificate is exactly one. Keep only the certificate to add, or put it with its chain and private key into a PFX",
    );
  });

  it('TOO_LARGE: a certificate over 10240 bytes, with its size', async () => {
    const der = fixtureBytes('over-limit.der');
    expect(der.length).toBeGreaterThan(10240);
    const message = `certificate data is too large: the certificate's data must be at most 10240 bytes once decoded from base64, and it is ${der.length} bytes`;
    await expectCertificateError(certificateFromBytes(der), 'TOO_LARGE', message);
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('over-limit.pem')),
      'TOO_LARGE',
      message,
    );
  });

  it('TOO_LARGE: a PFX over 10240 bytes even when its certificate alone would fit', async () => {
    const pfx = fixtureBytes('near-limit.pfx');
    expect(pfx.length).toBeGreaterThan(10240);
    expect(fixtureBytes('near-limit.der').length).toBeLessThanOrEqual(10240);
    await expectCertificateError(
      certificateFromBytes(pfx, { password: PASSWORD }),
      'TOO_LARGE',
      `certificate data is too large: the certificate's data must be at most 10240 bytes once decoded from base64, and it is ${pfx.length} bytes`,
    );
  });

  it('TOO_LARGE: input over 1 MiB before any parsing', async () => {
    const size = 1024 * 1024 + 1;
    await expectCertificateError(
      certificateFromBytes(new Uint8Array(size)),
      'TOO_LARGE',
      `certificate data is too large: the certificate's data must be at most 10240 bytes once decoded from base64, and it is ${size} bytes`,
    );
  });

  it.each([
    ['rsa.der'],
    ['ec.pem'],
  ])('PASSWORD_NOT_ALLOWED: a password with the cer %s', async (file) => {
    for (const password of [PASSWORD, '']) {
      const error = await expectCertificateError(
        certificateFromBytes(fixtureBytes(file), { password }),
        'PASSWORD_NOT_ALLOWED',
        "certificate data is a 'cer' certificate, which carries no password; omit the password",
      );
      expect(error.message).not.toContain(PASSWORD);
    }
  });

  it.each([
    'rsa-modern.pfx',
    'rsa-legacy.pfx',
    'ec-3des.pfx',
    'chain.pfx',
  ])('WRONG_PASSWORD: %s with a wrong password, which the message never repeats', async (file) => {
    const wrong = 'Wrong-Passw0rd';
    const error = await expectCertificateError(
      certificateFromBytes(fixtureBytes(file), { password: wrong }),
      'WRONG_PASSWORD',
      'the password given for certificate data is wrong (the PKCS#12 integrity check or decryption failed)',
    );
    expect(error.message).not.toContain(wrong);
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect(error.cause).toBeUndefined();
  });

  it('WRONG_PASSWORD: a non-empty password for a PFX made with an empty one', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('rsa-empty.pfx'), { password: PASSWORD }),
      'WRONG_PASSWORD',
      'the password given for certificate data is wrong (the PKCS#12 integrity check or decryption failed)',
    );
  });

  it.each([
    'rsa-modern.pfx',
    'rsa-legacy.pfx',
  ])('PASSWORD_REQUIRED: %s without a password', async (file) => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes(file)),
      'PASSWORD_REQUIRED',
      'certificate data is protected by a password, which is needed to read its certificate and thumbprint; pass the password',
    );
  });

  it('NO_CERTIFICATE: a PFX that holds only a key', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('key-only.pfx'), { password: PASSWORD }),
      'NO_CERTIFICATE',
      'certificate data holds no certificate',
    );
  });

  it('AMBIGUOUS_CERTIFICATE: a PFX with two certificates and no key', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('certs-only-two.pfx'), { password: PASSWORD }),
      'AMBIGUOUS_CERTIFICATE',
      'certificate data holds 2 certificates and no private key, so the certificate to add cannot be chosen',
    );
  });

  it.each([
    ['rc4.pfx', 'pbeWithSHAAnd128BitRC4'],
    ['camellia.pfx', 'PBES2 with 1.2.392.200011.61.1.1.1.4'],
    ['mac-sha224.pfx', 'MAC 2.16.840.1.101.3.4.2.4'],
  ])('UNSUPPORTED_ALGORITHM: %s', async (file, algorithm) => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes(file), { password: PASSWORD }),
      'UNSUPPORTED_ALGORITHM',
      `certificate data uses a PKCS#12 algorithm this helper cannot read (${algorithm}); export it again with AES-256 (the OpenSSL 3 default) or 3DES`,
    );
  });

  it('FORMAT_MISMATCH: format says the other thing', async () => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('rsa.der'), { format: 'pfx' }),
      'FORMAT_MISMATCH',
      "certificate data is a 'cer' certificate, but format 'pfx' was asked for",
    );
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('rsa-modern.pfx'), { format: 'cer', password: PASSWORD }),
      'FORMAT_MISMATCH',
      "certificate data is a 'pfx' certificate, but format 'cer' was asked for",
    );
  });

  it('THUMBPRINT_MISMATCH: names both thumbprints', async () => {
    const actual = fixtureThumbprint('leaf-ec.pem');
    const ca = fixtureThumbprint('ca.pem');
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('chain.pfx'), {
        password: PASSWORD,
        expectedThumbprint: ca.toUpperCase(),
      }),
      'THUMBPRINT_MISMATCH',
      `${DATA} has SHA-1 thumbprint ${actual}, not the expected ${ca}`,
    );
  });

  it.each([
    'abc',
    'zz'.repeat(20),
    `${'a'.repeat(40)}0`,
    '',
  ])('INVALID_THUMBPRINT: expectedThumbprint %p', async (expectedThumbprint) => {
    await expectCertificateError(
      certificateFromBytes(fixtureBytes('rsa.der'), { expectedThumbprint }),
      'INVALID_THUMBPRINT',
      'a SHA-1 thumbprint must be 40 hex digits (spaces and colons are ignored)',
    );
  });
});
