/**
 * Turns one operation-table entry into a client method. Arguments: the path parameters in spec
 * order, then the body (if the operation has one), then the options bag. What the method returns
 * comes from the table: a boolean for an existence check, a download, a lazy paged list, the JSON
 * result (dates as `Date`), or the typed response headers.
 */
import type { OperationSpec } from '../table/operation-table.js';
import { newCall, type Sent } from './call.js';
import type { CallArguments } from './call-arguments.js';
import type { ClientRuntime } from './client-runtime.js';
import { createPagedIterable, type Page } from './paging.js';
import { readHeaders } from './response-headers.js';

export type OperationMethod = (...args: unknown[]) => unknown;

export function createOperationMethod(
  runtime: ClientRuntime,
  operation: OperationSpec,
): OperationMethod {
  const pathParams = operation.parameters.filter((p) => p.location === 'path');
  const split = (args: unknown[]): CallArguments => {
    const path: Record<string, unknown> = {};
    pathParams.forEach((p, i) => {
      path[p.clientName] = args[i];
    });
    let index = pathParams.length;
    const body = operation.body ? args[index++] : undefined;
    const options = (args[index] ?? {}) as Record<string, unknown>;
    return { path, body, options };
  };
  if (operation.pageable) {
    const { nextLinkName, itemName } = operation.pageable;
    return (...args) => {
      const callArgs = split(args);
      return createPagedIterable(async (link): Promise<Page<unknown>> => {
        const { data } = await runtime.call(newCall(operation, callArgs, { nextLink: link }));
        const page = (data ?? {}) as Record<string, unknown>;
        const items = page[itemName];
        const next = nextLinkName ? page[nextLinkName] : undefined;
        return {
          items: Array.isArray(items) ? items : [],
          nextLink: typeof next === 'string' && next !== '' ? next : undefined,
        };
      });
    };
  }
  return async (...args) =>
    resultOf(operation, await runtime.call(newCall(operation, split(args))));
}

/** What a non-paged method resolves to. */
function resultOf(operation: OperationSpec, sent: Sent): unknown {
  const { response } = sent;
  if (operation.isExistenceCheck) return response.status !== 404;
  const headers = readHeaders(operation.responseHeaders, response.headers);
  if (operation.responseBody === 'binary') {
    return {
      body:
        (sent.data as ReadableStream<Uint8Array> | null | undefined) ??
        new ReadableStream<Uint8Array>({ start: (c) => c.close() }),
      headers,
      blob: () => response.blob(),
    };
  }
  if (operation.responseBody === 'json') return sent.data;
  return sent.recoveredFromConflict ? { ...headers, recoveredFromConflict: true } : headers;
}
