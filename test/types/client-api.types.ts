/**
 * Type tests: compiled by `npm run typecheck` (never run). Each `@ts-expect-error` fails the build
 * if the line it marks ever type-checks, so the public signatures are pinned.
 */
import {
  BatchClient,
  BatchSharedKeyCredential,
  type Certificate,
  type CertificateAddHeaders,
  isBatchServiceError,
  type PipelinePolicy,
  type PipelineRequest,
} from '../../src/index.js';

declare const client: BatchClient;
const body = {
  thumbprint: 'ab',
  thumbprintAlgorithm: 'sha1' as const,
  data: 'AAAA',
  certificateFormat: 'cer' as const,
};

export async function typeTests(): Promise<void> {
  const headers: CertificateAddHeaders = await client.certificate.add(body, {
    timeout: 30,
    clientRequestId: '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0',
    returnClientRequestId: true,
    ocpDate: new Date(),
    abortSignal: AbortSignal.timeout(1000),
    retry: { maxRetries: 0 },
    timeoutInMs: 5000,
  });
  const lastModified: Date | undefined = headers.lastModified;
  const eTag: string | undefined = headers.eTag;
  const recovered: boolean | undefined = headers.recoveredFromConflict;

  const certificate: Certificate = await client.certificate.get('sha1', 'ab', {
    select: 'thumbprint',
  });
  // Dates in models are Dates (the Azure SDK convention), through hey-api's transformers.
  const changed: Date | undefined = certificate.stateTransitionTime;
  const before: Date | undefined = certificate.previousStateTransitionTime;
  // @ts-expect-error stateTransitionTime is a Date, not the wire string
  const asText: string | undefined = certificate.stateTransitionTime;
  void [changed, before, asText];
  for await (const item of client.certificate.list({
    filter: "state eq 'active'",
    maxResults: 10,
  })) {
    const thumbprint: string | undefined = item.thumbprint;
    void thumbprint;
  }
  for await (const page of client.certificate.list().byPage()) {
    const first: Certificate | undefined = page[0];
    void first;
  }
  const deleted = await client.certificate.delete('sha1', 'ab');
  const requestId: string | undefined = deleted.requestId;
  await client.certificate.cancelDeletion('sha1', 'ab');

  // @ts-expect-error the body is required
  await client.certificate.add();
  // @ts-expect-error thumbprintAlgorithm is required
  await client.certificate.add({ thumbprint: 'ab', data: 'AAAA' });
  // @ts-expect-error certificateFormat is 'cer' | 'pfx'
  await client.certificate.add({ ...body, certificateFormat: 'p12' });
  // @ts-expect-error thumbprintAlgorithm is 'sha1' (the overlay's enum reaches the types)
  await client.certificate.add({ ...body, thumbprintAlgorithm: 'sha256' });
  // @ts-expect-error ocpDate is a Date
  await client.certificate.add(body, { ocpDate: 'Mon, 01 Jul 2024 00:00:00 GMT' });
  // @ts-expect-error timeout is a number
  await client.certificate.get('sha1', 'ab', { timeout: '30' });
  // @ts-expect-error get needs both path arguments
  await client.certificate.get('sha1');
  // @ts-expect-error no such operation
  await client.certificate.update('sha1', 'ab');
  // @ts-expect-error delete returns headers, not a Certificate
  const notACertificate: Certificate = await client.certificate.delete('sha1', 'ab');

  const error: unknown = undefined;
  if (isBatchServiceError(error)) {
    const code: string | undefined = error.code;
    const status: number = error.statusCode;
    void code;
    void status;
  }
  void [lastModified, eTag, recovered, certificate, requestId, notACertificate];
  new BatchClient('https://a.b.batch.azure.com', new BatchSharedKeyCredential('a', 'AAAA'), {
    deprecationWarnings: 'off',
    // @ts-expect-error not a mode
    validation: 'sometimes',
  });
  const policy: PipelinePolicy = {
    name: 'p',
    sendRequest: (request: PipelineRequest, next) => {
      const operation: string = request.operation;
      const headers: Headers = request.headers;
      void [operation, headers];
      return next(request);
    },
  };
  new BatchClient('https://a.b.batch.azure.com', new BatchSharedKeyCredential('a', 'AAAA'), {
    additionalPolicies: [
      { policy, position: 'perCall' },
      { policy, position: 'perRetry' },
      // @ts-expect-error the positions are perCall and perRetry
      { policy, position: 'perAttempt' },
    ],
  });
}
