/**
 * A generated module as the client consumes it — what `npm run generate` writes to `index.ts`:
 * the operation table, the compiled validators, the hey-api SDK every call is sent through (a
 * class, `BatchSdk`, whose methods are the operations' SDK functions), and hey-api's client
 * factory (and, for the CLI's help, the operation docs).
 */
import type { OperationDocs } from '../table/operation-docs.js';
import type { OperationTable } from '../table/operation-table.js';
import type { ValidatorModule } from './validator-module.js';

/**
 * The module {@link createBatchClient} builds a client over: `import * as generated from
 * './my-batch/index.js'` after `npm run generate -- --spec … --out my-batch`.
 */
export interface GeneratedModule {
  readonly operations: OperationTable;
  readonly validators: ValidatorModule;
  /**
   * The generated SDK (`hey-api/sdk.gen.ts`): hey-api's SDK class, one method per operation under
   * the name the table gives (`sdkFunction`). The client makes one instance per client, bound to
   * its hey-api client, so no call passes hey-api's client in its options — where hey-api would
   * hand it to `new Request()`, which Deno reads as its own `client` option and refuses.
   */
  readonly sdk: { readonly BatchSdk: new (args: { client: never }) => object };
  /** hey-api's `createClient` of the same generation (`hey-api/client`). */
  readonly createClient: (...args: never[]) => unknown;
  readonly operationDocs?: OperationDocs;
}

/** A generated SDK method as the send path calls it (hey-api's `responseStyle: 'fields'`). */
export type SdkFunction = (options: Record<string, unknown>) => Promise<SdkResult>;

/** What a generated SDK function resolves to with `throwOnError: false`. */
export interface SdkResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly request?: Request;
  readonly response?: Response;
}

/** The parts of a hey-api client the facade uses. */
export interface HeyApiClient {
  getConfig(): Record<string, unknown>;
}

/** hey-api's `createClient`, as the facade calls it. */
export type CreateHeyApiClient = (config: Record<string, unknown>) => HeyApiClient;
