/**
 * `lostAddReadBack`: safe retry of creates (Certificate Add is a POST). When an earlier attempt of
 * the request may have taken effect (no answer, or a 500/502/504 answer) and the client's own retry
 * answers `409 …Exists`, the earlier attempt most likely succeeded. Reading the resource back tells
 * the two apart: if it is the one sent (same key properties, and `active` when it has a state), the
 * call resolves, flagged `recoveredFromConflict`, with the read-back's response headers. Anything else — a 409 on the first attempt, a
 * different resource, a failed read — surfaces the 409. Switched by `reconcileLostAdds`.
 */
import { isBatchAbortError, isBatchServiceError } from '../../errors/guards.js';
import { type CallStep, newCall, type Sent } from '../call.js';
import type { OperationCallOptions } from '../client-options.js';
import type { ClientRuntime } from '../client-runtime.js';
import { isSameResource, readBackKeys } from '../read-back-keys.js';

export function lostAddStep(runtime: ClientRuntime): CallStep {
  return {
    name: 'lostAddReadBack',
    async run(call, next) {
      try {
        return await next(call);
      } catch (error) {
        const check = call.operation.conflictCheck;
        const getter = check ? runtime.generated.operations[check.operationId] : undefined;
        if (
          !runtime.reconcileLostAdds ||
          !getter ||
          call.args.body === undefined ||
          !isBatchServiceError(error) ||
          error.statusCode !== 409 ||
          !error.code?.endsWith('Exists') ||
          !call.state.earlierAttemptMayHaveTakenEffect
        ) {
          throw error;
        }
        const { path, keys } = readBackKeys(call.operation, getter, call.args);
        // The read-back runs under the call's own abort signal, retry policy and timeout.
        const { abortSignal, retry, timeoutInMs } = call.args.options as OperationCallOptions;
        let read: Sent;
        try {
          const options = { abortSignal, retry, timeoutInMs };
          read = await runtime.call(newCall(getter, { path, options }, { readBack: true }));
        } catch (readError) {
          // The caller's abort stays an abort; any other failed read leaves the 409 unexplained.
          if (isBatchAbortError(readError)) throw readError;
          throw error;
        }
        const resource = read.data as Record<string, unknown> | undefined;
        const active = resource?.state === undefined || resource.state === 'active';
        if (!isSameResource(resource, keys) || !active) throw error;
        // The result's headers are the read-back's (the resource's ETag and Last-Modified).
        return { data: undefined, response: read.response, recoveredFromConflict: true };
      }
    },
  };
}
