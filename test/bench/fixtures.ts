/**
 * The request every implementation sends: one `CertificateAddParameter` with 4 KB of base64
 * certificate data (deterministic filler, not a certificate), for a fake account whose random key
 * is made per run by `run.ts` and handed to child processes in `BENCH_ACCOUNT_KEY` (never printed).
 */
export const ACCOUNT = 'benchaccount';
export const API_VERSION = '2024-07-01.20.0';
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
