const ASCII_UPPER = /[A-Z]/g;
const HAS_ASCII_UPPER = /[A-Z]/;
const HAS_ASCII_LOWER = /[a-z]/;

/**
 * Lower-cases ASCII `A`–`Z` only. Canonical strings for signatures must not depend on the locale
 * or on Unicode case mapping, so `toLowerCase`/`toLocaleLowerCase` are not used.
 *
 * @param text - Any string.
 * @returns `text` with `A`–`Z` replaced by `a`–`z`; every other code unit unchanged.
 */
export function asciiLowerCase(text: string): string {
  if (!HAS_ASCII_UPPER.test(text)) return text; // most header names are lower case already
  return text.replace(ASCII_UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/**
 * Upper-cases ASCII `a`–`z` only (see {@link asciiLowerCase}).
 *
 * @param text - Any string.
 * @returns `text` with `a`–`z` replaced by `A`–`Z`.
 */
export function asciiUpperCase(text: string): string {
  if (!HAS_ASCII_LOWER.test(text)) return text; // methods come upper case
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

/**
 * Orders strings by UTF-16 code units (ordinal order), independent of locale.
 *
 * @returns A negative number, zero or a positive number, for `Array.prototype.sort`.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
