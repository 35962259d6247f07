/**
 * Bundle-size consumer (@azure/batch 10.2.0): the same as `consumer-ours.ts` with the official SDK.
 * Bundled minified for browsers by `build-bundles.ts`; never run.
 */
import batch from '@azure/batch';

export async function addCertificate(accountUrl: string, accountKey: string): Promise<unknown> {
  const credential = new batch.BatchSharedKeyCredentials('account', accountKey);
  const client = new batch.BatchServiceClient(credential, accountUrl);
  return client.certificate.add({ thumbprint: 'ab', thumbprintAlgorithm: 'sha1', data: 'AAAA' });
}
