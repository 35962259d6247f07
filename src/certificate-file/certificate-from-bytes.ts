import { bytesToBase64 } from './base64.js';
import { CertificateFileError } from './certificate-file-error.js';
import { readCertificate } from './read-certificate.js';
import { assertThumbprint, sha1Thumbprint } from './thumbprint.js';
import type { CertificateAddParameter, CertificateFromBytesOptions } from './types.js';

/**
 * The bytes of a Uint8Array (including a Node Buffer), another typed-array view or an ArrayBuffer,
 * without copying. Tag checks instead of `instanceof`, so buffers from other realms pass.
 */
export function asBytes(input: unknown, source: string): Uint8Array {
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (Object.prototype.toString.call(input) === '[object ArrayBuffer]') {
    return new Uint8Array(input as ArrayBuffer);
  }
  throw new CertificateFileError(
    'UNREADABLE',
    `${source} must be a Uint8Array or an ArrayBuffer, not ${input === null ? 'null' : typeof input}`,
  );
}

/**
 * Builds the body of Certificate - Add from the bytes of a certificate file. Runs in Node and in
 * browsers (WebCrypto for SHA-1, node-forge for PKCS#12 decryption).
 *
 * - DER or PEM X.509 becomes `certificateFormat: 'cer'` with `data` the base64 of the DER; a
 *   password is refused (`PASSWORD_NOT_ALLOWED`); a PEM text with several certificates is refused
 *   (`MULTIPLE_CERTIFICATES`), since taking one silently could upload a CA instead of the leaf.
 * - PKCS#12 becomes `certificateFormat: 'pfx'` with `data` the base64 of the file unchanged; the
 *   thumbprint is that of the certificate belonging to the private key. Legacy (3DES/RC2-40) and
 *   modern (PBES2 AES) files are read. Without `password`, a file with an empty password opens.
 * - `thumbprint` is 40 lowercase hex digits, `thumbprintAlgorithm` is `'sha1'`; the data must be at
 *   most 10240 bytes (`TOO_LARGE`).
 *
 * @param bytes - the file's contents
 * @param options - password, expected format, expected thumbprint
 * @returns a parameter ready for `client.certificate.add`; `password` is set only when given
 * @throws {@link CertificateFileError} with the codes listed on {@link CertificateFileErrorCode}
 *
 * @example
 * ```ts
 * const parameter = await certificateFromBytes(new Uint8Array(await file.arrayBuffer()), {
 *   password,
 * });
 * await client.certificate.add(parameter);
 * ```
 */
export async function certificateFromBytes(
  bytes: Uint8Array | ArrayBuffer,
  options: CertificateFromBytesOptions = {},
): Promise<CertificateAddParameter> {
  const source = options.sourceName ?? 'certificate data';
  const content = readCertificate({
    bytes: asBytes(bytes, source),
    password: options.password,
    format: options.format,
    source,
    allowPem: true,
  });
  const thumbprint = await sha1Thumbprint(content.certificateDer);
  if (options.expectedThumbprint !== undefined) {
    assertThumbprint(source, thumbprint, options.expectedThumbprint);
  }
  const parameter: CertificateAddParameter = {
    thumbprint,
    thumbprintAlgorithm: 'sha1',
    data: bytesToBase64(content.data),
    certificateFormat: content.format,
  };
  if (content.format === 'pfx' && options.password !== undefined) {
    parameter.password = options.password;
  }
  return parameter;
}
