/** Response bodies shaped like the live Batch service's, and fake secrets for redaction tests. */

export const ODATA_METADATA =
  'https://myaccount.westeurope.batch.azure.com/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element';

export function batchErrorBody(
  code: string,
  value: string,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    'odata.metadata': ODATA_METADATA,
    code,
    message: { lang: 'en-US', value },
    ...extra,
  });
}

export const REQUEST_ID = '5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c';
export const CLIENT_REQUEST_ID = '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0';
export const TRAILER = `\nRequestId:${REQUEST_ID}\nTime:2024-07-01T10:00:00.0000000Z`;

export const CERTIFICATE_EXISTS = batchErrorBody(
  'CertificateExists',
  `The specified certificate already exists.${TRAILER}`,
);
export const CERTIFICATE_BEING_DELETED = batchErrorBody(
  'CertificateBeingDeleted',
  `The specified certificate has been marked for deletion and is being deleted.${TRAILER}`,
);
export const STRING_TO_SIGN =
  "Server used following string to sign: 'GET\n\n\n\n\n\n\n\n\n\n\n\nocp-date:Mon, 01 Jul 2024 10:00:00 GMT\n/myaccount/certificates\napi-version:2024-07-01.20.0'.";
export const MAC_SIGNATURE = 'aGVsbG8tZmFrZS1zaWduYXR1cmUtdmFsdWUtMTIzNA==';
export const AUTHENTICATION_FAILED = batchErrorBody(
  'AuthenticationFailed',
  `Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.${TRAILER}`,
  {
    values: [
      {
        key: 'AuthenticationErrorDetail',
        value: `The MAC signature found in the HTTP request '${MAC_SIGNATURE}' is not the same as any computed signature. ${STRING_TO_SIGN}`,
      },
    ],
  },
);
export const RETIRED_SERVICE_TEXT =
  "The 'Azure Batch Certificates' feature was retired on 02/29/2024.";
export const CERTIFICATE_RETIRED = batchErrorBody(
  'CertificateRetired',
  `${RETIRED_SERVICE_TEXT}${TRAILER}`,
  { values: [{ key: 'Reason', value: RETIRED_SERVICE_TEXT }] },
);
export const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>';

/** Fake secrets: none of them may ever appear in anything an error prints. */
export const FAKE_ACCOUNT_KEY =
  'ZmFrZS1hY2NvdW50LWtleS1mb3ItdGVzdHMtb25seS1kby1ub3QtdXNlLWFueXdoZXJlLTEyMzQ1Njc4OTA=';
export const FAKE_BEARER_TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmYWtlLXVzZXIifQ.ZmFrZS1zaWduYXR1cmU';
export const FAKE_PASSWORD = 'Hunter2-Fake-Pfx-Passw0rd';
export const FAKE_CERT_DATA =
  'MIIKZgIBAzCCCiIGCSqGSIb3DQEHAaCCChMEggoPMIIKCzCCBhwGCSqGSIb3DQEHAaCCBg0EggYJMIIGBTCCBgEGCyqGSIb3DQEMCgECoIIE9jCCBPIwHAYKKoZIhvcNAQwBAzAOBAhFAKEDATA';
export const SECRETS = [FAKE_ACCOUNT_KEY, FAKE_BEARER_TOKEN, FAKE_PASSWORD, FAKE_CERT_DATA];
