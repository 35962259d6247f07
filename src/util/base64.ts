/**
 * Base64 (RFC 4648 §4, standard alphabet, padded) without `atob`/`btoa` or `Buffer`, so it runs the
 * same on Node >= 20 and in browsers. Errors never echo the input: it is usually a secret.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Lookup from char code to 6-bit value; -1 for characters outside the alphabet. */
const DECODE_TABLE: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Whether `text` is non-empty, padded, standard-alphabet base64 with no whitespace.
 *
 * @param text - The string to check.
 * @returns `true` when {@link decodeBase64} accepts `text`.
 */
export function isBase64(text: string): boolean {
  return typeof text === 'string' && text.length > 0 && CANONICAL_BASE64.test(text);
}

/**
 * Decodes padded, standard-alphabet base64.
 *
 * @param text - The base64 text (no whitespace, `=` padding required).
 * @returns The decoded bytes.
 * @throws TypeError when `text` is not valid base64; the message does not include `text`.
 */
export function decodeBase64(text: string): Uint8Array {
  if (!isBase64(text)) throw new TypeError('Expected a non-empty, padded base64 string.');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = DECODE_TABLE[text.charCodeAt(i)]!;
    const b = DECODE_TABLE[text.charCodeAt(i + 1)]!;
    const c = DECODE_TABLE[text.charCodeAt(i + 2)] ?? -1;
    const d = DECODE_TABLE[text.charCodeAt(i + 3)] ?? -1;
    const chunk = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    bytes[out++] = chunk >> 16;
    if (c >= 0) bytes[out++] = (chunk >> 8) & 0xff;
    if (d >= 0) bytes[out++] = chunk & 0xff;
  }
  return bytes;
}

/**
 * Encodes bytes as padded, standard-alphabet base64.
 *
 * @param bytes - The bytes to encode.
 * @returns The base64 text.
 */
export function encodeBase64(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text +=
      ALPHABET[chunk >> 18]! +
      ALPHABET[(chunk >> 12) & 63]! +
      ALPHABET[(chunk >> 6) & 63]! +
      ALPHABET[chunk & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const chunk = bytes[i]! << 16;
    text += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const chunk = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    text += `${ALPHABET[chunk >> 18]!}${ALPHABET[(chunk >> 12) & 63]!}${ALPHABET[(chunk >> 6) & 63]!}=`;
  }
  return text;
}

/**
 * The number of bytes padded base64 `text` decodes to, without decoding it: 3 per 4 characters,
 * less the `=` padding. The compiled `maxBytes` validator keyword computes the same.
 */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((text.length * 3) / 4) - padding;
}
