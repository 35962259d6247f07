/**
 * Implementation (a), "the floor": what a hand-written caller of the REST API does with `fetch`,
 * and nothing else. JSON body, `ocp-date`, `client-request-id`, Shared Key with node:crypto's
 * synchronous `createHmac` (the cheapest HMAC available to Node code: no WebCrypto promise, no
 * key import), one status check, the body drained. No validation, no retries, no timeout.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { ACCOUNT, API_VERSION, type CertificateBody, CONTENT_TYPE } from './fixtures.ts';

/** The Shared Key string to sign of this POST: 12 standard headers, `ocp-` headers, resource. */
export function floorStringToSign(contentLength: number, ocpDate: string): string {
  return `POST\n\n\n${contentLength}\n\n${CONTENT_TYPE}\n\n\n\n\n\n\nocp-date:${ocpDate}\n/${ACCOUNT}/certificates\napi-version:${API_VERSION}`;
}

export function floorSignature(keyBytes: Buffer, stringToSign: string): string {
  return createHmac('sha256', keyBytes).update(stringToSign, 'utf8').digest('base64');
}

export function createFloorClient(
  baseUrl: string,
  accountKeyBase64: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): (certificate: CertificateBody) => Promise<string | null> {
  const key = Buffer.from(accountKeyBase64, 'base64');
  const url = `${baseUrl}/certificates?api-version=${API_VERSION}`;
  return async (certificate) => {
    const body = JSON.stringify(certificate);
    const ocpDate = new Date().toUTCString();
    const signature = floorSignature(key, floorStringToSign(Buffer.byteLength(body), ocpDate));
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'content-type': CONTENT_TYPE,
        'ocp-date': ocpDate,
        'client-request-id': randomUUID(),
        authorization: `SharedKey ${ACCOUNT}:${signature}`,
      },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`floor client: status ${response.status}`);
    return response.headers.get('etag');
  };
}
