/**
 * The separators people write hex identifiers (certificate thumbprints) with, removed in one
 * place so every entry point normalises the same way:
 * - white space (the Batch service: "it may include spaces but these are removed"; Windows shows
 *   thumbprints in groups of two separated by spaces);
 * - colons (`openssl x509 -fingerprint` prints `AB:CD:…`);
 * - invisible direction and byte-order marks (U+200E, U+200F, U+202A–U+202E, U+FEFF), which the
 *   Windows certificate dialog copies along with the thumbprint.
 */
const SEPARATORS = /[\s:\u200e\u200f\u202a-\u202e\ufeff]/g;

/** `'‎AB CD:ef'` → `'ABCDef'`. Case is kept; non-string input is returned unchanged. */
export function removeSeparators<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(SEPARATORS, '') : value) as T;
}
