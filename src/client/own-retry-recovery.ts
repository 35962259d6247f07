/**
 * Safe retries of state-changing calls. When an earlier attempt of a call may have taken effect
 * (it was sent and got no answer, or a 500/502/504) and the client's own retry then meets the
 * answer that earlier attempt caused, the call has in fact done what the caller asked. The client
 * reads the resource back and resolves the call, flagged as recovered, only when the state the
 * caller asked for holds:
 *
 * | operation (`retryRecovery.expect`) | answer on the retry | read back must show |
 * | --- | --- | --- |
 * | a create (`created`) | `409 …Exists` | the resource sent (same keys), `active` when it has a state |
 * | a delete (`deleted`) | `404`, or `409` | nothing (404), or a state of `deleting` |
 * | an action (`{ state }`) | `409` | that state (cancelDeletion: `active`) |
 *
 * Anything else — the same answer on the first attempt, a different resource, a failed read —
 * keeps the original error. Which operations qualify is in the operation table (derived from the
 * API's shape for creates and deletes; stated in the overlay for actions). Switched by
 * `reconcileLostAdds`.
 *
 * @module
 */
import { isBatchAbortError, isBatchServiceError } from '../errors/guards.js';
import type { AttemptRecord } from '../pipeline/pipeline-policy.js';
import type { OperationSpec } from '../table/operation-table.js';
import type { ClientRuntime } from './client-runtime.js';
import { isSameResource, readBackKeys } from './read-back-keys.js';
import { readHeaders } from './response-headers.js';
import { newAttemptRecord, type PreparedCall, prepareCall, sendRequest } from './send-call.js';

/** A call resolved by the read-back: its result headers and which answer it recovered from. */
export interface Recovered {
  readonly headers: Record<string, unknown>;
  readonly recovered: 'conflict' | 'notFound';
}

/**
 * Resolves `error` as a recovered success, or rethrows it.
 *
 * @param attempts - the failed request's attempt record (whether an earlier attempt may have landed)
 */
export async function recoverOwnRetry(
  runtime: ClientRuntime,
  call: PreparedCall,
  attempts: AttemptRecord,
  error: unknown,
): Promise<Recovered> {
  const recovery = call.operation.retryRecovery;
  const reader = recovery ? runtime.generated.operations[recovery.read] : undefined;
  if (
    !runtime.reconcileLostAdds ||
    !recovery ||
    !reader ||
    !attempts.earlierMayHaveTakenEffect ||
    !isBatchServiceError(error) ||
    !isOwnRetryAnswer(recovery.expect, error.statusCode, error.code)
  ) {
    throw error;
  }
  const recovered = error.statusCode === 404 ? 'notFound' : 'conflict';
  const { path, keys } = readBackKeys(call.operation, reader, call.args);
  // The read runs under the call's own abort signal, retry policy, timeout and onResponse.
  const { abortSignal, retry, timeoutInMs, onResponse } = call.args.options;
  const options = { abortSignal, retry, timeoutInMs, onResponse };
  let resource: Record<string, unknown> | undefined;
  let headers: Headers;
  try {
    const read = prepareCall(runtime, reader, { path, options: withoutUndefined(options) }, false);
    const sent = await sendRequest(runtime, read, newAttemptRecord());
    resource = sent.data as Record<string, unknown> | undefined;
    headers = sent.response.headers;
  } catch (readError) {
    // The caller's abort stays an abort; a resource that is gone is what a delete asked for; any
    // other failed read leaves the answer unexplained.
    if (isBatchAbortError(readError)) throw readError;
    if (
      recovery.expect === 'deleted' &&
      isBatchServiceError(readError) &&
      readError.statusCode === 404
    ) {
      return { headers: idsOf(call.operation, readError), recovered };
    }
    throw error;
  }
  if (!holds(recovery.expect, resource, keys)) throw error;
  // The result's headers are the read-back's (for a create: the resource's ETag, Last-Modified).
  return { headers: readHeaders(call.operation.responseHeaders, headers), recovered };
}

type Expectation = NonNullable<OperationSpec['retryRecovery']>['expect'];

/** Whether an error answer on a retry can be the trace of an earlier attempt. */
function isOwnRetryAnswer(expect: Expectation, status: number, code: string | undefined): boolean {
  if (expect === 'created') return status === 409 && code?.endsWith('Exists') === true;
  if (expect === 'deleted') return status === 404 || status === 409;
  return status === 409;
}

/** Whether the resource read back is in the state the caller asked for. */
function holds(
  expect: Expectation,
  resource: Record<string, unknown> | undefined,
  keys: Readonly<Record<string, unknown>>,
): boolean {
  if (expect === 'created') {
    return (
      isSameResource(resource, keys) &&
      (resource?.state === undefined || resource.state === 'active')
    );
  }
  if (expect === 'deleted') return resource?.state === 'deleting';
  return resource?.state === expect.state;
}

/** The declared result headers that a 404's request ids fill. */
function idsOf(
  operation: OperationSpec,
  error: { requestId?: string; clientRequestId?: string },
): Record<string, unknown> {
  const headers = new Headers();
  if (error.requestId) headers.set('request-id', error.requestId);
  if (error.clientRequestId) headers.set('client-request-id', error.clientRequestId);
  return readHeaders(operation.responseHeaders, headers);
}

function withoutUndefined(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
