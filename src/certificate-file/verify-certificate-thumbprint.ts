import { base64DecodedLength } from '../util/base64.js';
import { base64ToBytes } from './base64.js';
import { CertificateFileError } from './certificate-file-error.js';
import { MAX_CERTIFICATE_BYTES, tooLargeMessage } from './limits.js';
import { readCertificate } from './read-certificate.js';
import { assertThumbprint, normalizeThumbprint, sha1Thumbprint } from './thumbprint.js';
import type { CertificateThumbprintCheck } from './types.js';

const SOURCE = 'certificate data';

/**
 * Checks, before anything is sent, that `parameter.thumbprint` is the SHA-1 thumbprint of the
 * certificate in `parameter.data`. Always possible for `cer`; for `pfx` the password is needed
 * when the file is protected by one (else `PASSWORD_REQUIRED`). Thumbprints compare without case,
 * spaces or colons. Also applies the rules of {@link certificateFromBytes}: size limit, no
 * password for `cer`, `certificateFormat` matching the content, `cer` data being DER.
 *
 * @param parameter - the fields of a `CertificateAddParameter`
 * @throws {@link CertificateFileError}: `THUMBPRINT_MISMATCH`, `INVALID_THUMBPRINT`, and the
 *   reading errors
 */
export async function verifyCertificateThumbprint(
  parameter: CertificateThumbprintCheck,
): Promise<void> {
  const algorithm = parameter.thumbprintAlgorithm;
  if (algorithm !== undefined && algorithm.toLowerCase() !== 'sha1') {
    throw new CertificateFileError(
      'INVALID_THUMBPRINT',
      `thumbprintAlgorithm must be 'sha1', not '${algorithm}'`,
    );
  }
  const expected = normalizeThumbprint(parameter.thumbprint);
  if (typeof parameter.data !== 'string') {
    throw new CertificateFileError('UNREADABLE', `${SOURCE} must be a base64 string`);
  }
  // The size rule comes first, on the decoded size (computed without decoding).
  const size = base64DecodedLength(parameter.data);
  if (size > MAX_CERTIFICATE_BYTES) {
    throw new CertificateFileError('TOO_LARGE', tooLargeMessage(SOURCE, size));
  }
  const bytes = base64ToBytes(parameter.data);
  if (bytes === undefined) {
    throw new CertificateFileError('NOT_A_CERTIFICATE', `${SOURCE} is not valid base64`);
  }
  const content = readCertificate({
    bytes,
    password: parameter.password,
    format: parameter.certificateFormat,
    source: SOURCE,
    allowPem: false,
  });
  assertThumbprint(SOURCE, await sha1Thumbprint(content.certificateDer), expected);
}
