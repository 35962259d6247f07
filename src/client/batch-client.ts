/**
 * The client users import. Its groups and methods come from the generated operation table
 * (`client.certificate.add`, ...); its types from the generated client surface.
 */
import type { OperationGroups } from '../../generated/client-api.js';
import type { BatchCredential } from '../pipeline/sign-phase.js';
import type { BatchClientOptions, OperationCallOptions } from './client-options.js';
import { createClientRuntime } from './client-runtime.js';
import { createOperationGroups } from './create-operation-groups.js';
import type { GeneratedModule } from './generated-module.js';
import { shippedModule } from './shipped-module.js';

/** The generated operation groups, typed; created from the operation table in the constructor. */
export interface BatchClient extends OperationGroups<OperationCallOptions> {}

/**
 * A client for the Azure Batch REST API (API version `2024-07-01.20.0`).
 *
 * @example
 * ```ts
 * const client = new BatchClient(
 *   'https://myaccount.westus.batch.azure.com',
 *   new BatchSharedKeyCredential('myaccount', process.env.BATCH_ACCOUNT_KEY!),
 * );
 * for await (const certificate of client.certificate.list()) console.log(certificate.thumbprint);
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface above.
export class BatchClient {
  /**
   * @param accountUrl - the account's URL, e.g. `https://myaccount.westus.batch.azure.com`
   *   (`https:` only, unless `allowInsecureConnection`; no query or fragment)
   * @param credential - a {@link BatchSharedKeyCredential}, an `AzureNamedKeyCredential` from
   *   `@azure/core-auth` (account name and key; `update()` rotates the key for the next request),
   *   or any `TokenCredential` such as `DefaultAzureCredential` from `@azure/identity`
   * @param options - see {@link BatchClientOptions}
   */
  constructor(accountUrl: string, credential: BatchCredential, options: BatchClientOptions = {}) {
    const runtime = createClientRuntime(accountUrl, credential, options, shippedModule);
    Object.assign(this, createOperationGroups(runtime));
  }
}

/**
 * Builds a client over any generated module (its operation table, validators, SDK functions and
 * hey-api client factory: everything `npm run generate` exports from its `index.ts`), typed by the
 * module's `OperationGroups`. The shipped {@link BatchClient} is this over the certificates spec.
 *
 * @example
 * ```ts
 * import * as generated from './my-generated/index.js';
 * import type { OperationGroups } from './my-generated/client-api.js';
 * const client = createBatchClient<OperationGroups<OperationCallOptions>>(generated, url, credential);
 * ```
 */
export function createBatchClient<Groups>(
  generated: GeneratedModule,
  accountUrl: string,
  credential: BatchCredential,
  options: BatchClientOptions = {},
): Groups {
  const runtime = createClientRuntime(accountUrl, credential, options, generated);
  return createOperationGroups(runtime) as Groups;
}
