/**
 * An independent Shared Key signer for tests, written from the "Authenticate requests to the Azure
 * Batch service" rules with node:crypto and hand-rolled URL splitting (no WHATWG URL, no
 * URLSearchParams), so it shares no code or parsing technique with src/auth.
 *
 * It expects `href` already in wire form (as `new URL(x).href` serializes it).
 */
import { createHmac } from 'node:crypto';

const STANDARD = [
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

const lowerAscii = (s: string): string =>
  Array.from(s, (c) =>
    c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) | 0x20) : c,
  ).join('');

const trimSpaceTab = (s: string): string => s.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');

const formDecode = (s: string): string => decodeURIComponent(s.split('+').join(' '));

export interface ReferenceRequest {
  method: string;
  href: string;
  headers: Record<string, string>;
}

export function referenceStringToSign(request: ReferenceRequest, account: string): string {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(request.headers)) {
    headers[lowerAscii(name)] = trimSpaceTab(request.headers[name]!);
  }
  const lines = [request.method.toUpperCase()];
  for (const name of STANDARD) {
    if (name === 'date' && 'ocp-date' in headers) lines.push('');
    else lines.push(headers[name] ?? '');
  }
  let out = `${lines.join('\n')}\n`;
  for (const name of Object.keys(headers)
    .filter((n) => n.slice(0, 4) === 'ocp-')
    .sort()) {
    out += `${name}:${headers[name]}\n`;
  }
  const match = /^[a-z]+:\/\/[^/?#]*([^?#]*)(?:\?([^#]*))?/i.exec(request.href);
  if (!match) throw new Error('reference signer: not an absolute URL');
  out += `/${account}${match[1] || '/'}`;
  const grouped = new Map<string, string[]>();
  for (const pair of (match[2] ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = lowerAscii(formDecode(eq < 0 ? pair : pair.slice(0, eq)));
    const value = eq < 0 ? '' : formDecode(pair.slice(eq + 1));
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  for (const name of [...grouped.keys()].sort()) {
    out += `\n${name}:${grouped.get(name)!.sort().join(',')}`;
  }
  return out;
}

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
