/**
 * Places a call's arguments where the generated hey-api SDK function takes them: `path`, `query`
 * and `headers` keyed by wire name, and the body. hey-api serializes them (percent-encoding, query
 * strings, csv arrays, JSON); this step only puts each value in its place, by the table. Pure.
 *
 * Two things hey-api cannot know, done here (src/client/README.md, "What goes through hey-api"):
 * - a `Date` for a header with a date format becomes its wire text (RFC 1123 for
 *   `date-time-rfc1123`/`-rfc7231`, ISO 8601 otherwise): hey-api would send a header object as JSON;
 * - a path parameter marked `x-ms-skip-url-encoding` keeps its `/`s (each segment is encoded): it
 *   is put into the URL template, since hey-api encodes every path value whole.
 *
 * Refused here whatever `validation` says, since they would change what the request means: header
 * values with CR, LF, NUL, other control characters or characters above U+00FF, and the path
 * values `.` and `..`.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { isHttpDateFormat } from '../table/formats.js';
import type { OperationSpec, ParameterSpec } from '../table/operation-table.js';
import type { CallArguments } from './call-arguments.js';

/** The options a generated SDK function takes (hey-api's `Options<Data>`), as this step fills them. */
export interface PlacedArguments {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string | number | boolean>;
  body?: unknown;
  /** The URL template, when a path value had to be put into it (`x-ms-skip-url-encoding`). */
  url?: string;
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

export function placeArguments(
  operation: OperationSpec,
  args: CallArguments,
  clientRequestId: string,
): PlacedArguments {
  const placed: PlacedArguments = {
    path: {},
    query: { 'api-version': operation.apiVersion },
    headers: {},
  };
  let url: string | undefined;
  for (const p of operation.parameters) {
    if (p.location === 'path') {
      const value = args.path[p.clientName];
      checkPathValue(p, value);
      if (p.skipUrlEncoding) {
        url = (url ?? operation.path).replace(`{${p.wireName}}`, encodeSegments(String(value)));
      } else placed.path[p.wireName] = value;
      continue;
    }
    let value = args.options[p.clientName];
    if (value === undefined && p.isClientRequestId) value = clientRequestId;
    if (value === undefined || value === null) continue;
    if (p.location === 'query') placed.query[p.wireName] = value;
    else if (p.location === 'header') placed.headers[p.wireName] = headerText(p, value);
  }
  if (operation.body && args.body !== undefined) placed.body = args.body;
  if (url !== undefined) placed.url = url;
  return placed;
}

function headerText(p: ParameterSpec, value: unknown): string | number | boolean {
  let text: string | number | boolean;
  if (value instanceof Date) {
    text = isHttpDateFormat(p.format) ? value.toUTCString() : value.toISOString();
  } else if (typeof value === 'number' || typeof value === 'boolean') return value;
  else text = String(value);
  if (UNSAFE_HEADER_VALUE.test(text)) {
    throw new BatchValidationError([headerValueIssue(`options.${p.clientName}`)]);
  }
  return text;
}

/**
 * `.` and `..` (encoded or not) are dot segments: URL parsing and fetch remove them, so the request
 * would silently go to another resource (`/jobs/..` is `/`).
 */
function checkPathValue(p: ParameterSpec, value: unknown): void {
  const text = String(value ?? '');
  const segments = p.skipUrlEncoding ? text.split('/') : [text];
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    throw new BatchValidationError([
      {
        path: p.clientName,
        rule: 'pathSegment',
        message: 'must not be "." or ".." (it would change which resource the URL names)',
      },
    ]);
  }
}

function encodeSegments(text: string): string {
  return text.split('/').map(encodeURIComponent).join('/');
}
