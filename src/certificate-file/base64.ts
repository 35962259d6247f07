const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map<string, number>([...ALPHABET].map((char, index) => [char, index]));

/** Standard base64 (with padding) of `bytes` — the shared encoder of src/util. */
export { encodeBase64 as bytesToBase64 } from '../util/base64.js';

/**
 * Decodes standard base64; ASCII whitespace is ignored (PEM bodies are wrapped), padding is
 * optional. Returns `undefined` for any other character or an impossible length.
 */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\t\n\f\r ]/g, '').replace(/={1,2}$/, '');
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of clean) {
    const value = VALUES.get(char);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
