/**
 * Bundle-size consumer (ours): create a client with a Shared Key credential and add a certificate.
 * Bundled minified for browsers by `build-bundles.ts`; never run.
 */
import { BatchClient, BatchSharedKeyCredential } from '../../src/index.js';

export async function addCertificate(accountUrl: string, accountKey: string): Promise<unknown> {
  const client = new BatchClient(accountUrl, new BatchSharedKeyCredential('account', accountKey));
  return client.certificate.add({ thumbprint: 'ab', thumbprintAlgorithm: 'sha1', data: 'AAAA' });
}
