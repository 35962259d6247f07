/**
 * Implementation (c), "bare hey-api": the generated SDK class (`new BatchSdk({ client })`) on its
 * own fetch client, with one request interceptor that stamps `ocp-date` and signs with our
 * `BatchSharedKeyCredential` — the generated code and the signer, without the facade, its
 * validation, retries, timeouts or transport. `Content-Length` is signed as `fetch` frames it: the
 * body's byte length when there is a body, none for a GET.
 */
import type * as Ours from '../../src/index.ts';
import { API_VERSION, type CertificateBody, THUMBPRINT } from './fixtures.ts';
import type * as Internals from './internals-entry.ts';

export interface BareHeyApi {
  add(certificate: CertificateBody): Promise<{ response: Response }>;
  get(): Promise<{ data: Record<string, unknown>; response: Response }>;
}

export function createBareHeyApi(
  internals: typeof Internals,
  baseUrl: string,
  credential: InstanceType<typeof Ours.BatchSharedKeyCredential>,
  fetchImpl?: typeof fetch,
): BareHeyApi {
  const client = internals.createClient({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  client.interceptors.request.use(async (request, options) => {
    request.headers.set('ocp-date', new Date().toUTCString());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = options.serializedBody;
    if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
    const authorization = await credential.signRequest({
      method: request.method,
      url: request.url,
      headers,
    });
    request.headers.set('authorization', authorization);
    return request;
  });
  const sdk = new internals.BatchSdk({ client });
  const query = { 'api-version': API_VERSION };
  return {
    add: (certificate) => sdk.certificateAdd({ body: certificate, query, throwOnError: true }),
    get: () =>
      sdk.certificateGet({
        path: { thumbprintAlgorithm: 'sha1', thumbprint: THUMBPRINT },
        query,
        throwOnError: true,
      }) as Promise<{ data: Record<string, unknown>; response: Response }>,
  };
}
