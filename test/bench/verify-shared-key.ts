/**
 * The stand-in server's Shared Key check, apart from the client's signer (and from the emulator's
 * verifier): the string to sign is the tests' reference reading of "Authenticate requests to the
 * Azure Batch service", so a client that signs wrongly fails the run instead of looking fast:
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
import { referenceStringToSign } from '../support/reference-shared-key.ts';

const CLOCK_SKEW_MS = 15 * 60 * 1000;

export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/**
 * The string the service signs for a request, from what arrived: the tests' independent reading
 * of the specification (test/support/reference-shared-key.ts) over the headers as `node:http`
 * received them.
 */
export function serverStringToSign(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
  account: string,
): string {
  const received: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) received[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return referenceStringToSign(
    { method, url: `http://bench${rawUrl}`, headers: received },
    account,
  );
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
