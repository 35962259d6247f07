/**
 * Resolves {@link BatchClientOptions} into a {@link ClientRuntime}: defaults applied, account URL
 * checked, credential turned into an authorizer, options validated up front.
 */
import { BatchValidationError } from '../errors/batch-validation-error.js';
import { resolveRetryOptions } from '../retry/retry-options.js';
import { sleep as defaultSleep } from '../retry/sleep.js';
import type { OperationDocs } from '../table/operation-docs.js';
import type { OperationTable } from '../table/operation-table.js';
import { VERSION } from '../version.js';
import { parseAccountUrl } from './account-url.js';
import { type BatchCredential, createAuthorizer } from './authorize.js';
import { UNSAFE_HEADER_VALUE } from './build-request.js';
import { type BatchClientOptions, DEFAULT_CLIENT_OPTIONS } from './client-options.js';
import type { ClientRuntime } from './client-runtime.js';
import type { ValidatorModule } from './validator-module.js';

/**
 * A generated module as the client consumes it: the operation table and its validators (and,
 * for the CLI's help, the operation docs).
 */
export interface GeneratedModule {
  readonly operations: OperationTable;
  readonly validators: ValidatorModule;
  readonly operationDocs?: OperationDocs;
}

const MODES = new Set(['once', 'always', 'off', 'error']);

export function createClientRuntime(
  accountUrl: string,
  credential: BatchCredential,
  options: BatchClientOptions,
  generated: GeneratedModule,
): ClientRuntime {
  const o = { ...DEFAULT_CLIENT_OPTIONS, ...stripUndefined(options) };
  if (!MODES.has(o.deprecationWarnings)) {
    throw new TypeError(`deprecationWarnings must be one of once, always, off, error`);
  }
  if (!(typeof o.timeoutInMs === 'number' && o.timeoutInMs > 0)) {
    throw new TypeError('timeoutInMs must be a positive number of milliseconds');
  }
  if (o.userAgentPrefix !== undefined && UNSAFE_HEADER_VALUE.test(o.userAgentPrefix)) {
    throw new BatchValidationError([
      {
        path: 'options.userAgentPrefix',
        rule: 'headerValue',
        message:
          'must not contain CR, LF, NUL, other control characters or characters above U+00FF',
      },
    ]);
  }
  resolveRetryOptions(o.retry); // validates now rather than at the first call
  const fetchImpl = o.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw new TypeError('no fetch available: pass options.fetch');
  const now = o.now ?? Date.now;
  const ua = `batch-rest-client/${VERSION}`;
  return {
    baseUrl: parseAccountUrl(accountUrl, o.allowInsecureConnection),
    table: generated.operations,
    validators: generated.validators,
    fetch: o.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    authorize: createAuthorizer(credential, now),
    deprecationWarnings: o.deprecationWarnings,
    onWarning: o.onWarning,
    validation: o.validation,
    userAgent: o.userAgentPrefix ? `${o.userAgentPrefix} ${ua}` : ua,
    now,
    random: o.random ?? Math.random,
    randomUUID: o.randomUUID ?? (() => globalThis.crypto.randomUUID()),
    sleep: o.sleep ?? defaultSleep,
    retry: o.retry ?? {},
    timeoutInMs: o.timeoutInMs,
    reconcileLostAdds: o.reconcileLostAdds,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
