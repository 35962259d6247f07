/**
 * The stand-in server's Shared Key check, written from "Authenticate requests to the Azure Batch
 * service" apart from the client's signer (and from the emulator's verifier), so a client that
 * signs wrongly fails the run instead of looking fast:
 *
 * ```text
 * VERB\n Content-Encoding\n Content-Language\n Content-Length\n Content-MD5\n Content-Type\n
 * Date\n If-Modified-Since\n If-Match\n If-None-Match\n If-Unmodified-Since\n Range\n
 * CanonicalizedHeaders (every ocp-* header, lower case, sorted: name:value\n)
 * CanonicalizedResource (/account/path, then \nname:value per query parameter, sorted, decoded)
 * ```
 *
 * Headers are taken as received by `node:http` (so `Content-Length` is what the client framed),
 * `Date` signs as empty when `ocp-date` is present, and `ocp-date` must be within 15 minutes of
 * the server's clock, as the service requires. The HMAC is node:crypto's, with the key prepared
 * once; this runs in the server process, so it costs the measured client nothing.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

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

const CLOCK_SKEW_MS = 15 * 60 * 1000;

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/** The string the service signs for a request, from what arrived. */
export function serverStringToSign(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  account: string,
): string {
  const value = (name: string): string => {
    const v = headers[name];
    return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
  };
  let text = `${method}\n`;
  for (const name of STANDARD_HEADERS) {
    text += `${name === 'date' && headers['ocp-date'] !== undefined ? '' : value(name)}\n`;
  }
  const ocpNames = Object.keys(headers)
    .filter((name) => name.startsWith('ocp-'))
    .sort();
  for (const name of ocpNames) text += `${name}:${value(name)}\n`;
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  text += `/${account}${path}`;
  const query = new Map<string, string[]>();
  for (const [name, v] of new URLSearchParams(queryAt === -1 ? '' : rawUrl.slice(queryAt + 1))) {
    const key = name.toLowerCase();
    query.set(key, [...(query.get(key) ?? []), v]);
  }
  for (const name of [...query.keys()].sort()) {
    text += `\n${name}:${query.get(name)!.sort().join(',')}`;
  }
  return text;
}

/** A verifier for `account` with the base64 key `accountKeyBase64`. */
export function createSharedKeyVerifier(
  account: string,
  accountKeyBase64: string,
): (method: string, rawUrl: string, headers: IncomingHttpHeaders) => Verdict {
  const key = createSecretKey(Buffer.from(accountKeyBase64, 'base64'));
  const prefix = `SharedKey ${account}:`;
  return (method, rawUrl, headers) => {
    const authorization = headers.authorization ?? '';
    if (!authorization.startsWith(prefix)) {
      return { ok: false, status: 401, reason: 'no Shared Key authorization for the account' };
    }
    const ocpDate = headers['ocp-date'];
    const sent = Date.parse(typeof ocpDate === 'string' ? ocpDate : String(headers.date));
    if (!Number.isFinite(sent) || Math.abs(Date.now() - sent) > CLOCK_SKEW_MS) {
      return { ok: false, status: 403, reason: 'ocp-date missing or more than 15 minutes off' };
    }
    const stringToSign = serverStringToSign(method, rawUrl, headers, account);
    const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
    const given = Buffer.from(authorization.slice(prefix.length), 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        ok: false,
        status: 403,
        reason: `the signature is not the server's. Server used following string to sign: '${stringToSign}'`,
      };
    }
    return { ok: true };
  };
}
