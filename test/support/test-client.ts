/** A client with a frozen clock, fixed request ids and no real waiting, for wire-level tests. */
import { BatchClient, type BatchClientOptions, BatchSharedKeyCredential } from '../../src/index.js';

export const ACCOUNT = 'myaccount';
export const ACCOUNT_URL = 'https://myaccount.westus.batch.azure.com';
/** A made-up key (base64 of "0123456789abcdef0123456789abcdef"). */
export const ACCOUNT_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=';
export const FROZEN_NOW = Date.UTC(2024, 6, 1, 0, 0, 0);
export const FIXED_REQUEST_ID = '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0';

export function testClient(options: BatchClientOptions = {}): BatchClient {
  return new BatchClient(ACCOUNT_URL, testClient.credential(), {
    now: () => FROZEN_NOW,
    randomUUID: () => FIXED_REQUEST_ID,
    random: () => 0.5,
    sleep: async () => {},
    onWarning: () => {},
    ...options,
  });
}

/** The test account's Shared Key credential. */
testClient.credential = (): BatchSharedKeyCredential =>
  new BatchSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);

/** A valid Certificate Add body (the data is fake base64, not a real certificate). */
export function validCertificate() {
  return {
    thumbprint: '0123456789abcdef0123456789abcdef01234567',
    thumbprintAlgorithm: 'sha1' as const,
    data: 'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UE',
    certificateFormat: 'pfx' as const,
    password: 'not-a-real-password',
  };
}
