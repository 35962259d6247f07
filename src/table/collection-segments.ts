/**
 * The API's collections, read from the operation table: the first segment of every operation's
 * path (`certificates` for `/certificates(thumbprintAlgorithm={…},thumbprint={…})`; `pools`,
 * `jobs`, … for the whole Batch API). Every request path starts with one, right after the
 * account URL; so an account URL whose path holds one already names an operation path (the
 * client would send `…/certificates/certificates`), and a server knows its own paths.
 */
import type { OperationTable } from './operation-table.js';

/** The collection names of `table`: lower case, unique, sorted. */
export function collectionSegments(table: OperationTable): string[] {
  const names = new Set<string>();
  for (const operation of Object.values(table)) {
    const first = operation.path.split('/')[1] ?? '';
    const name = first.split(/[({]/)[0]!.toLowerCase();
    if (name !== '') names.add(name);
  }
  return [...names].sort();
}

/**
 * `true` when one segment of a URL path is a collection, however written: `certificates`,
 * `Certificates`, `%63ertificates`, `certificates(thumbprintAlgorithm=sha1,thumbprint=…)`.
 *
 * @param segment - one segment of `URL.pathname`, between two `/`
 * @param collections - from {@link collectionSegments}
 */
export function isCollectionSegment(segment: string, collections: readonly string[]): boolean {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // A malformed escape is compared as written.
  }
  const name = text.split('(')[0]!.toLowerCase();
  return collections.includes(name);
}
