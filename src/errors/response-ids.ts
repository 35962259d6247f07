/**
 * The ids a Batch response carries (`request-id`, `client-request-id`, or their `x-ms-` forms),
 * read safely: request ids are GUIDs (hex digits and dashes, braces allowed), and anything else in
 * an id header is dropped — a header that does not hold an id may hold anything.
 *
 * @module
 */

const ID_PATTERN = /^\{?[0-9A-Fa-f][0-9A-Fa-f-]{0,63}\}?$/;

/** Response headers as a `Headers` object or a plain record (names matched case-insensitively). */
export type ResponseHeadersLike = Headers | Readonly<Record<string, string | undefined>>;

/** The value of header `name` (lower case), or `undefined`. */
export function headerValue(headers: ResponseHeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

/** `value` trimmed when it looks like a request id, else `undefined`. */
export function safeId(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed !== undefined && ID_PATTERN.test(trimmed) ? trimmed : undefined;
}

/** The service's request id and the echoed client request id, when present and id-shaped. */
export function responseIds(headers: ResponseHeadersLike): {
  requestId?: string;
  clientRequestId?: string;
} {
  return {
    requestId:
      safeId(headerValue(headers, 'request-id')) ?? safeId(headerValue(headers, 'x-ms-request-id')),
    clientRequestId:
      safeId(headerValue(headers, 'client-request-id')) ??
      safeId(headerValue(headers, 'x-ms-client-request-id')),
  };
}
