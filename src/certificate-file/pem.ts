import { base64ToBytes } from './base64.js';

/** One `-----BEGIN label-----` … `-----END label-----` block (RFC 7468). */
export interface PemBlock {
  readonly label: string;
  /** The decoded body, or `undefined` when it is not valid base64 (or has headers). */
  readonly body: Uint8Array | undefined;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Decodes `bytes` as text and returns its PEM blocks, or `undefined` when it has none. Text
 * outside blocks (OpenSSL's "Bag Attributes", comments) is ignored, as OpenSSL does.
 */
export function readPemBlocks(bytes: Uint8Array): PemBlock[] | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.includes('-----BEGIN ')) return undefined;
  const blocks = Array.from(text.matchAll(BLOCK), (match) => ({
    label: match[1] as string,
    body: base64ToBytes(match[2] as string),
  }));
  return blocks.length === 0 ? undefined : blocks;
}

/** Labels under which a PEM block holds one X.509 certificate. */
export const CERTIFICATE_LABELS: readonly string[] = ['CERTIFICATE', 'X509 CERTIFICATE'];
