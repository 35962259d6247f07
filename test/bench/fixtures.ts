/**
 * What every implementation sends and gets, for a fake account whose random key is made per run by
 * `run.ts` and handed to child processes (and the server) in `BENCH_ACCOUNT_KEY` (never printed):
 * - add: one `CertificateAddParameter` with 4 KB of base64 certificate data (deterministic
 *   filler, not a certificate), answered 201 with an empty body;
 * - get: a GET of that certificate, answered 200 with the service's JSON for it (about 2.5 KB:
 *   OData metadata, URL, state, two dates with the service's seven fractional digits, 2 KB of
 *   public data).
 */
export const ACCOUNT = 'benchaccount';
export const API_VERSION = '2024-07-01.20.0';
/** The API version `@azure/batch` 10.2.0 sends (its own; the certificate operations are the same). */
export const AZURE_BATCH_API_VERSION = '2022-10-01.16.0';
export const CONTENT_TYPE = 'application/json; odata=minimalmetadata';

/** 3,072 bytes of filler, base64: exactly 4,096 characters. */
export const CERTIFICATE_DATA = Buffer.from(
  Array.from({ length: 3072 }, (_, i) => (i * 131 + 7) % 256),
).toString('base64');

export interface CertificateBody {
  thumbprint: string;
  thumbprintAlgorithm: 'sha1';
  data: string;
  certificateFormat?: 'cer' | 'pfx';
  password?: string;
}

/** A valid body: what (a)–(d) send and the "valid" validation case. */
export const CERTIFICATE: CertificateBody = Object.freeze({
  thumbprint: '0123456789abcdef0123456789abcdef01234567',
  thumbprintAlgorithm: 'sha1',
  data: CERTIFICATE_DATA,
  certificateFormat: 'cer',
});

/** The thumbprint the get reads (the added one). */
export const THUMBPRINT = CERTIFICATE.thumbprint;

/** The ETag the stand-in service answers every request with. */
export const ETAG = '0x8DCBENCH0000000';

/** The certificate's state dates, as the service writes them (seven fractional digits). */
export const STATE_TRANSITION_TIME = '2026-01-01T00:00:00.1234567Z';
export const PREVIOUS_STATE_TRANSITION_TIME = '2025-12-31T23:59:59.7654321Z';

/** 1,536 bytes of filler, base64: 2,048 characters (the get's `publicData`). */
export const PUBLIC_DATA = CERTIFICATE_DATA.slice(0, 2048);

/** The path of the certificate's resource (no account URL, no query). */
export const CERTIFICATE_PATH = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMBPRINT})`;

/** The service's JSON for the certificate, under the account URL `root` (no trailing slash). */
export function certificateResource(root: string): Record<string, unknown> {
  return {
    'odata.metadata': `${root}/$metadata#certificates/@Element`,
    thumbprint: THUMBPRINT,
    thumbprintAlgorithm: 'sha1',
    url: `${root}${CERTIFICATE_PATH}`,
    state: 'active',
    stateTransitionTime: STATE_TRANSITION_TIME,
    previousState: 'deletefailed',
    previousStateTransitionTime: PREVIOUS_STATE_TRANSITION_TIME,
    publicData: PUBLIC_DATA,
  };
}

/** An invalid body of the same size: its last data character is not base64 (found by a full scan). */
export const INVALID_CERTIFICATE: CertificateBody = Object.freeze({
  ...CERTIFICATE,
  data: `${CERTIFICATE_DATA.slice(0, -1)}!`,
});

/** The account key of this run (base64), from the environment the parent set. */
export function accountKey(): string {
  const key = process.env.BENCH_ACCOUNT_KEY;
  if (!key) throw new Error('BENCH_ACCOUNT_KEY is not set (run the benchmark with npm run bench)');
  return key;
}
