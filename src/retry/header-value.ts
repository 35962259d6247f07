/**
 * Reads one header from a `Headers` object or a plain record, matching the name case-insensitively
 * (ASCII only, as HTTP field names are ASCII).
 *
 * @param headers - the response headers
 * @param name - the header name, lower-case
 * @returns the value, or `undefined` when the header is absent
 */
export function getHeaderValue(
  headers: Headers | Readonly<Record<string, string>>,
  name: string,
): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string>>;
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return record[key];
  }
  return undefined;
}
