import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { certificateFromFile } from '../../../src/certificate-file/node.js';
import {
  fixtureBytes,
  fixturePath,
  fixtureThumbprint,
  opensslFingerprint,
  PASSWORD,
} from '../../support/certificate-fixtures.js';
import { expectCertificateError } from './expect-certificate-error.js';

/** Files a test makes (or leaves missing) go here; the committed fixtures are only read. */
const scratch = mkdtempSync(join(tmpdir(), 'certificate-from-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('certificateFromFile', () => {
  it('reads a pfx file', async () => {
    const parameter = await certificateFromFile(fixturePath('chain.pfx'), { password: PASSWORD });
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint('leaf-ec.pem'),
      thumbprintAlgorithm: 'sha1',
      data: Buffer.from(fixtureBytes('chain.pfx')).toString('base64'),
      certificateFormat: 'pfx',
      password: PASSWORD,
    });
  });

  it('reads a PEM .cer file given as a file URL', async () => {
    const parameter = await certificateFromFile(pathToFileURL(fixturePath('rsa.pem')));
    expect(parameter).toEqual({
      thumbprint: fixtureThumbprint('rsa.pem'),
      thumbprintAlgorithm: 'sha1',
      data: Buffer.from(fixtureBytes('rsa.der')).toString('base64'),
      certificateFormat: 'cer',
    });
  });

  it('checks expectedThumbprint', async () => {
    const path = fixturePath('ec.der');
    await expectCertificateError(
      certificateFromFile(path, { expectedThumbprint: opensslFingerprint('rsa.pem') }),
      'THUMBPRINT_MISMATCH',
      `certificate file '${path}' has SHA-1 thumbprint ${fixtureThumbprint('ec.pem')}, not the expected ${fixtureThumbprint('rsa.pem')}`,
    );
  });

  it('names the file in errors and never the password', async () => {
    const path = fixturePath('rsa-legacy.pfx');
    const error = await expectCertificateError(
      certificateFromFile(path, { password: 'guess-1234' }),
      'WRONG_PASSWORD',
      `the password given for certificate file '${path}' is wrong (the PKCS#12 integrity check or decryption failed)`,
    );
    expect(error.message).not.toContain('guess-1234');
  });

  it('UNREADABLE: a missing file, with the system error code as cause', async () => {
    const path = join(scratch, 'missing.pfx');
    const error = await expectCertificateError(
      certificateFromFile(path),
      'UNREADABLE',
      `certificate file '${path}' cannot be read (ENOENT)`,
    );
    expect((error.cause as { code?: string }).code).toBe('ENOENT');
  });

  it('UNREADABLE: a directory', async () => {
    const path = join(scratch, 'a-directory');
    mkdirSync(path);
    await expectCertificateError(
      certificateFromFile(path),
      'UNREADABLE',
      `certificate file '${path}' cannot be read: it is not a file`,
    );
  });

  it('TOO_LARGE: a file over 1 MiB is refused before it is read', async () => {
    const path = join(scratch, 'huge.bin');
    writeFileSync(path, new Uint8Array(1024 * 1024 + 5));
    await expectCertificateError(
      certificateFromFile(path),
      'TOO_LARGE',
      `certificate file '${path}' is too large: the certificate's data must be at most 10240 bytes once decoded from base64, and it is ${1024 * 1024 + 5} bytes`,
    );
  });

  it('NOT_A_CERTIFICATE: an empty file', async () => {
    const path = join(scratch, 'empty.bin');
    writeFileSync(path, new Uint8Array());
    await expectCertificateError(
      certificateFromFile(path),
      'NOT_A_CERTIFICATE',
      `certificate file '${path}' is empty`,
    );
  });
});
