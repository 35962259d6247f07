/**
 * Turns one operation-table entry into a client method. Arguments: the path parameters in spec
 * order, then the body (if the operation has one), then the options bag. What the method returns
 * comes from the table: a boolean for an existence check, a download, a lazy paged list, the JSON
 * result (dates as `Date`), or the typed response headers.
 *
 * @module
 */
import { BatchResponseError } from '../errors/batch-response-error.js';
import { BatchValidationError } from '../errors/batch-validation-error.js';
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
  const taken = pathParams.length + (operation.body ? 1 : 0) + 1;
  /** @throws BatchValidationError for an argument past the options bag (it would be dropped) */
  const split = (args: unknown[]): CallArguments => {
    if (args.slice(taken).some((arg) => arg !== undefined)) {
      const names = [
        ...pathParams.map((p) => p.clientName),
        ...(operation.body ? [operation.body.clientName] : []),
        'options',
      ];
      throw new BatchValidationError([
        {
          path: 'arguments',
          rule: 'arity',
          message: `${operation.group}.${operation.method} takes at most ${taken} arguments (${names.join(', ')}); got ${args.length}`,
        },
      ]);
    }
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
  const size = pageSizeParameter(operation);
  return (...args) => {
    let given: CallArguments;
    try {
      given = split(args);
    } catch (error) {
      // Like every other invalid argument of a list, reported when the iteration starts.
      return createPagedIterable(operation, {}, () => () => Promise.reject(error));
    }
    return createPagedIterable(operation, given.options, (settings) => {
      // Each run (an iteration, or one byPage()) is a call of its own: prepared (warned,
      // validated) when its first page is fetched, with its own page size.
      const options =
        settings.maxPageSize !== undefined && size
          ? { ...given.options, [size.clientName]: settings.maxPageSize }
          : given.options;
      const pageSize = size && options[size.clientName];
      const onLinks =
        size && pageSize !== undefined
          ? {
              name: size.wireName,
              value: String(pageSize),
              replace: settings.maxPageSize !== undefined,
            }
          : undefined;
      let call: ReturnType<typeof prepareCall> | undefined;
      return async (link) => {
        call ??= prepareCall(runtime, operation, { ...given, options });
        const { data, response } = await sendRequest(
          runtime,
          call,
          newAttemptRecord(),
          link,
          link === undefined ? undefined : onLinks,
        );
        return pageOf(operation, data, response, itemName, nextLinkName);
      };
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
