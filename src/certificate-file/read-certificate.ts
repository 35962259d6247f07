import { CertificateFileError, isCertificateFileError } from './certificate-file-error.js';
import { MAX_CERTIFICATE_BYTES, MAX_INPUT_BYTES, tooLargeMessage } from './limits.js';
import { CERTIFICATE_LABELS, readPemBlocks } from './pem.js';
import { looksLikePkcs12, Pkcs12ReadError, readPkcs12 } from './pkcs12-reader.js';
import { selectCertificate } from './select-certificate.js';
import type { CertificateFormat } from './types.js';
import { parseCertificate } from './x509.js';

/** What {@link readCertificate} needs. */
export interface ReadCertificateInput {
  readonly bytes: Uint8Array;
  readonly password: string | undefined;
  readonly format: CertificateFormat | undefined;
  /** How messages name the input, e.g. `certificate file 'a.pfx'`. */
  readonly source: string;
  /** False when the bytes must be DER (the `data` of a parameter), not PEM text. */
  readonly allowPem: boolean;
}

/** A certificate file understood: what to upload and which certificate the thumbprint is of. */
export interface CertificateContent {
  readonly format: CertificateFormat;
  /** The bytes whose base64 is the parameter's `data`. */
  readonly data: Uint8Array;
  /** The DER certificate the thumbprint is computed from. */
  readonly certificateDer: Uint8Array;
}

function tooLarge(source: string, size: number): CertificateFileError {
  return new CertificateFileError('TOO_LARGE', tooLargeMessage(source, size));
}

function notACertificate(source: string, why: string): CertificateFileError {
  return new CertificateFileError('NOT_A_CERTIFICATE', `${source} ${why}`);
}

/** Finds the one DER certificate of a PEM text, or explains why there is none. */
function certificateFromPem(input: ReadCertificateInput): Uint8Array | undefined {
  const blocks = readPemBlocks(input.bytes);
  if (blocks === undefined) return undefined;
  const certificates = blocks.filter((block) => CERTIFICATE_LABELS.includes(block.label));
  if (certificates.length === 0) {
    const labels = [...new Set(blocks.map((block) => block.label))].join(', ');
    throw notACertificate(input.source, `holds no CERTIFICATE PEM block (found: ${labels})`);
  }
  if (certificates.length > 1) {
    throw new CertificateFileError(
      'MULTIPLE_CERTIFICATES',
      `${input.source} holds ${certificates.length} PEM certificates; a 'cer' certificate is exactly one. Keep only the certificate to add, or put it with its chain and private key into a PFX`,
    );
  }
  const body = certificates[0]?.body;
  if (body === undefined || parseCertificate(body) === undefined) {
    throw notACertificate(
      input.source,
      'holds a CERTIFICATE PEM block that is not an X.509 certificate',
    );
  }
  if (!input.allowPem) {
    throw notACertificate(
      input.source,
      "is PEM text; 'cer' data must be the base64 of the DER certificate",
    );
  }
  return body;
}

function detect(input: ReadCertificateInput): { format: CertificateFormat; der?: Uint8Array } {
  if (parseCertificate(input.bytes) !== undefined) return { format: 'cer', der: input.bytes };
  if (looksLikePkcs12(input.bytes)) return { format: 'pfx' };
  const der = certificateFromPem(input);
  if (der !== undefined) return { format: 'cer', der };
  throw notACertificate(
    input.source,
    'is neither an X.509 certificate (DER or PEM) nor a PKCS#12 (PFX) file',
  );
}

function pfxError(source: string, error: unknown, password: string | undefined): unknown {
  if (isCertificateFileError(error)) return error;
  if (!(error instanceof Pkcs12ReadError)) {
    // Anything else thrown while reading (by forge or by us) means a file we cannot understand;
    // its message is not passed on, as it could quote file contents.
    return notACertificate(
      source,
      'has the shape of a PKCS#12 file but its contents cannot be read',
    );
  }
  if (error.reason === 'password' && password === undefined) {
    return new CertificateFileError(
      'PASSWORD_REQUIRED',
      `${source} is protected by a password, which is needed to read its certificate and thumbprint; pass the password`,
    );
  }
  if (error.reason === 'password') {
    return new CertificateFileError(
      'WRONG_PASSWORD',
      `the password given for ${source} is wrong (the PKCS#12 integrity check or decryption failed)`,
    );
  }
  if (error.reason === 'unsupported') {
    return new CertificateFileError(
      'UNSUPPORTED_ALGORITHM',
      `${source} uses a PKCS#12 algorithm this helper cannot read (${error.detail}); export it again with AES-256 (the OpenSSL 3 default) or 3DES`,
    );
  }
  return notACertificate(source, 'has the shape of a PKCS#12 file but its contents cannot be read');
}

/**
 * Reads certificate bytes: detects DER or PEM X.509 (`cer`) versus PKCS#12 (`pfx`), applies the
 * size and password rules, opens a PFX and picks the certificate that belongs to its key.
 * Throws {@link CertificateFileError}.
 */
export function readCertificate(input: ReadCertificateInput): CertificateContent {
  const { bytes, source, password } = input;
  if (bytes.length === 0) throw notACertificate(source, 'is empty');
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(source, bytes.length);
  const found = detect(input);
  if (input.format !== undefined && input.format !== found.format) {
    throw new CertificateFileError(
      'FORMAT_MISMATCH',
      `${source} is a '${found.format}' certificate, but format '${input.format}' was asked for`,
    );
  }
  if (found.der !== undefined) {
    if (found.der.length > MAX_CERTIFICATE_BYTES) throw tooLarge(source, found.der.length);
    if (password !== undefined) {
      throw new CertificateFileError(
        'PASSWORD_NOT_ALLOWED',
        `${source} is a 'cer' certificate, which carries no password; omit the password`,
      );
    }
    return { format: 'cer', data: found.der, certificateDer: found.der };
  }
  if (bytes.length > MAX_CERTIFICATE_BYTES) throw tooLarge(source, bytes.length);
  try {
    const certificate = selectCertificate(source, readPkcs12(bytes, password));
    return { format: 'pfx', data: bytes, certificateDer: certificate.der };
  } catch (error) {
    throw pfxError(source, error, password);
  }
}
