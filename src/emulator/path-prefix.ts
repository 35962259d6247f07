/**
 * The emulator's path prefix: the path its operations are served under, like a gateway's
 * (`/batch/acct1` serves `/batch/acct1/certificates`); `''` serves them at the root. A prefix is
 * checked like the client's account URL path: no query, no empty or dot segments, and no
 * collection of the API (`/certificates` would make `…/certificates/certificates` a path).
 *
 * @module
 */

import { isCollectionSegment } from '../table/collection-segments.js';

/** Characters a path segment may hold (RFC 3986 `pchar`, percent-escapes included). */
const SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/;

/** A checked prefix (`''` or `/a/b`, no trailing `/`), or why it was refused (a rule in words). */
export type PathPrefixCheck =
  | { readonly ok: true; readonly prefix: string }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks and normalises a path prefix: `''` and `'/'` mean the root; trailing `/` are dropped.
 *
 * @param collections - the served API's collection names (`collectionSegments`)
 */
export function checkPathPrefix(value: unknown, collections: readonly string[]): PathPrefixCheck {
  if (typeof value !== 'string') return { ok: false, problem: "must be a string such as '/batch'" };
  const prefix = value.replace(/\/+$/, '');
  if (prefix === '') return { ok: true, prefix };
  if (!prefix.startsWith('/')) return { ok: false, problem: "must start with '/'" };
  const segments = prefix.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || !SEGMENT.test(segment)) {
      return {
        ok: false,
        problem:
          'must be a URL path: segments of letters, digits and -._~!$&\'()*+,;=:@%, none empty, "." or ".."',
      };
    }
    if (isCollectionSegment(segment, collections)) {
      return {
        ok: false,
        problem: `must not include an operation path: '/${segment}' is where the Batch API's own paths begin`,
      };
    }
  }
  return { ok: true, prefix };
}

/** The rest of `pathname` after `prefix` (`'/certificates'`), or `undefined` when outside it. */
export function pathUnderPrefix(pathname: string, prefix: string): string | undefined {
  if (prefix === '') return pathname;
  if (pathname === prefix) return '';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : undefined;
}
