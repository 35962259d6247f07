/** `Buffer.byteLength` in Node (a global there); `undefined` in browsers. */
const nodeByteLength = (
  globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }
).Buffer?.byteLength;

/** Any UTF-16 code unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The number of bytes `text` takes in UTF-8, counted in JavaScript (the browser path of
 * {@link utf8Length}). A lone surrogate counts as U+FFFD (3 bytes), as `TextEncoder` and `fetch`
 * encode it.
 */
export function countUtf8Bytes(text: string): number {
  // JSON of base64 data and hex ids is ASCII: one native scan, then the length is the count.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The number of bytes `text` takes in UTF-8 (what `fetch` sends, and so the Content-Length that
 * Shared Key signs), counted without encoding: Node's native `Buffer.byteLength` where it exists,
 * {@link countUtf8Bytes} elsewhere. Both count a lone surrogate as U+FFFD (3 bytes).
 */
export const utf8Length: (text: string) => number = nodeByteLength
  ? (text) => nodeByteLength(text, 'utf8')
  : countUtf8Bytes;
