import { describe, expect, it } from '@jest/globals';
import { verifyCertificateThumbprint } from '../../../src/certificate-file/index.js';
import {
  fixtureBytes,
  fixtureThumbprint,
  opensslFingerprint,
  PASSWORD,
} from '../../support/certificate-fixtures.js';
import { expectCertificateError } from './expect-certificate-error.js';

const data = (name: string) => Buffer.from(fixtureBytes(name)).toString('base64');

describe('verifyCertificateThumbprint accepts', () => {
  it('a cer whose thumbprint matches, in any accepted spelling', async () => {
    const fingerprint = opensslFingerprint('ec.pem');
    for (const thumbprint of [
      fingerprint,
      fingerprint.replaceAll(':', ' '),
      fixtureThumbprint('ec.pem'),
    ]) {
      await expect(
        verifyCertificateThumbprint({ thumbprint, data: data('ec.der'), certificateFormat: 'cer' }),
      ).resolves.toBeUndefined();
    }
  });

  it('a pfx with its password, checking the key certificate of a chain', async () => {
    await expect(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('leaf-rsa.pem'),
        thumbprintAlgorithm: 'SHA1',
        data: data('chain-legacy.pfx'),
        certificateFormat: 'pfx',
        password: PASSWORD,
      }),
    ).resolves.toBeUndefined();
  });

  it('a pfx made with an empty password, without a password', async () => {
    await expect(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa-empty.pfx'),
      }),
    ).resolves.toBeUndefined();
  });
});

describe('verifyCertificateThumbprint refuses', () => {
  it('THUMBPRINT_MISMATCH for a cer', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('ec.der'),
      }),
      'THUMBPRINT_MISMATCH',
      `certificate data has SHA-1 thumbprint ${fixtureThumbprint('ec.pem')}, not the expected ${fixtureThumbprint('rsa.pem')}`,
    );
  });

  it('THUMBPRINT_MISMATCH for a pfx whose CA certificate thumbprint was given', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: opensslFingerprint('ca.pem'),
        data: data('chain.pfx'),
        password: PASSWORD,
      }),
      'THUMBPRINT_MISMATCH',
      `certificate data has SHA-1 thumbprint ${fixtureThumbprint('leaf-ec.pem')}, not the expected ${fixtureThumbprint('ca.pem')}`,
    );
  });

  it('PASSWORD_REQUIRED for a password-protected pfx without its password', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa-modern.pfx'),
      }),
      'PASSWORD_REQUIRED',
      'certificate data is protected by a password, which is needed to read its certificate and thumbprint; pass the password',
    );
  });

  it('WRONG_PASSWORD for a pfx with a wrong password', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa-modern.pfx'),
        password: 'not-it',
      }),
      'WRONG_PASSWORD',
      'the password given for certificate data is wrong (the PKCS#12 integrity check or decryption failed)',
    );
  });

  it('PASSWORD_NOT_ALLOWED for a cer with a password', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa.der'),
        password: 'x',
      }),
      'PASSWORD_NOT_ALLOWED',
      "certificate data is a 'cer' certificate, which carries no password; omit the password",
    );
  });

  it('FORMAT_MISMATCH when certificateFormat contradicts the data', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa.der'),
        certificateFormat: 'pfx',
      }),
      'FORMAT_MISMATCH',
      "certificate data is a 'cer' certificate, but format 'pfx' was asked for",
    );
  });

  it('NOT_A_CERTIFICATE when cer data is base64 of PEM text rather than of DER', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: data('rsa.pem'),
      }),
      'NOT_A_CERTIFICATE',
      "certificate data is PEM text; 'cer' data must be the base64 of the DER certificate",
    );
  });

  it('NOT_A_CERTIFICATE when data is not base64', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: 'not*base64!',
      }),
      'NOT_A_CERTIFICATE',
      'certificate data is not valid base64',
    );
  });

  it('UNREADABLE when data is not a string', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: 42 as unknown as string,
      }),
      'UNREADABLE',
      'certificate data must be a base64 string',
    );
  });

  it.each([
    // 13656 base64 characters hold 10240, 10241 or 10242 bytes: the limit is on bytes.
    [10241, 13656],
    [10242, 13656],
    [10243, 13660],
  ])('TOO_LARGE when data decodes to %i bytes (%i base64 characters)', async (bytes, chars) => {
    const data = Buffer.alloc(bytes, 7).toString('base64');
    expect(data).toHaveLength(chars);
    await expectCertificateError(
      verifyCertificateThumbprint({ thumbprint: fixtureThumbprint('rsa.pem'), data }),
      'TOO_LARGE',
      `certificate data is too large: the certificate's data must be at most 10240 bytes once decoded from base64, and it is ${bytes} bytes`,
    );
  });

  it('10240 bytes pass the size rule and fail later, on content', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        data: Buffer.alloc(10240, 7).toString('base64'),
      }),
      'NOT_A_CERTIFICATE',
      'certificate data is neither an X.509 certificate (DER or PEM) nor a PKCS#12 (PFX) file',
    );
  });

  it.each(['12345', 'g'.repeat(40)])('INVALID_THUMBPRINT for thumbprint %p', async (thumbprint) => {
    await expectCertificateError(
      verifyCertificateThumbprint({ thumbprint, data: data('rsa.der') }),
      'INVALID_THUMBPRINT',
      'a SHA-1 thumbprint must be 40 hex digits (spaces and colons are ignored)',
    );
  });

  it('INVALID_THUMBPRINT for an algorithm other than sha1', async () => {
    await expectCertificateError(
      verifyCertificateThumbprint({
        thumbprint: fixtureThumbprint('rsa.pem'),
        thumbprintAlgorithm: 'sha256',
        data: data('rsa.der'),
      }),
      'INVALID_THUMBPRINT',
      "thumbprintAlgorithm must be 'sha1', not 'sha256'",
    );
  });
});
