import { asciiUpperCase } from './ascii-lower-case.js';
import { canonicalizedHeaders } from './canonicalized-headers.js';
import { canonicalizedResource } from './canonicalized-resource.js';
import { normalizeHeaders } from './normalize-headers.js';
import type { SignableRequest } from './signable-request.js';

/** The standard headers whose values (never names) are signed, in this order. */
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

/**
 * Builds the Azure Batch Shared Key string-to-sign ("Authenticate requests to the Azure Batch
 * service"): `VERB\n`, the values of the eleven standard headers each followed by `\n`, the
 * CanonicalizedHeaders (`ocp-*`) and the CanonicalizedResource.
 *
 * Rules applied (see also `canonicalizedHeaders`, `canonicalizedResource`):
 * - The verb is ASCII-upper-cased.
 * - A missing standard header signs as the empty string. `Date` signs as empty when `ocp-date` is
 *   present (the service then takes the time from `ocp-date`).
 * - `Content-Length` is signed verbatim: `"0"` stays `"0"`. The "empty when zero" rule belongs to
 *   Azure Storage (x-ms-version 2015-02-21+), not Batch; the official Batch SDKs sign `0` for
 *   bodiless POSTs, which is what fetch sends. Pass the header exactly as it will be sent.
 * - Header values are trimmed and unfolded as fetch sends them.
 *
 * Pure: the input is not modified.
 *
 * @param request - Method, absolute URL and wire headers of the request.
 * @param accountName - The Batch account name.
 * @returns The string to sign.
 * @throws TypeError when `request.url` is not an absolute URL or a header name is duplicated.
 */
export function sharedKeyStringToSign(request: SignableRequest, accountName: string): string {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new TypeError('request.url must be an absolute URL.');
  }
  const headers = normalizeHeaders(request.headers);
  const hasOcpDate = headers.has('ocp-date');
  let result = `${asciiUpperCase(request.method)}\n`;
  for (const name of STANDARD_HEADERS) {
    const value = name === 'date' && hasOcpDate ? '' : (headers.get(name) ?? '');
    result += `${value}\n`;
  }
  return result + canonicalizedHeaders(headers) + canonicalizedResource(url, accountName);
}
