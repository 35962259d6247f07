/**
 * The authentication step: Shared Key (with the request-date window) or a bearer token.
 *
 * @module
 */

import { authenticationFailed } from './batch-fault.js';
import { formatRfc1123, parseRfc1123 } from './http-date.js';
import {
  buildStringToSign,
  computeSignature,
  constantTimeEquals,
  type SignedRequestParts,
} from './shared-key-verifier.js';

/** What the authentication step needs from the emulator. */
export interface AuthenticationConfig {
  /** The key of a configured account, `undefined` for an unknown name. */
  readonly keyOf: (account: string) => string | undefined;
  /** Names of the configured accounts, first is the default. */
  readonly accountNames: readonly string[];
  readonly verifyToken?: (token: string) => boolean | Promise<boolean>;
  readonly maxClockSkewInMs: number;
}

const SHARED_KEY = /^SharedKey ([^:\s]+):(\S+)$/i;
const BEARER = /^Bearer (\S+)$/i;

function checkRequestDate(headers: Headers, now: number, maxSkewInMs: number): void {
  const name = headers.has('ocp-date') ? 'ocp-date' : headers.has('date') ? 'Date' : undefined;
  if (name === undefined) {
    throw authenticationFailed('The request must carry an ocp-date or Date header.');
  }
  const value = headers.get(name) ?? '';
  const time = parseRfc1123(value.trim());
  if (time === undefined) {
    throw authenticationFailed(`The ${name} header value '${value}' is not an RFC 1123 date.`);
  }
  if (Math.abs(time - now) > maxSkewInMs) {
    const minutes = Math.round(maxSkewInMs / 60000);
    throw authenticationFailed(
      `The ${name} header value '${value}' differs from the server time '${formatRfc1123(now)}' ` +
        `by more than ${minutes} minutes.`,
    );
  }
}

/** The account a bearer request addresses: the host's first label when it names an account. */
function bearerAccount(url: URL, accountNames: readonly string[]): string {
  const label = url.hostname.split('.')[0] ?? '';
  return (
    accountNames.find((name) => name.toLowerCase() === label.toLowerCase()) ?? accountNames[0]!
  );
}

/**
 * Authenticates a request.
 *
 * @returns The name of the account the request acts on.
 * @throws BatchFault `AuthenticationFailed` (403) with an `AuthenticationErrorDetail` value.
 */
export async function authenticate(
  request: SignedRequestParts,
  now: number,
  config: AuthenticationConfig,
): Promise<string> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) {
    throw authenticationFailed('The request does not carry an Authorization header.');
  }
  const bearer = BEARER.exec(authorization.trim());
  if (bearer) {
    if (!config.verifyToken) {
      throw authenticationFailed(
        'Bearer tokens are not accepted: no token verifier is configured.',
      );
    }
    if (!(await config.verifyToken(bearer[1]!))) {
      throw authenticationFailed('The bearer token is not valid.');
    }
    return bearerAccount(request.url, config.accountNames);
  }
  const sharedKey = SHARED_KEY.exec(authorization.trim());
  if (!sharedKey) {
    throw authenticationFailed(
      "The Authorization header must be 'SharedKey <account>:<signature>' or 'Bearer <token>'.",
    );
  }
  const account = sharedKey[1]!;
  const key = config.keyOf(account);
  if (key === undefined) {
    throw authenticationFailed(`The account '${account}' is not configured in the emulator.`);
  }
  checkRequestDate(request.headers, now, config.maxClockSkewInMs);
  const stringToSign = buildStringToSign(request, account);
  const expected = await computeSignature(key, stringToSign);
  if (!constantTimeEquals(expected, sharedKey[2]!)) {
    throw authenticationFailed(
      'The MAC signature found in the HTTP request is not the same as any computed signature. ' +
        `Server used following string to sign: '${stringToSign}'.`,
    );
  }
  return account;
}
