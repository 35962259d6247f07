/**
 * Certificate file helpers, browser-safe entry (`batch-rest-client/certificates` in browsers).
 * Build a `CertificateAddParameter` from certificate bytes and check thumbprints. Node code gets
 * `certificateFromFile` as well from `./node.js`.
 *
 * @packageDocumentation
 */

export {
  CertificateFileError,
  type CertificateFileErrorCode,
  isCertificateFileError,
} from './certificate-file-error.js';
export { certificateFromBytes } from './certificate-from-bytes.js';
export { MAX_CERTIFICATE_BASE64_LENGTH, MAX_CERTIFICATE_BYTES } from './limits.js';
export { normalizeThumbprint } from './thumbprint.js';
export type {
  CertificateAddParameter,
  CertificateFormat,
  CertificateFromBytesOptions,
  CertificateFromFileOptions,
  CertificateThumbprintCheck,
} from './types.js';
export { verifyCertificateThumbprint } from './verify-certificate-thumbprint.js';
