/**
 * The tests' one independent Shared Key implementation, written from Microsoft's "Authenticate
 * requests to the Azure Batch service" with node:crypto only. It shares no code or parsing
 * technique with src/auth or src/emulator: the URL is split by hand (no WHATWG URL, no
 * URLSearchParams), names are lower-cased with an ASCII char-code rule (never locale-sensitive)
 * and lists are ordered by plain UTF-16 code units.
 *
 * The documented rule, as applied here:
 * - header names are compared lower-cased; values are signed with outer spaces and tabs trimmed
 *   (fetch trims them before sending);
 * - the eleven standard headers in their order, `Date` empty when `ocp-date` is present;
 * - every `ocp-*` header, sorted by name, as `name:value`;
 * - `/<account><path>` with the path as it is on the wire (still percent-encoded; empty → `/`);
 * - each query parameter, its name form-decoded and lower-cased, all of its values form-decoded,
 *   sorted and comma-joined, as `name:values`, sorted by name.
 *
 * The signature covers `Content-Length`, which `fetch` adds itself: the adapters
 * {@link referenceRequestFromFetch} and {@link referenceRequestFromArrived} add the value undici
 * sends (the body's byte length, `0` for a body-less POST, PUT or PATCH, absent otherwise).
 */
import { createHmac } from 'node:crypto';

/** Header pairs in any of the shapes tests hold them: a plain record, `Headers` or a `Map`. */
export type ReferenceHeaders =
  | Headers
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>;

/** A request to sign or check: method, absolute URL in wire form, and its headers. */
export interface ReferenceRequest {
  readonly method: string;
  /** The absolute URL as it is sent (serialized: percent-encoded, dot segments resolved). */
  readonly url: string;
  readonly headers: ReferenceHeaders;
}

/** A request exactly as it leaves the client (or arrives): headers normalised, body bytes. */
export interface WireRequestSnapshot extends ReferenceRequest {
  /** Names lower-cased, values trimmed, `content-length` as it is on the wire. */
  readonly headers: ReadonlyMap<string, string>;
  /** The body bytes; undefined when there is none (or it is empty, for an arrived request). */
  readonly body: Uint8Array | undefined;
}

const SIGNED_STANDARD_HEADERS = [
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
];

const PAYLOAD_METHODS = ['POST', 'PUT', 'PATCH'];

function lowerAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
  }
  return out;
}

function upperAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 97 && code <= 122 ? String.fromCharCode(code - 32) : text[i];
  }
  return out;
}

function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const trimSpaceTab = (text: string): string => text.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');

const formDecode = (text: string): string => decodeURIComponent(text.split('+').join('%20'));

function headerPairs(source: ReferenceHeaders): Iterable<readonly [string, string]> {
  const iterable = source as Partial<Iterable<readonly [string, string]>>;
  if (typeof iterable[Symbol.iterator] === 'function') {
    return iterable as Iterable<readonly [string, string]>;
  }
  return Object.entries(source as Readonly<Record<string, string>>);
}

/** Headers in one shape: names lower-cased (ASCII), values with outer spaces and tabs trimmed. */
export function normaliseHeaders(source: ReferenceHeaders): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [name, value] of headerPairs(source))
    headers.set(lowerAscii(name), trimSpaceTab(value));
  return headers;
}

/** The path (still encoded, empty → `/`) and raw query of an absolute URL, split by hand. */
function splitUrl(url: string): { path: string; query: string } {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd <= 0) throw new Error('reference Shared Key: not an absolute URL');
  const hashAt = url.indexOf('#', schemeEnd + 3);
  const noFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = noFragment.indexOf('?', schemeEnd + 3);
  const beforeQuery = queryAt === -1 ? noFragment : noFragment.slice(0, queryAt);
  const query = queryAt === -1 ? '' : noFragment.slice(queryAt + 1);
  const pathAt = beforeQuery.indexOf('/', schemeEnd + 3);
  const path = pathAt === -1 ? '' : beforeQuery.slice(pathAt);
  return { path: path === '' ? '/' : path, query };
}

function canonicalQuery(query: string): string {
  const params = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = lowerAscii(formDecode(eq === -1 ? pair : pair.slice(0, eq)));
    const value = eq === -1 ? '' : formDecode(pair.slice(eq + 1));
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  let out = '';
  for (const name of [...params.keys()].sort(byCodeUnits)) {
    out += `\n${name}:${params.get(name)!.sort(byCodeUnits).join(',')}`;
  }
  return out;
}

/** The string to sign of `request` for `account`, from the documented rules. */
export function referenceStringToSign(request: ReferenceRequest, account: string): string {
  const headers = normaliseHeaders(request.headers);
  let out = `${upperAscii(request.method)}\n`;
  for (const name of SIGNED_STANDARD_HEADERS) {
    const value = name === 'date' && headers.has('ocp-date') ? '' : (headers.get(name) ?? '');
    out += `${value}\n`;
  }
  const ocpNames = [...headers.keys()].filter((n) => n.startsWith('ocp-')).sort(byCodeUnits);
  for (const name of ocpNames) out += `${name}:${headers.get(name)}\n`;
  const { path, query } = splitUrl(request.url);
  return `${out}/${account}${path}${canonicalQuery(query)}`;
}

/** The `Authorization` value (`SharedKey <account>:<signature>`) the service computes. */
export function referenceAuthorization(
  request: ReferenceRequest,
  account: string,
  keyBase64: string,
): string {
  const signature = createHmac('sha256', Buffer.from(keyBase64, 'base64'))
    .update(referenceStringToSign(request, account), 'utf8')
    .digest('base64');
  return `SharedKey ${account}:${signature}`;
}

function bodyBytes(body: BodyInit | null | undefined): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]')
    return new Uint8Array(body as ArrayBuffer);
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('reference Shared Key: only string and byte bodies are supported');
}

/**
 * The request as `fetch(input, init)` puts it on the wire: the serialized URL, normalised
 * headers and the `content-length` undici adds (body byte length; `0` for a body-less POST, PUT
 * or PATCH; absent otherwise).
 */
export function referenceRequestFromFetch(
  input: RequestInfo | URL,
  init: RequestInit = {},
): WireRequestSnapshot {
  const method = upperAscii(init.method ?? 'GET');
  // The URL as fetch serializes it for the wire (percent-encoded, dot segments resolved).
  const url = new Request(input, { method }).url;
  const headers = normaliseHeaders(new Headers(init.headers));
  const body = bodyBytes(init.body);
  if (body !== undefined) headers.set('content-length', String(body.byteLength));
  else if (PAYLOAD_METHODS.includes(method)) headers.set('content-length', '0');
  return { method, url, headers, body };
}

/**
 * A `Request` as it arrived (at an msw handler): its URL, normalised headers and body bytes
 * (read from a clone), with the `content-length` fetch sent when the header is not there
 * (the body's byte length; `0` for an empty POST, PUT or PATCH; absent otherwise).
 */
export async function referenceRequestFromArrived(request: Request): Promise<WireRequestSnapshot> {
  const method = upperAscii(request.method);
  const bytes = new Uint8Array(await request.clone().arrayBuffer());
  const body = bytes.byteLength === 0 ? undefined : bytes;
  const headers = normaliseHeaders(request.headers);
  if (!headers.has('content-length')) {
    if (body !== undefined) headers.set('content-length', String(body.byteLength));
    else if (PAYLOAD_METHODS.includes(method)) headers.set('content-length', '0');
  }
  return { method, url: request.url, headers, body };
}
