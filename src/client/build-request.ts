/**
 * Builds the wire request of one call from the operation table entry. Pure: no clock, no
 * randomness, no I/O (the `client-request-id` is chosen by the caller, once per call).
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import type { OperationSpec, ParameterSpec } from '../table/operation-table.js';
import { utf8Length } from '../util/utf8-length.js';
import type { CallArguments } from './call-arguments.js';
import type { WireRequest } from './wire-request.js';

export interface BuildContext {
  /** Account URL without a trailing slash. */
  readonly baseUrl: string;
  /** The call's `client-request-id` (used when the caller did not give one). */
  readonly clientRequestId: string;
  readonly userAgent: string;
}

/**
 * CR, LF and NUL would let a value split or truncate headers; other control characters and
 * characters above U+00FF make `fetch` itself throw, which would look like a network error and
 * be retried. Allowed: tab, printable ASCII and Latin-1 (RFC 9110 field-value characters).
 */
export const UNSAFE_HEADER_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** The issue for a header value that {@link UNSAFE_HEADER_VALUE} refuses. */
export function headerValueIssue(path: string): BatchValidationIssue {
  return {
    path,
    rule: 'headerValue',
    message: 'must not contain CR, LF, NUL, other control characters or characters above U+00FF',
  };
}

export function buildRequest(
  operation: OperationSpec,
  args: CallArguments,
  context: BuildContext,
): WireRequest {
  let path = operation.path;
  const query: [string, string][] = [['api-version', operation.apiVersion]];
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': context.userAgent,
  };
  for (const p of operation.parameters) {
    if (p.location === 'path') {
      path = path.replace(`{${p.wireName}}`, encodePathValue(p, args.path[p.clientName]));
      continue;
    }
    let value = args.options[p.clientName];
    if (value === undefined && p.isClientRequestId) value = context.clientRequestId;
    if (value === undefined || value === null) continue;
    const text = serialize(p, value);
    if (p.location === 'query') query.push([p.wireName, text]);
    else if (p.location === 'header') {
      if (UNSAFE_HEADER_VALUE.test(text)) {
        throw new BatchValidationError([headerValueIssue(`options.${p.clientName}`)]);
      }
      headers[p.wireName.toLowerCase()] = text;
    }
  }
  let body: string | undefined;
  if (operation.body && args.body !== undefined) {
    headers['content-type'] = operation.body.contentType;
    body = JSON.stringify(args.body);
  }
  const search = query.map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`).join('&');
  return {
    method: operation.httpMethod,
    url: `${context.baseUrl}${path}?${search}`,
    headers,
    body,
    bodyByteLength: body === undefined ? undefined : utf8Length(body),
  };
}

function serialize(p: ParameterSpec, value: unknown): string {
  if (value instanceof Date) {
    return p.format === 'date-time-rfc1123' ? value.toUTCString() : value.toISOString();
  }
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/**
 * Path values are percent-encoded; with `x-ms-skip-url-encoding` (file paths) each `/`-separated
 * segment is encoded and the slashes are kept, so `dir/a b.txt` becomes `dir/a%20b.txt`.
 */
function encodePathValue(p: ParameterSpec, value: unknown): string {
  const text = serialize(p, value ?? '');
  const segments = p.skipUrlEncoding ? text.split('/') : [text];
  // `.` and `..` (encoded or not) are dot segments: URL parsing and fetch remove them, so the
  // request would silently go to another resource (`/jobs/..` is `/`).
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new BatchValidationError([
      {
        path: p.clientName,
        rule: 'pathSegment',
        message: 'must not be "." or ".." (it would change which resource the URL names)',
      },
    ]);
  }
  return segments.map(encodeURIComponent).join('/');
}

/** Like `encodeURIComponent`, but keeps `$` (OData names such as `$filter` read better). */
function encodeQuery(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$');
}
