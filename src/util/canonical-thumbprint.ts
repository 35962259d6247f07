/**
 * The one form thumbprints are compared and stored in across the package: separators removed
 * ({@link removeSeparators}: white space, colons, invisible direction marks) and lower case (hex
 * digits mean the same in either case; the Batch service answers in lower case). Pure.
 *
 * @module
 */
import { removeSeparators } from './remove-separators.js';

/** `'‎AB CD:EF'` → `'abcdef'`. Does not check that what remains is hex: callers state their rule. */
export function canonicalThumbprint(value: string): string {
  return removeSeparators(value).toLowerCase();
}
