/**
 * The Azure Batch Shared Key string-to-sign ("Authenticate requests to the Azure Batch service"):
 * `VERB\n`, the values of eleven standard headers each followed by `\n`, the CanonicalizedHeaders
 * (every `ocp-*` header) and the CanonicalizedResource (account, path, query). Pure; locale-free
 * (ASCII case mapping and code-unit order only, never `toLowerCase` or `localeCompare`).
 *
 * @module
 */

/** The standard headers whose values (never names) are signed, in this order. */
const STANDARD_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
] as const;

/**
 * Builds the string to sign for a request whose headers are already as they go on the wire: names
 * lower case, values trimmed and unfolded (what a `Headers` object holds), `Content-Length` and
 * `ocp-date` included. The client signs this way, once per attempt, from what it sends.
 *
 * - The verb is ASCII-upper-cased.
 * - A missing standard header signs as the empty string; `Date` signs as empty when `ocp-date` is
 *   present (the service then takes the time from `ocp-date`).
 * - `Content-Length` is signed verbatim: `"0"` stays `"0"`. The "empty when zero" rule belongs to
 *   Azure Storage (x-ms-version 2015-02-21+), not Batch; the official Batch SDKs sign `0`.
 *
 * @param method - The HTTP method.
 * @param url - The absolute URL as sent (WHATWG serialization, percent-encoded path), as text
 *   or already parsed.
 * @param headers - The wire headers by lower-case name.
 * @param accountName - The Batch account name.
 * @throws TypeError when `url` is not an absolute URL.
 */
export function wireStringToSign(
  method: string,
  url: string | URL,
  headers: Readonly<Record<string, string>>,
  accountName: string,
): string {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    throw new TypeError('request.url must be an absolute URL.');
  }
  const hasOcpDate = headers['ocp-date'] !== undefined;
  let result = `${asciiUpperCase(method)}\n`;
  for (const name of STANDARD_HEADERS) {
    const value = name === 'date' && hasOcpDate ? '' : (headers[name] ?? '');
    result += `${value}\n`;
  }
  return result + canonicalizedHeaders(headers) + canonicalizedResource(parsed, accountName);
}

/**
 * The string to sign for a request given as `{ method, url, headers }` with header names in any
 * case and values as written (see {@link wireStringToSign} for the rules): values are trimmed and
 * folded lines unfolded, as `fetch` does before sending.
 *
 * @throws TypeError when `request.url` is not an absolute URL or a header name is given twice
 *   (names that differ only in case); the message names the header, never a value.
 */
export function sharedKeyStringToSign(
  request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
  },
  accountName: string,
): string {
  return wireStringToSign(
    request.method,
    request.url,
    normalizeHeaders(request.headers),
    accountName,
  );
}

/**
 * CanonicalizedHeaders: every `ocp-*` header (`ocp-date` included), names lower case, sorted by
 * code units, each as `name:value\n`. A header with an empty value is still signed (`name:\n`).
 */
function canonicalizedHeaders(headers: Readonly<Record<string, string>>): string {
  const names = Object.keys(headers)
    .filter((name) => name.startsWith('ocp-'))
    .sort(compareCodeUnits);
  let result = '';
  for (const name of names) result += `${name}:${headers[name]}\n`;
  return result;
}

/**
 * CanonicalizedResource: `/<account><path>` and then, for each query parameter sorted by
 * lower-cased name, `\n<name>:<value>`. The path is the percent-encoded path as sent; names and
 * values are URL-decoded (`+` is a space, as every official Batch SDK reads it); several values of
 * one name are sorted by code units and joined with `,`, as the documentation prescribes.
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

/** Leading/trailing HTTP whitespace (tab, LF, CR, space), which fetch strips before sending. */
const OUTER_HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
/** A line break with the whitespace around it ("folding"), unfolded to one space. */
const LINE_FOLD = /[\t ]*(?:\r\n|\r|\n)[\t\n\r ]*/g;
/** Outer whitespace or a line break anywhere: what the two rules above would change. */
const NEEDS_NORMALIZING = /^[\t\n\r ]|[\t\n\r ]$|[\r\n]/;

/** One header value as the service receives it: unfolded, outer whitespace removed. */
export function normalizeHeaderValue(value: string): string {
  if (!NEEDS_NORMALIZING.test(value)) return value;
  return value.replace(OUTER_HTTP_WHITESPACE, '').replace(LINE_FOLD, ' ');
}

function normalizeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  // No prototype: a header named `__proto__` is a header like any other.
  const normalized: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    const key = asciiLowerCase(name);
    if (Object.hasOwn(normalized, key)) {
      throw new TypeError(`Header "${key}" is given more than once (names differ only in case).`);
    }
    normalized[key] = normalizeHeaderValue(String(value));
  }
  return normalized;
}

const ASCII_UPPER = /[A-Z]/g;
const HAS_ASCII_UPPER = /[A-Z]/;
const HAS_ASCII_LOWER = /[a-z]/;

/** Lower-cases ASCII `A`–`Z` only: canonical strings must not depend on the locale. */
export function asciiLowerCase(text: string): string {
  if (!HAS_ASCII_UPPER.test(text)) return text;
  return text.replace(ASCII_UPPER, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Upper-cases ASCII `a`–`z` only (see {@link asciiLowerCase}). */
export function asciiUpperCase(text: string): string {
  if (!HAS_ASCII_LOWER.test(text)) return text;
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

/** Orders strings by UTF-16 code units (ordinal order), independent of locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
