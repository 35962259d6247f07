/**
 * Verifies Azure Batch Shared Key signatures, written apart from the client's signer so that each
 * checks the other. Follows "Authenticate requests to the Azure Batch service":
 *
 * ```
 * VERB\n Content-Encoding\n Content-Language\n Content-Length\n Content-MD5\n Content-Type\n
 * Date\n If-Modified-Since\n If-Match\n If-None-Match\n If-Unmodified-Since\n Range\n
 * CanonicalizedHeaders CanonicalizedResource
 * ```
 *
 * - `Date` signs as empty when `ocp-date` is present; `Content-Length` as received (when the
 *   header is absent, as fetch would send it: the body length, `0` for a bodiless POST/PUT, else
 *   empty).
 * - CanonicalizedHeaders: every `ocp-*` header, lower-cased, sorted, `name:value\n`.
 * - CanonicalizedResource: `/<account><path>` and, sorted by lower-cased name, `\n<name>:<values>`
 *   with URL-decoded values (several values sorted and joined with `,`).
 *
 * @module
 */

import { decodeBase64, encodeBase64 } from '../util/base64.js';

const SIGNED_HEADERS = [
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

/** Code-unit order, independent of locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lower-cases ASCII letters only (never locale-sensitive). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function normalizeValue(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** What a Shared Key string-to-sign is built from. */
export interface SignedRequestParts {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** Length of the received body in bytes. */
  readonly bodyLength: number;
}

/** Builds the string-to-sign the service computes for `request` and `accountName`. */
export function buildStringToSign(request: SignedRequestParts, accountName: string): string {
  const { headers } = request;
  const method = request.method.toUpperCase();
  let text = `${method}\n`;
  for (const name of SIGNED_HEADERS) {
    let value = headers.get(name);
    if (name === 'date' && headers.has('ocp-date')) value = null;
    if (name === 'content-length' && value === null) {
      if (request.bodyLength > 0) value = String(request.bodyLength);
      else if (method === 'POST' || method === 'PUT' || method === 'PATCH') value = '0';
    }
    text += `${value === null ? '' : normalizeValue(value)}\n`;
  }
  const ocpNames: string[] = [];
  headers.forEach((_value, name) => {
    if (asciiLower(name).startsWith('ocp-')) ocpNames.push(asciiLower(name));
  });
  for (const name of [...new Set(ocpNames)].sort(byCodeUnits)) {
    text += `${name}:${normalizeValue(headers.get(name) ?? '')}\n`;
  }
  text += `/${accountName}${request.url.pathname}`;
  const query = new Map<string, string[]>();
  for (const [name, value] of request.url.searchParams) {
    const key = asciiLower(name);
    query.set(key, [...(query.get(key) ?? []), value]);
  }
  for (const name of [...query.keys()].sort(byCodeUnits)) {
    text += `\n${name}:${(query.get(name) ?? []).sort(byCodeUnits).join(',')}`;
  }
  return text;
}

/** Computes base64(HMAC-SHA256(base64-decoded key, UTF-8 message)) with WebCrypto. */
export async function computeSignature(base64Key: string, message: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    decodeBase64(base64Key) as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message));
  return encodeBase64(new Uint8Array(mac));
}

/** Compares two strings in time independent of where they first differ. */
export function constantTimeEquals(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}
