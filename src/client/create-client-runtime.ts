/**
 * Resolves {@link BatchClientOptions} into a {@link ClientRuntime}: defaults applied, account URL
 * checked, credential turned into an authorizer, options validated up front.
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { resolveRetryOptions } from '../retry/retry-options.js';
import { sleep as defaultSleep } from '../retry/sleep.js';
import type { OperationDocs } from '../table/operation-docs.js';
import type { OperationTable } from '../table/operation-table.js';
import { VERSION } from '../version.js';
import { parseAccountUrl } from './account-url.js';
import { type BatchCredential, createAuthorizer } from './authorize.js';
import { headerValueIssue, UNSAFE_HEADER_VALUE } from './build-request.js';
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
  const issues = checkClientOptions(o);
  if (issues.length > 0) throw new BatchValidationError(issues);
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

/** Every bad client option, reported together like any other invalid argument. */
function checkClientOptions(o: BatchClientOptions): BatchValidationIssue[] {
  const issues: BatchValidationIssue[] = [];
  if (!MODES.has(o.deprecationWarnings ?? 'once')) {
    issues.push({
      path: 'options.deprecationWarnings',
      rule: 'enum',
      message: 'must be one of "once", "always", "off", "error"',
    });
  }
  if (!(typeof o.timeoutInMs === 'number' && o.timeoutInMs > 0)) {
    issues.push({
      path: 'options.timeoutInMs',
      rule: 'range',
      message: 'must be a positive number of milliseconds',
    });
  }
  if (o.userAgentPrefix !== undefined && UNSAFE_HEADER_VALUE.test(o.userAgentPrefix)) {
    issues.push(headerValueIssue('options.userAgentPrefix'));
  }
  try {
    resolveRetryOptions(o.retry);
  } catch (error) {
    issues.push({ path: 'options.retry', rule: 'retryOptions', message: (error as Error).message });
  }
  if (typeof (o.fetch ?? globalThis.fetch) !== 'function') {
    issues.push({
      path: 'options.fetch',
      rule: 'type',
      message: 'must be a fetch function (none is available globally)',
    });
  }
  return issues;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
