/**
 * The checks every implementation passes before it is measured, so a broken client stops the run
 * instead of looking fast:
 * - the floor's hand-written signature equals `BatchSharedKeyCredential`'s for the same add and
 *   get (or the floor is not doing the work);
 * - one add each answers the service's ETag, one get each gives the certificate with its dates as
 *   `Date`s and its public data whole;
 * - (b) sends without `globalThis.fetch` (its default transport is node:http) and (b-fetch)
 *   through it, or the two labels would measure the same path.
 */
import type * as Ours from '../../src/index.ts';
import {
  API_VERSION,
  CERTIFICATE,
  CERTIFICATE_PATH,
  CONTENT_TYPE,
  ETAG,
  PREVIOUS_STATE_TRANSITION_TIME,
  PUBLIC_DATA,
  STATE_TRANSITION_TIME,
  THUMBPRINT,
} from './fixtures.ts';
import { floorSignature, floorStringToSign } from './floor-client.ts';
import type { ImplementationName, Implementations } from './implementations.ts';

export async function checkFloorSigner(
  credential: InstanceType<typeof Ours.BatchSharedKeyCredential>,
  accountKeyBase64: string,
): Promise<void> {
  const key = Buffer.from(accountKeyBase64, 'base64');
  const body = JSON.stringify(CERTIFICATE);
  const ocpDate = new Date(0).toUTCString();
  const cases: {
    method: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
    body?: { length: number; contentType: string };
  }[] = [
    {
      method: 'POST',
      path: '/certificates',
      headers: {
        'content-type': CONTENT_TYPE,
        'content-length': String(Buffer.byteLength(body)),
        'ocp-date': ocpDate,
      },
      body: { length: Buffer.byteLength(body), contentType: CONTENT_TYPE },
    },
    { method: 'GET', path: CERTIFICATE_PATH, headers: { 'ocp-date': ocpDate } },
  ];
  for (const c of cases) {
    const ours = await credential.signRequest({
      method: c.method,
      url: `http://127.0.0.1${c.path}?api-version=${API_VERSION}`,
      headers: c.headers,
    });
    const floor = floorSignature(key, floorStringToSign(c.method, c.path, ocpDate, c.body));
    if (ours !== `SharedKey ${credential.accountName}:${floor}`) {
      throw new Error(`the floor signer disagrees with BatchSharedKeyCredential on ${c.method}`);
    }
  }
}

/** What each client's add result says the ETag was. */
function addEtag(name: ImplementationName, result: unknown): unknown {
  if (name === 'a') return result;
  if (name === 'c') return (result as { response: Response }).response.headers.get('etag');
  return (result as { eTag?: unknown }).eTag;
}

/** The certificate in each client's get result. */
function getBody(name: ImplementationName, result: unknown): Record<string, unknown> {
  return (name === 'c' ? (result as { data: unknown }).data : result) as Record<string, unknown>;
}

function isDate(value: unknown, text: string): boolean {
  return value instanceof Date && value.getTime() === Date.parse(text);
}

export async function checkImplementations(implementations: Implementations): Promise<void> {
  const realFetch = globalThis.fetch;
  let fetchCalls = 0;
  globalThis.fetch = (input, init) => {
    fetchCalls++;
    return realFetch(input, init);
  };
  try {
    for (const [name, implementation] of Object.entries(implementations) as [
      ImplementationName,
      NonNullable<Implementations[ImplementationName]>,
    ][]) {
      const before = fetchCalls;
      const etag = addEtag(name, await implementation.add());
      if (etag !== ETAG) {
        throw new Error(
          `implementation ${name}: add did not return the service's ETag (${String(etag)})`,
        );
      }
      const certificate = getBody(name, await implementation.get());
      const problems = [
        certificate.thumbprint === THUMBPRINT ? '' : 'thumbprint',
        certificate.state === 'active' ? '' : 'state',
        isDate(certificate.stateTransitionTime, STATE_TRANSITION_TIME) ? '' : 'stateTransitionTime',
        isDate(certificate.previousStateTransitionTime, PREVIOUS_STATE_TRANSITION_TIME)
          ? ''
          : 'previousStateTransitionTime',
        certificate.publicData === PUBLIC_DATA ? '' : 'publicData',
      ].filter(Boolean);
      if (problems.length > 0) {
        throw new Error(`implementation ${name}: get gave a wrong ${problems.join(', ')}`);
      }
      const usedFetch = fetchCalls > before;
      if (name === 'b' && usedFetch) throw new Error('implementation b sent through fetch');
      if (name === 'b-fetch' && !usedFetch)
        throw new Error('implementation b-fetch did not use fetch');
    }
  } finally {
    globalThis.fetch = realFetch;
  }
}
