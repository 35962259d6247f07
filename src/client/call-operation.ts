/**
 * One call of one operation, start to finish:
 * deprecation check → validate → build → send (attempts, retries) → read result or throw.
 */
import { checkDeprecation } from '../deprecation/deprecation-warnings.js';
import { BatchValidationError } from '../errors/batch-validation-error.js';
import { parseBatchError } from '../errors/parse-batch-error.js';
import { resolveRetryOptions } from '../retry/retry-options.js';
import { createRetryStrategy } from '../retry/retry-strategy.js';
import type { OperationSpec } from '../table/operation-table.js';
import { buildRequest } from './build-request.js';
import type { CallArguments } from './call-arguments.js';
import type { OperationCallOptions } from './client-options.js';
import type { ClientRuntime } from './client-runtime.js';
import { normalizeCall } from './normalize-call.js';
import { readHeaders } from './read-response.js';
import { readResult } from './read-result.js';
import { reconcileConflict } from './reconcile-conflict.js';
import { type SentResponse, sendRequest } from './send-request.js';
import { validateCall } from './validate-call.js';
import type { WireRequest } from './wire-request.js';

/** Checks, builds and sends a call; returns the raw response (2xx, or 404 for existence checks). */
export async function sendOperation(
  runtime: ClientRuntime,
  operation: OperationSpec,
  callArgs: CallArguments,
  nextLink?: string,
): Promise<{ request: WireRequest; sent: SentResponse }> {
  // Once per call: later pages of a list are the same call.
  const args = normalizeCall(operation, callArgs);
  if (nextLink === undefined) {
    checkDeprecation(operation, runtime.deprecationWarnings, runtime.onWarning);
    if (runtime.validation) validateCall(operation, runtime.validators, args);
  }
  const clientRequestId =
    typeof args.options.clientRequestId === 'string'
      ? args.options.clientRequestId
      : runtime.randomUUID();
  const built = buildRequest(operation, args, {
    baseUrl: runtime.baseUrl,
    clientRequestId,
    userAgent: runtime.userAgent,
  });
  const request = nextLink
    ? { ...built, url: checkNextLink(runtime.baseUrl, nextLink), body: undefined }
    : built;
  const call = args.options as OperationCallOptions;
  const sent = await sendRequest(request, {
    fetch: runtime.fetch,
    authorize: runtime.authorize,
    strategy: createRetryStrategy(callRetryOptions(runtime, call), {
      random: runtime.random,
      now: runtime.now,
    }),
    sleep: runtime.sleep,
    timeoutInMs: call.timeoutInMs ?? runtime.timeoutInMs,
    abortSignal: call.abortSignal,
    operation: `${operation.group}.${operation.method}`,
    readBody: operation.responseBody !== 'binary',
  });
  const ok =
    operation.successStatuses.includes(sent.status) || (sent.status >= 200 && sent.status < 300);
  if (ok || (operation.isExistenceCheck && sent.status === 404)) return { request, sent };
  const error = parseBatchError({
    status: sent.status,
    statusText: sent.statusText,
    headers: sent.headers,
    bodyText: sent.bodyText,
    operation: `${operation.group}.${operation.method}`,
    request,
  });
  const recovered = await reconcileConflict(runtime, operation, args, sent, error, callOperation);
  if (recovered) return { request, sent: recovered };
  throw error;
}

/** Calls a non-paged operation and returns what its method promises. */
export async function callOperation(
  runtime: ClientRuntime,
  operation: OperationSpec,
  args: CallArguments,
): Promise<unknown> {
  const { request, sent } = await sendOperation(runtime, operation, args);
  if (operation.isExistenceCheck) return sent.status !== 404;
  const headers = readHeaders(operation.responseHeaders, sent.headers);
  if (operation.responseBody === 'binary') {
    const response = sent.response;
    return {
      body: response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() }),
      headers,
      blob: () => response.blob(),
    };
  }
  if (operation.responseBody === 'json') {
    return readResult(operation, runtime.validators, sent, request);
  }
  if ((sent as { recoveredFromConflict?: boolean }).recoveredFromConflict) {
    return { ...headers, recoveredFromConflict: true };
  }
  return headers;
}

/** The client's retry options under the call's; a bad per-call value is a validation error. */
function callRetryOptions(runtime: ClientRuntime, call: OperationCallOptions) {
  try {
    return resolveRetryOptions(runtime.retry, call.retry);
  } catch (error) {
    throw new BatchValidationError([
      { path: 'options.retry', rule: 'retryOptions', message: (error as Error).message },
    ]);
  }
}

/**
 * Next-page links come from the response body; credentials must never follow one to another
 * host, so a link outside the account URL is refused.
 */
function checkNextLink(baseUrl: string, nextLink: string): string {
  const link = new URL(nextLink, `${baseUrl}/`);
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = link.pathname === basePath || link.pathname.startsWith(`${basePath}/`);
  if (link.origin !== base.origin || !inside) {
    throw new Error(`refusing to follow a next-page link outside the account URL (${link.origin})`);
  }
  return link.href;
}
