/**
 * A generated module as the client consumes it — what `npm run generate` writes to `index.ts`:
 * the operation table, the compiled validators, the hey-api SDK functions every call is sent
 * through, and hey-api's client factory (and, for the CLI's help, the operation docs).
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
  /** The generated SDK functions (`hey-api/sdk.gen.ts`), by the names the table gives. */
  readonly sdk: Readonly<Record<string, (...args: never[]) => unknown>>;
  /** hey-api's `createClient` of the same generation (`hey-api/client`). */
  readonly createClient: (...args: never[]) => unknown;
  readonly operationDocs?: OperationDocs;
}

/** A generated SDK function as the `send` step calls it (hey-api's `responseStyle: 'fields'`). */
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
  getConfig(): { readonly bodySerializer?: ((body: unknown) => unknown) | null };
}

/** hey-api's `createClient`, as the facade calls it. */
export type CreateHeyApiClient = (config: Record<string, unknown>) => HeyApiClient;
