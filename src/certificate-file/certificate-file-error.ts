/**
 * Why a certificate file was refused. Each code asks the caller for a different fix:
 *
 * - `UNREADABLE`: the file could not be read, or the input is not bytes.
 * - `NOT_A_CERTIFICATE`: the bytes are neither an X.509 certificate (DER or PEM) nor PKCS#12.
 * - `TOO_LARGE`: the data is over the service limit of 10240 decoded bytes (`MAX_CERTIFICATE_BYTES`).
 * - `MULTIPLE_CERTIFICATES`: a PEM file holds more than one certificate.
 * - `NO_CERTIFICATE`: a PKCS#12 file holds no certificate, or none that belongs to its private key.
 * - `AMBIGUOUS_CERTIFICATE`: a PKCS#12 file holds several certificates and no private key to pick one.
 * - `WRONG_PASSWORD`: the PKCS#12 password is wrong.
 * - `PASSWORD_REQUIRED`: the PKCS#12 file is protected by a password and none was given.
 * - `PASSWORD_NOT_ALLOWED`: a password was given for a `cer` certificate.
 * - `FORMAT_MISMATCH`: the `format` option (or `certificateFormat`) does not match the content.
 * - `UNSUPPORTED_ALGORITHM`: the PKCS#12 file uses an encryption or MAC algorithm we cannot read.
 * - `INVALID_THUMBPRINT`: a caller-given thumbprint is not 40 hex digits, or its algorithm is not sha1.
 * - `THUMBPRINT_MISMATCH`: a caller-given thumbprint differs from the certificate's.
 */
export type CertificateFileErrorCode =
  | 'UNREADABLE'
  | 'NOT_A_CERTIFICATE'
  | 'TOO_LARGE'
  | 'MULTIPLE_CERTIFICATES'
  | 'NO_CERTIFICATE'
  | 'AMBIGUOUS_CERTIFICATE'
  | 'WRONG_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'PASSWORD_NOT_ALLOWED'
  | 'FORMAT_MISMATCH'
  | 'UNSUPPORTED_ALGORITHM'
  | 'INVALID_THUMBPRINT'
  | 'THUMBPRINT_MISMATCH';

/**
 * A certificate file (or certificate data) that cannot become a valid `CertificateAddParameter`.
 * Raised before anything is sent to the service. Messages name the source (a file path or
 * "certificate data") but never contain the password or any certificate bytes.
 */
export class CertificateFileError extends Error {
  /** Stable, machine-readable reason; see {@link CertificateFileErrorCode}. */
  readonly code: CertificateFileErrorCode;

  /**
   * @param code - the reason, see {@link CertificateFileErrorCode}
   * @param message - a human-readable explanation free of secrets
   * @param options - `cause` for I/O errors (never for errors that may carry certificate bytes)
   */
  constructor(code: CertificateFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CertificateFileError';
    this.code = code;
  }
}

/**
 * True when `value` is a {@link CertificateFileError}. Checks `name` rather than `instanceof`, so
 * it works across realms and duplicated installs.
 */
export function isCertificateFileError(value: unknown): value is CertificateFileError {
  return (
    value instanceof Error &&
    value.name === 'CertificateFileError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
