import { readFile, stat } from 'node:fs/promises';
import { CertificateFileError } from './certificate-file-error.js';
import { certificateFromBytes } from './certificate-from-bytes.js';
import { MAX_INPUT_BYTES, tooLargeMessage } from './limits.js';
import type { CertificateAddParameter, CertificateFromFileOptions } from './types.js';

/**
 * Node only: reads a `.cer`, `.crt`, `.pem`, `.pfx` or `.p12` file and builds the body of
 * Certificate - Add, exactly as {@link certificateFromBytes} does; messages name the file.
 * Kept in its own module (entry `certificate-file/node.ts`) so browser bundles never see `node:fs`.
 *
 * @param path - the file to read
 * @param options - password, expected format, expected thumbprint
 * @throws {@link CertificateFileError}: `UNREADABLE` when the file cannot be read (missing, a
 *   directory, no permission), `TOO_LARGE` before reading a file over 1 MiB, and every code of
 *   {@link certificateFromBytes}
 *
 * @example
 * ```ts
 * import { certificateFromFile } from 'batch-rest-client/certificates';
 * const parameter = await certificateFromFile('./app.pfx', { password: process.env.PFX_PASSWORD });
 * await client.certificate.add(parameter);
 * ```
 */
export async function certificateFromFile(
  path: string | URL,
  options: CertificateFromFileOptions = {},
): Promise<CertificateAddParameter> {
  const source = `certificate file '${String(path)}'`;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      throw new CertificateFileError('UNREADABLE', `${source} cannot be read: it is not a file`);
    }
    if (info.size > MAX_INPUT_BYTES) {
      throw new CertificateFileError('TOO_LARGE', tooLargeMessage(source, info.size));
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CertificateFileError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : 'unknown error';
    throw new CertificateFileError('UNREADABLE', `${source} cannot be read (${reason})`, {
      cause: error,
    });
  }
  return certificateFromBytes(bytes, { ...options, sourceName: source });
}
