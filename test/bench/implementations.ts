/**
 * The four implementations of "add one certificate", each as `() => Promise<unknown>`:
 * (a) the floor (hand-written fetch + node:crypto Shared Key), (b) our `client.certificate.add`
 * (validation on, warnings once — swallowed by `onWarning` —, default retry policy), (c) the bare
 * hey-api `certificateAdd` with one request interceptor that stamps `ocp-date` and signs with our
 * `BatchSharedKeyCredential` (so b − c is the facade alone), (d) `@azure/batch@10.2.0`.
 * Each is checked once before it is measured.
 */
import batch from '@azure/batch';
import type * as Ours from '../../src/index.ts';
import { ACCOUNT, API_VERSION, CERTIFICATE, CONTENT_TYPE } from './fixtures.ts';
import { createFloorClient, floorSignature, floorStringToSign } from './floor-client.ts';
import type * as Internals from './internals-entry.ts';

export type ImplementationName = 'a' | 'b' | 'c' | 'd';
export const IMPLEMENTATIONS: readonly ImplementationName[] = ['a', 'b', 'c', 'd'];
export const LABELS: Readonly<Record<ImplementationName, string>> = {
  a: '(a) fetch + Shared Key (floor)',
  b: '(b) ours: client.certificate.add',
  c: '(c) hey-api certificateAdd + signer',
  d: '(d) @azure/batch 10.2.0',
};

export interface Bundles {
  readonly ours: string;
  readonly internals: string;
}

export type AddOnce = () => Promise<unknown>;

export async function loadModules(
  bundles: Bundles,
): Promise<{ ours: typeof Ours; internals: typeof Internals }> {
  const ours = (await import(bundles.ours)) as typeof Ours;
  const internals = (await import(bundles.internals)) as typeof Internals;
  return { ours, internals };
}

/**
 * @param fetchImpl - the `fetch` of (a)–(c); an in-memory one measures client overhead alone
 *   ((d) always uses its own transport, so it is left out of that measurement).
 */
export async function createImplementations(
  baseUrl: string,
  accountKeyBase64: string,
  bundles: Bundles,
  fetchImpl?: typeof fetch,
): Promise<Record<ImplementationName, AddOnce>> {
  const { ours, internals } = await loadModules(bundles);
  const credential = new ours.BatchSharedKeyCredential(ACCOUNT, accountKeyBase64);
  await checkFloorSigner(credential, accountKeyBase64);

  const floor = createFloorClient(baseUrl, accountKeyBase64, fetchImpl);
  const client = new ours.BatchClient(baseUrl, credential, {
    allowInsecureConnection: true,
    onWarning: () => {},
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const heyApi = new internals.BatchSdk({
    client: createHeyApiClient(internals, baseUrl, credential, fetchImpl),
  });
  const azure = new batch.BatchServiceClient(
    new batch.BatchSharedKeyCredentials(ACCOUNT, accountKeyBase64),
    baseUrl,
  );
  const implementations: Record<ImplementationName, AddOnce> = {
    a: () => floor(CERTIFICATE),
    b: () => client.certificate.add(CERTIFICATE),
    c: () =>
      heyApi.certificateAdd({
        body: CERTIFICATE,
        query: { 'api-version': API_VERSION },
        throwOnError: true,
      }),
    d: () => azure.certificate.add(CERTIFICATE),
  };
  if (!fetchImpl) await checkImplementations(implementations);
  return implementations;
}

/** The bare generated client: its own fetch client, plus one interceptor that signs. */
function createHeyApiClient(
  internals: typeof Internals,
  baseUrl: string,
  credential: InstanceType<typeof Ours.BatchSharedKeyCredential>,
  fetchImpl?: typeof fetch,
) {
  const client = internals.createClient({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  client.interceptors.request.use(async (request, options) => {
    request.headers.set('ocp-date', new Date().toUTCString());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = options.serializedBody;
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : 0);
    const authorization = await credential.signRequest({
      method: request.method,
      url: request.url,
      headers,
    });
    request.headers.set('authorization', authorization);
    return request;
  });
  return client;
}

/** (a)'s signature must equal ours for the same request, or the floor is not doing the work. */
async function checkFloorSigner(
  credential: InstanceType<typeof Ours.BatchSharedKeyCredential>,
  accountKeyBase64: string,
): Promise<void> {
  const body = JSON.stringify(CERTIFICATE);
  const ocpDate = new Date(0).toUTCString();
  const ours = await credential.signRequest({
    method: 'POST',
    url: `http://127.0.0.1/certificates?api-version=${API_VERSION}`,
    headers: {
      'content-type': CONTENT_TYPE,
      'content-length': String(Buffer.byteLength(body)),
      'ocp-date': ocpDate,
    },
  });
  const key = Buffer.from(accountKeyBase64, 'base64');
  const floor = `SharedKey ${ACCOUNT}:${floorSignature(key, floorStringToSign(Buffer.byteLength(body), ocpDate))}`;
  if (ours !== floor) throw new Error('the floor signer disagrees with BatchSharedKeyCredential');
}

/** One call each: a 201 with the service's ETag, or the run stops (a broken client is not fast). */
async function checkImplementations(
  implementations: Record<ImplementationName, AddOnce>,
): Promise<void> {
  const results = {
    a: await implementations.a(),
    b: ((await implementations.b()) as { eTag?: string }).eTag,
    c: ((await implementations.c()) as { response: Response }).response.headers.get('etag'),
    d: ((await implementations.d()) as { eTag?: string }).eTag,
  };
  for (const [name, etag] of Object.entries(results)) {
    if (etag !== '0x8DCBENCH0000000') {
      throw new Error(`implementation ${name} did not return the service's ETag (${String(etag)})`);
    }
  }
}
