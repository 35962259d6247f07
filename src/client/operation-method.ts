/**
 * Turns one operation-table entry into a client method. Arguments: the path parameters in spec
 * order, then the body (if the operation has one), then the options bag. What the method returns
 * comes from the table: a boolean for an existence check, a download, a lazy paged list, the JSON
 * result (dates as `Date`), or the typed response headers.
 *
 * @module
 */
import { BatchResponseError } from '../errors/batch-response-error.js';
import { responseIds } from '../errors/response-ids.js';
import type { OperationSpec } from '../table/operation-table.js';
import type { CallArguments } from './call-arguments.js';
import type { ClientRuntime } from './client-runtime.js';
import { recoverOwnRetry } from './own-retry-recovery.js';
import { createPagedIterable, type FetchedPage, pageSizeParameter } from './paging.js';
import { readHeaders } from './response-headers.js';
import { newAttemptRecord, prepareCall, type Sent, sendRequest } from './send-call.js';

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
  if (operation.pageable) return pagedMethod(runtime, operation, split);
  return async (...args) => {
    const call = prepareCall(runtime, operation, split(args));
    const attempts = newAttemptRecord();
    let sent: Sent;
    try {
      sent = await sendRequest(runtime, call, attempts);
    } catch (error) {
      const { headers, recovered } = await recoverOwnRetry(runtime, call, attempts, error);
      const flag = recovered === 'conflict' ? 'recoveredFromConflict' : 'recoveredFromNotFound';
      return { ...headers, [flag]: true };
    }
    return resultOf(operation, sent);
  };
}

function pagedMethod(
  runtime: ClientRuntime,
  operation: OperationSpec,
  split: (args: unknown[]) => CallArguments,
): OperationMethod {
  const { nextLinkName, itemName } = operation.pageable!;
  const sizeName = pageSizeParameter(operation);
  return (...args) => {
    const given = split(args);
    let call: ReturnType<typeof prepareCall> | undefined;
    return createPagedIterable(operation, given.options, async (link, settings) => {
      // Prepared (warned, validated) once, when the first page is fetched.
      if (!call) {
        const size = settings.maxPageSize;
        const options =
          size !== undefined && sizeName ? { ...given.options, [sizeName]: size } : given.options;
        call = prepareCall(runtime, operation, { ...given, options });
      }
      const size = settings.maxPageSize;
      const extraQuery: Record<string, string> =
        size !== undefined && link !== undefined ? { maxresults: String(size) } : {};
      const { data, response } = await sendRequest(
        runtime,
        call,
        newAttemptRecord(),
        link,
        extraQuery,
      );
      return pageOf(operation, data, response, itemName, nextLinkName);
    });
  };
}

/** A page's items and next link; a page without its item array cannot be a page of the list. */
function pageOf(
  operation: OperationSpec,
  data: unknown,
  response: Response,
  itemName: string,
  nextLinkName: string | null,
): FetchedPage<unknown> {
  const page = data as Record<string, unknown>;
  const items = page?.[itemName];
  if (!Array.isArray(items)) {
    throw new BatchResponseError({
      problem: 'unexpectedShape',
      issues: [
        {
          path: itemName,
          message: `must be an array: a page of a list always has one (an empty page is "${itemName}": [])`,
        },
      ],
      statusCode: response.status,
      expected: operation.responseSchema,
      ...responseIds(response.headers),
      operation: `${operation.group}.${operation.method}`,
    });
  }
  const next = nextLinkName ? page[nextLinkName] : undefined;
  return { items, nextLink: typeof next === 'string' && next !== '' ? next : undefined };
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
  return headers;
}
