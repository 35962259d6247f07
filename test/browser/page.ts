/**
 * The browser side of `npm run test:browser`, bundled by esbuild for the browser platform from the
 * package's own entries (`batch-rest-client` and the browser build of `/certificates`): builds a
 * certificate from PEM bytes (SHA-1 by WebCrypto), then a Shared Key signed `certificate.add` and
 * `certificate.get` over the page's real fetch to the test server, which is the page's origin.
 */
import {
  BatchClient,
  BatchSharedKeyCredential,
  isBatchServiceError,
  VERSION,
} from 'batch-rest-client';
import { certificateFromBytes } from 'batch-rest-client/certificates';

/** What the page reports to the test (read with `page.evaluate`). */
export interface PageOutcome {
  ok: boolean;
  error?: string;
  version?: string;
  hasProcess?: boolean;
  thumbprint?: string;
  requestId?: string;
  state?: string;
}

interface PageConfig {
  account: string;
  key: string;
}

async function run(): Promise<PageOutcome> {
  const config = (await (await fetch('/config.json')).json()) as PageConfig;
  const pem = new Uint8Array(await (await fetch('/certificate.pem')).arrayBuffer());
  const certificate = await certificateFromBytes(pem);
  const client = new BatchClient(
    location.origin,
    new BatchSharedKeyCredential(config.account, config.key),
    { allowInsecureConnection: true, retry: { maxRetries: 0 } },
  );
  const added = await client.certificate.add(certificate);
  const got = await client.certificate.get('sha1', certificate.thumbprint);
  return {
    ok: true,
    version: VERSION,
    hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    thumbprint: certificate.thumbprint,
    ...(added.requestId === undefined ? {} : { requestId: added.requestId }),
    ...(got.state === undefined ? {} : { state: got.state }),
  };
}

const outcome = run().catch(
  (error: unknown): PageOutcome => ({
    ok: false,
    error: isBatchServiceError(error)
      ? `${error.statusCode} ${error.code}: ${error.message}`
      : String(error instanceof Error ? (error.stack ?? error.message) : error),
  }),
);
(globalThis as { batchOutcome?: Promise<PageOutcome> }).batchOutcome = outcome;
