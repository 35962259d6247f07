/**
 * Implementation (a), "the floor": what a hand-written caller of the REST API does with `fetch`,
 * and nothing else. Shared Key with node:crypto's synchronous `createHmac` (the cheapest HMAC
 * available to Node code: no WebCrypto promise, no key import), `ocp-date`, `client-request-id`,
 * one status check. add: the JSON body, the answer drained, its ETag returned. get: the answer
 * parsed as JSON and its two dates made `Date`s (the result the other clients give). No
 * validation, no retries, no timeout.
 */
import { createHmac, randomUUID } from 'node:crypto';
import {
  ACCOUNT,
  API_VERSION,
  CERTIFICATE_PATH,
  type CertificateBody,
  CONTENT_TYPE,
} from './fixtures.ts';

/**
 * The Shared Key string to sign of a request with no standard header but Content-Length and
 * Content-Type, `ocp-date` its only `ocp-` header, and `api-version` its only query parameter.
 */
export function floorStringToSign(
  method: 'GET' | 'POST',
  path: string,
  ocpDate: string,
  body?: { readonly length: number; readonly contentType: string },
): string {
  const length = body ? String(body.length) : '';
  const type = body ? body.contentType : '';
  return `${method}\n\n\n${length}\n\n${type}\n\n\n\n\n\n\nocp-date:${ocpDate}\n/${ACCOUNT}${path}\napi-version:${API_VERSION}`;
}

export function floorSignature(keyBytes: Buffer, stringToSign: string): string {
  return createHmac('sha256', keyBytes).update(stringToSign, 'utf8').digest('base64');
}

export interface FloorClient {
  add(certificate: CertificateBody): Promise<string | null>;
  get(): Promise<Record<string, unknown>>;
}

export function createFloorClient(
  baseUrl: string,
  accountKeyBase64: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): FloorClient {
  const key = Buffer.from(accountKeyBase64, 'base64');
  const addUrl = `${baseUrl}/certificates?api-version=${API_VERSION}`;
  const getUrl = `${baseUrl}${CERTIFICATE_PATH}?api-version=${API_VERSION}`;
  const authorization = (toSign: string) => `SharedKey ${ACCOUNT}:${floorSignature(key, toSign)}`;
  return {
    async add(certificate) {
      const body = JSON.stringify(certificate);
      const ocpDate = new Date().toUTCString();
      const toSign = floorStringToSign('POST', '/certificates', ocpDate, {
        length: Buffer.byteLength(body),
        contentType: CONTENT_TYPE,
      });
      const response = await fetchImpl(addUrl, {
        method: 'POST',
        headers: {
          'content-type': CONTENT_TYPE,
          'ocp-date': ocpDate,
          'client-request-id': randomUUID(),
          authorization: authorization(toSign),
        },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`floor client: add status ${response.status}`);
      return response.headers.get('etag');
    },
    async get() {
      const ocpDate = new Date().toUTCString();
      const response = await fetchImpl(getUrl, {
        headers: {
          'ocp-date': ocpDate,
          'client-request-id': randomUUID(),
          authorization: authorization(floorStringToSign('GET', CERTIFICATE_PATH, ocpDate)),
        },
      });
      const certificate = (await response.json()) as Record<string, unknown>;
      if (response.status !== 200) throw new Error(`floor client: get status ${response.status}`);
      for (const name of ['stateTransitionTime', 'previousStateTransitionTime']) {
        if (typeof certificate[name] === 'string') certificate[name] = new Date(certificate[name]);
      }
      return certificate;
    },
  };
}
