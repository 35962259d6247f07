import { expect } from '@jest/globals';
import {
  type CertificateFileErrorCode,
  isCertificateFileError,
} from '../../../src/certificate-file/index.js';

/** Awaits `promise`, expects it to reject with a CertificateFileError of `code` and `message`. */
export async function expectCertificateError(
  promise: Promise<unknown>,
  code: CertificateFileErrorCode,
  message: string,
): Promise<Error> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection, got a result'),
    (reason: unknown) => reason,
  );
  expect(isCertificateFileError(error)).toBe(true);
  expect(error).toMatchObject({ name: 'CertificateFileError', code, message });
  return error as Error;
}
