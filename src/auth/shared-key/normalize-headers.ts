import { asciiLowerCase } from './ascii-lower-case.js';

/** Leading/trailing HTTP whitespace (tab, LF, CR, space), which fetch strips before sending. */
const OUTER_HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** A line break with the whitespace around it ("folding"), unfolded to one space. */
const LINE_FOLD = /[\t ]*(?:\r\n|\r|\n)[\t\n\r ]*/g;
/** Outer whitespace or a line break anywhere: what the two rules above would change. */
const NEEDS_NORMALIZING = /^[\t\n\r ]|[\t\n\r ]$|[\r\n]/;

/**
 * Normalizes one header value the way it is seen on the wire: folded lines are unfolded to a single
 * space and leading/trailing whitespace is removed (fetch strips it before sending).
 *
 * @param value - The raw header value.
 * @returns The value as the service receives it.
 */
export function normalizeHeaderValue(value: string): string {
  if (!NEEDS_NORMALIZING.test(value)) return value; // the usual case: nothing to unfold or trim
  return value.replace(OUTER_HTTP_WHITESPACE, '').replace(LINE_FOLD, ' ');
}

/**
 * Builds a map from ASCII-lower-cased header name to normalized value.
 *
 * @param headers - Request headers with names in any case.
 * @returns The headers keyed by lower-cased name.
 * @throws TypeError when two names differ only in case (which value is sent would be a guess);
 *   the message names the header but never shows a value.
 */
export function normalizeHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const normalized = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const key = asciiLowerCase(name);
    if (normalized.has(key)) {
      throw new TypeError(`Header "${key}" is given more than once (names differ only in case).`);
    }
    normalized.set(key, normalizeHeaderValue(String(value)));
  }
  return normalized;
}
