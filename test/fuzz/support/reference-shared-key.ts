/**
 * A second, independent Shared Key implementation for the reliability and fuzz suites, written
 * from Microsoft's "Authenticate requests to the Azure Batch service" with node:crypto only. It
 * works on the request as it was handed to `fetch` (see {@link wireRequestOf}) and shares no code
 * with src/auth: the URL is split by hand (no WHATWG URL), names are lower-cased with a char-code
 * table and lists are ordered with a plain code-unit comparison.
 */
import { createHmac } from 'node:crypto';

/** A request exactly as it leaves the client: method, URL, header pairs and body bytes. */
export interface WireRequestSnapshot {
  readonly method: string;
  readonly url: string;
  /** Names lower-cased, values as sent (trimmed by the Headers class, like the wire). */
  readonly headers: ReadonlyMap<string, string>;
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

function lower(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
  }
  return out;
}

function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, '%20'));
}

/**
 * Reads what `fetch` receives into a snapshot, adding the `content-length` undici puts on the
 * wire: the body's byte length, `0` for a body-less POST, PUT or PATCH, absent otherwise.
 */
export function wireRequestOf(
  input: RequestInfo | URL,
  init: RequestInit = {},
): WireRequestSnapshot {
  // The URL as fetch puts it on the wire (serialized, dot segments resolved).
  const url = new Request(input, { method: init.method }).url;
  const headers = new Map<string, string>();
  for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
  const body =
    init.body === undefined || init.body === null ? undefined : (init.body as Uint8Array);
  const method = (init.method ?? 'GET').toUpperCase();
  if (body !== undefined) headers.set('content-length', String(body.byteLength));
  else if (['POST', 'PUT', 'PATCH'].includes(method)) headers.set('content-length', '0');
  return { method, url, headers, body };
}

/** The string to sign, from the documented rules. */
export function referenceStringToSign(request: WireRequestSnapshot, account: string): string {
  const h = request.headers;
  let out = `${request.method}\n`;
  for (const name of SIGNED_STANDARD_HEADERS) {
    const value = name === 'date' && h.has('ocp-date') ? '' : (h.get(name) ?? '');
    out += `${value}\n`;
  }
  const ocpNames = [...h.keys()].filter((n) => n.startsWith('ocp-')).sort(byCodeUnits);
  for (const name of ocpNames) out += `${name}:${h.get(name)}\n`;

  const schemeEnd = request.url.indexOf('://');
  const afterAuthority = request.url.indexOf('/', schemeEnd + 3);
  const rest = afterAuthority === -1 ? '/' : request.url.slice(afterAuthority);
  const hashAt = rest.indexOf('#');
  const noFragment = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = noFragment.indexOf('?');
  const path = queryAt === -1 ? noFragment : noFragment.slice(0, queryAt);
  const query = queryAt === -1 ? '' : noFragment.slice(queryAt + 1);
  out += `/${account}${path === '' ? '/' : path}`;
  const params: Record<string, string[]> = Object.create(null);
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = lower(formDecode(eq === -1 ? pair : pair.slice(0, eq)));
    const value = eq === -1 ? '' : formDecode(pair.slice(eq + 1));
    const list = params[name] ?? [];
    list.push(value);
    params[name] = list;
  }
  for (const name of Object.keys(params).sort(byCodeUnits)) {
    out += `\n${name}:${params[name]!.sort(byCodeUnits).join(',')}`;
  }
  return out;
}

/** The `Authorization` value the service would compute for this request. */
export function referenceAuthorization(
  request: WireRequestSnapshot,
  account: string,
  keyBase64: string,
): string {
  const mac = createHmac('sha256', Buffer.from(keyBase64, 'base64'));
  mac.update(referenceStringToSign(request, account), 'utf8');
  return `SharedKey ${account}:${mac.digest('base64')}`;
}
