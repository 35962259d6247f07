/**
 * Everything an operation method needs at run time, resolved once per client from
 * {@link BatchClientOptions} and the generated module.
 */
import type { RetryOptions } from '../retry/retry-options.js';
import type { Sleep } from '../retry/sleep.js';
import type { OperationTable } from '../table/operation-table.js';
import type { Authorizer } from './authorize.js';
import type { DeprecationWarningMode } from './client-options.js';
import type { ValidatorModule } from './validator-module.js';

export interface ClientRuntime {
  readonly baseUrl: string;
  readonly table: OperationTable;
  readonly validators: ValidatorModule;
  readonly fetch: typeof fetch;
  readonly authorize: Authorizer;
  readonly deprecationWarnings: DeprecationWarningMode;
  readonly onWarning?: (message: string, code: string) => void;
  readonly validation: boolean;
  readonly userAgent: string;
  readonly now: () => number;
  readonly random: () => number;
  readonly randomUUID: () => string;
  readonly sleep: Sleep;
  readonly retry: RetryOptions;
  readonly timeoutInMs: number;
  readonly reconcileLostAdds: boolean;
}
