/**
 * Builds requests for the emulator suites, signed by the tests' independent Shared Key
 * implementation (test/support/reference-shared-key.ts), which shares no code with src/auth or
 * the emulator.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from '../../../../src/testing/index.js';
import {
  referenceAuthorization,
  referenceRequestFromFetch,
} from '../../../support/reference-shared-key.js';

export const ACCOUNT_URL = 'https://emulator.westeurope.batch.azure.com';
export const API_VERSION = '2024-07-01.20.0';
/** A fixed instant for the emulator clock: 2023-11-14T22:13:20Z. */
export const T0 = 1_700_000_000_000;

export interface SignOptions {
  method?: string;
  /** Path and query after the account URL, e.g. `/certificates?api-version=...`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  account?: string;
  key?: string;
  /** Epoch ms written to ocp-date; default T0. */
  date?: number;
  baseUrl?: string;
  /** Omit ocp-date entirely. */
  noDate?: boolean;
  /** Leave Authorization out. */
  unsigned?: boolean;
  /** Change the request after signing (tampering). */
  tamper?: (parts: { url: string; headers: Record<string, string> }) => void;
}

/** Builds a Request signed with Shared Key (default: the emulator account). */
export function signedRequest(options: SignOptions): Request {
  const method = options.method ?? 'GET';
  const account = options.account ?? EMULATOR_ACCOUNT_NAME;
  const key = options.key ?? EMULATOR_ACCOUNT_KEY;
  const url = `${options.baseUrl ?? ACCOUNT_URL}${options.path}`;
  const headers: Record<string, string> = { ...options.headers };
  if (!options.noDate) headers['ocp-date'] ??= new Date(options.date ?? T0).toUTCString();
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json; odata=minimalmetadata';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  } else if (method === 'POST') {
    headers['Content-Length'] = '0';
  }
  if (!options.unsigned) {
    const wire = referenceRequestFromFetch(url, { method, headers, body: body ?? null });
    headers.Authorization = referenceAuthorization(wire, account, key);
  }
  const parts = { url, headers };
  options.tamper?.(parts);
  return new Request(parts.url, { method, headers: parts.headers, body: body ?? null });
}

/** A `thumbprint` and base64 `data` for a fake certificate (the emulator does not parse it). */
export function fakeCertificate(seed: string): { thumbprint: string; data: string } {
  const data = Buffer.from(`certificate ${seed} ${randomUUID()}`).toString('base64');
  const thumbprint = createHmac('sha1', 'seed').update(seed).digest('hex');
  return { thumbprint, data };
}

export function certificatePath(thumbprint: string, suffix = ''): string {
  return `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprint})${suffix}?api-version=${API_VERSION}`;
}

/** An error body parsed. */
export interface ErrorBody {
  'odata.metadata': string;
  code: string;
  message: { lang: string; value: string };
  values?: { key: string; value: string }[];
}

export function detail(body: ErrorBody, key: string): string | undefined {
  return body.values?.find((v) => v.key === key)?.value;
}
