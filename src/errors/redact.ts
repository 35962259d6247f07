/**
 * Redaction by allow-list, in the style of Azure core's sanitizer: only header names and query
 * parameters known to be safe are ever printed with their values; everything else becomes
 * {@link REDACTED}. Request and response bodies are never printed at all.
 *
 * @module
 */

/** The placeholder printed instead of a value that is not on an allow-list. */
export const REDACTED = 'REDACTED';

/**
 * Header names (lower case) whose values may be printed. Deliberately no `x-ms-*` wildcard:
 * some `x-ms-` headers carry keys (for example encryption keys in other Azure services).
 */
export const SAFE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'accept',
  'client-request-id',
  'content-length',
  'content-type',
  'dataserviceid',
  'dataserviceversion',
  'date',
  'etag',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-unmodified-since',
  'last-modified',
  'location',
  'ocp-date',
  'request-id',
  'retry-after',
  'return-client-request-id',
  'server',
  'user-agent',
  'x-ms-client-request-id',
  'x-ms-request-id',
]);

/**
 * Query parameter names whose values may be printed. `$filter` is not on the list: a filter
 * expression may carry user data.
 */
export const SAFE_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  '$expand',
  '$select',
  'api-version',
  'maxresults',
  'timeout',
]);

/** Headers in any of the shapes callers hand us. */
export type HeadersLike =
  | Headers
  | Iterable<readonly [string, string]>
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** A request described without its body or headers: safe to attach to an error. */
export interface SafeRequestSummary {
  /** The HTTP method in upper case, e.g. `POST`. */
  readonly method: string;
  /** The URL after {@link sanitizeUrl}. */
  readonly url: string;
}

function headerEntries(headers: HeadersLike): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (isIterable(headers)) {
    for (const [name, value] of headers) out.push([name, String(value)]);
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  return out;
}

function isIterable(value: unknown): value is Iterable<readonly [string, string]> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

/**
 * Returns a printable copy of `headers` with lower-case names: values of allow-listed names are
 * kept, all other values are replaced by {@link REDACTED}. The input is not modified.
 *
 * @param headers - a `Headers` object, an iterable of pairs, or a plain record.
 * @param extraSafeNames - further header names the caller knows to be safe.
 */
export function sanitizeHeaders(
  headers: HeadersLike,
  extraSafeNames: Iterable<string> = [],
): Record<string, string> {
  const extra = new Set([...extraSafeNames].map((name) => name.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [rawName, value] of headerEntries(headers)) {
    const name = rawName.toLowerCase();
    out[name] = SAFE_HEADER_NAMES.has(name) || extra.has(name) ? value : REDACTED;
  }
  return out;
}

function decodeQueryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Returns `url` with every query parameter value not on {@link SAFE_QUERY_PARAMETERS} replaced by
 * {@link REDACTED}, user name and password removed, and the fragment dropped. Parameter names and
 * the encoding of kept values are preserved. A URL that cannot be parsed becomes
 * {@link REDACTED}; a relative URL stays relative.
 */
export function sanitizeUrl(url: string | URL): string {
  const text = String(url);
  const base = 'http://relative.invalid';
  let parsed: URL;
  try {
    parsed = new URL(text, base);
  } catch {
    return REDACTED;
  }
  const query = parsed.search.slice(1);
  const kept = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq === -1 ? part : part.slice(0, eq);
      const safe = SAFE_QUERY_PARAMETERS.has(decodeQueryName(rawName).toLowerCase());
      return safe ? part : `${rawName}=${REDACTED}`;
    });
  const search = kept.length > 0 ? `?${kept.join('&')}` : '';
  const isRelative = parsed.origin === base && !text.startsWith(base);
  const origin = isRelative ? '' : `${parsed.protocol}//${parsed.host}`;
  return `${origin}${parsed.pathname}${search}`;
}

/** Builds a {@link SafeRequestSummary}: the method in upper case and the sanitized URL. */
export function sanitizeRequest(request: {
  readonly method: string;
  readonly url: string | URL;
}): SafeRequestSummary {
  const method = String(request.method).toUpperCase();
  return Object.freeze({
    method: /^[A-Z]{1,20}$/.test(method) ? method : REDACTED,
    url: sanitizeUrl(request.url),
  });
}
