/**
 * An option set to `undefined` counts as not given (the option types say `?: T | undefined`, so a
 * consumer under `exactOptionalPropertyTypes` can pass `{ password: process.env.PFX_PASSWORD }`).
 * The case that matters: a `.cer` refuses any password, even `''`, but not an absent one.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { certificateFromBytes, certificateFromFile } from '../../../src/certificate-file/node.js';
import { expectCertificateError } from './expect-certificate-error.js';

const APP_CER = 'test/fixtures/readme/app.cer';
const UNSET = { password: undefined, format: undefined, expectedThumbprint: undefined };

describe('certificate-file options set to undefined', () => {
  it('certificateFromFile: the same result as no options (a .cer, where a password is refused)', async () => {
    const plain = await certificateFromFile(APP_CER);
    expect(await certificateFromFile(APP_CER, UNSET)).toEqual(plain);
    expect(plain).not.toHaveProperty('password');
    await expectCertificateError(
      certificateFromFile(APP_CER, { password: '' }),
      'PASSWORD_NOT_ALLOWED',
      `certificate file '${APP_CER}' is a 'cer' certificate, which carries no password; omit the password`,
    );
  });

  it('certificateFromBytes: the same, sourceName included', async () => {
    const bytes = await readFile(APP_CER);
    expect(await certificateFromBytes(bytes, { ...UNSET, sourceName: undefined })).toEqual(
      await certificateFromBytes(bytes),
    );
  });
});
