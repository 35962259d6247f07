/** The format of certificate data as the Batch service names it. */
export type CertificateFormat = 'cer' | 'pfx';

/**
 * The body of the Certificate - Add operation (local copy of the spec's `CertificateAddParameter`;
 * it will be replaced by the generated type).
 */
export interface CertificateAddParameter {
  /** The X.509 thumbprint of the certificate: up to 40 hex digits (spaces are removed). */
  thumbprint: string;
  /** The algorithm used to derive the thumbprint. This must be `sha1`. */
  thumbprintAlgorithm: 'sha1';
  /** The base64-encoded contents of the certificate. The maximum size is 10 KB. */
  data: string;
  /** The format of the certificate data. */
  certificateFormat?: CertificateFormat;
  /** The password to access the certificate's private key. Must be omitted for `cer`. */
  password?: string;
}

/**
 * Options of `certificateFromBytes`. A member set to `undefined` counts as not given, so
 * `{ password: process.env.PFX_PASSWORD }` type-checks under `exactOptionalPropertyTypes`.
 */
export interface CertificateFromBytesOptions {
  /**
   * The PKCS#12 password. Required when the PFX is protected by a non-empty password; must be
   * omitted for a `cer` certificate. When omitted, a PFX made with an empty password still opens.
   */
  password?: string | undefined;
  /** The expected format; when given, content of the other format is refused. Default: detected. */
  format?: CertificateFormat | undefined;
  /**
   * A thumbprint the certificate must have (SHA-1, hex; spaces and colons are ignored, case does
   * not matter). A mismatch is refused with `THUMBPRINT_MISMATCH`.
   */
  expectedThumbprint?: string | undefined;
  /** How messages name the input (for example a file path). Default: `certificate data`. */
  sourceName?: string | undefined;
}

/** Options of `certificateFromFile` (a member set to `undefined` counts as not given). */
export interface CertificateFromFileOptions {
  /** The PKCS#12 password; see {@link CertificateFromBytesOptions.password}. */
  password?: string | undefined;
  /** The expected format; see {@link CertificateFromBytesOptions.format}. */
  format?: CertificateFormat | undefined;
  /** A thumbprint the certificate must have; see {@link CertificateFromBytesOptions.expectedThumbprint}. */
  expectedThumbprint?: string | undefined;
}

/** What `verifyCertificateThumbprint` needs: the fields of a `CertificateAddParameter`. */
export interface CertificateThumbprintCheck {
  /** The thumbprint to check (hex; spaces and colons are ignored, case does not matter). */
  thumbprint: string;
  /** The base64-encoded certificate data. */
  data: string;
  /** When given, must be `sha1` (any case). */
  thumbprintAlgorithm?: string;
  /** When given, must match the content. Default: detected. */
  certificateFormat?: CertificateFormat;
  /** The PKCS#12 password; needed to read a password-protected PFX. */
  password?: string;
}
