import { maxBytes } from '../../generated/limits.js';
import { maxBytesWords } from '../validation/rule-words.js';

/**
 * The service limit on certificate data, in decoded bytes. Certificate - Add says "The maximum
 * size is 10KB", read as 10 KiB = 10240 bytes. The number is stated once, in the overlay
 * (`x-batch-max-bytes` on `CertificateAddParameter.data`), and read here from the generated
 * `limits.ts`, so these helpers, the client's validation, the CLI and the emulator enforce the
 * same value.
 */
export const MAX_CERTIFICATE_BYTES: number = maxBytes['CertificateAddParameter.data'];

/**
 * The base64 length of {@link MAX_CERTIFICATE_BYTES} bytes (13656). Not a limit on its own: 13656
 * characters also hold 10241 or 10242 bytes, which are over the limit.
 */
export const MAX_CERTIFICATE_BASE64_LENGTH = 4 * Math.ceil(MAX_CERTIFICATE_BYTES / 3);

/** The `TOO_LARGE` message, in the words the client's validation uses for the same rule. */
export function tooLargeMessage(source: string, bytes: number): string {
  return `${source} is too large: the certificate's data ${maxBytesWords(MAX_CERTIFICATE_BYTES)}, and it is ${bytes} bytes`;
}

/**
 * Inputs larger than this are refused before any parsing: no PEM text holding a certificate
 * within the service limit comes near it, and it keeps huge files out of memory.
 */
export const MAX_INPUT_BYTES = 1024 * 1024;
