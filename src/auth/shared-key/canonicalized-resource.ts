import { asciiLowerCase, compareCodeUnits } from './ascii-lower-case.js';

/**
 * Builds the CanonicalizedResource part of the Batch Shared Key string-to-sign:
 * `/<account><path>` and then, for each query parameter sorted by lower-cased name,
 * `\n<name>:<value>`.
 *
 * - The path is the percent-encoded path exactly as fetch sends it (WHATWG URL serialization,
 *   e.g. `/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)`, `/a%20b`).
 * - Names and values are URL-decoded (`application/x-www-form-urlencoded` rules, so `+` is a
 *   space, like every official Batch SDK); names are then ASCII-lower-cased.
 * - Several values of one name (after lower-casing) are sorted by code units and joined with `,`,
 *   as the documentation prescribes.
 *
 * @param url - The parsed request URL.
 * @param accountName - The Batch account name.
 * @returns The canonicalized resource string (no trailing newline).
 */
export function canonicalizedResource(url: URL, accountName: string): string {
  const values = new Map<string, string[]>();
  for (const [rawName, value] of url.searchParams) {
    const name = asciiLowerCase(rawName);
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  let result = `/${accountName}${url.pathname || '/'}`;
  for (const name of [...values.keys()].sort(compareCodeUnits)) {
    result += `\n${name}:${values.get(name)!.sort(compareCodeUnits).join(',')}`;
  }
  return result;
}
