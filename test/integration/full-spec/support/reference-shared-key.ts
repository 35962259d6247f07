/**
 * Checks a Shared Key `Authorization` header the way the service would: rebuilds the string to
 * sign from what arrived (method, raw URL, headers) with node:crypto, following Microsoft's
 * "Authenticate requests to the Azure Batch service". Written for this suite; shares no code with
 * src/auth or the other test signers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNED_STANDARD_HEADERS = [
  'Content-Encoding',
  'Content-Language',
  'Content-Length',
  'Content-MD5',
  'Content-Type',
  'Date',
  'If-Modified-Since',
  'If-Match',
  'If-None-Match',
  'If-Unmodified-Since',
  'Range',
];

export interface ArrivedRequest {
  readonly method: string;
  /** The URL as the server received it (path still percent-encoded). */
  readonly url: string;
  /** Header name → value; names in any case. */
  readonly headers: ReadonlyMap<string, string>;
}

/** The string to sign of an arrived request. */
export function expectedStringToSign(request: ArrivedRequest, account: string): string {
  const header = new Map<string, string>();
  for (const [name, value] of request.headers) header.set(name.toLowerCase(), value.trim());
  const parts: string[] = [request.method.toUpperCase()];
  for (const name of SIGNED_STANDARD_HEADERS) {
    const key = name.toLowerCase();
    parts.push(key === 'date' && header.has('ocp-date') ? '' : (header.get(key) ?? ''));
  }
  const ocp = [...header.keys()].filter((n) => n.startsWith('ocp-')).sort();
  for (const name of ocp) parts.push(`${name}:${header.get(name)}`);
  const url = new URL(request.url);
  const rawPath = request.url.slice(url.origin.length).split('?')[0] || '/';
  const queryLines: string[] = [];
  const byName = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), value]);
  }
  for (const name of [...byName.keys()].sort()) {
    queryLines.push(`${name}:${byName.get(name)!.sort().join(',')}`);
  }
  return [...parts, [`/${account}${rawPath}`, ...queryLines].join('\n')].join('\n');
}

/** Whether `authorization` is a valid `SharedKey <account>:<signature>` for the request. */
export function verifySharedKey(
  request: ArrivedRequest,
  authorization: string | undefined,
  account: string,
  keyBase64: string,
): boolean {
  const prefix = `SharedKey ${account}:`;
  if (!authorization?.startsWith(prefix)) return false;
  const expected = createHmac('sha256', Buffer.from(keyBase64, 'base64'))
    .update(expectedStringToSign(request, account), 'utf8')
    .digest();
  const given = Buffer.from(authorization.slice(prefix.length), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
