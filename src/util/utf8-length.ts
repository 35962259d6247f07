/**
 * The number of bytes `text` takes in UTF-8 (what `fetch` sends, and so the Content-Length that
 * Shared Key signs), counted without encoding. A lone surrogate counts as U+FFFD (3 bytes), as
 * `TextEncoder` and `fetch` encode it.
 */
export function utf8Length(text: string): number {
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
