/**
 * Turns one operation-table entry into a client method. Arguments: the path parameters in spec
 * order, then the body (if the operation has one), then the options bag.
 */
import type { OperationSpec } from '../table/operation-table.js';
import type { CallArguments } from './call-arguments.js';
import { callOperation, sendOperation } from './call-operation.js';
import type { ClientRuntime } from './client-runtime.js';
import { createPagedIterable, type Page } from './paging.js';
import { readResult } from './read-result.js';

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
        const { request, sent } = await sendOperation(runtime, operation, callArgs, link);
        const page = readResult(operation, runtime.validators, sent, request) as Record<
          string,
          unknown
        >;
        const items = page[itemName];
        const next = nextLinkName ? page[nextLinkName] : undefined;
        return {
          items: Array.isArray(items) ? items : [],
          nextLink: typeof next === 'string' && next !== '' ? next : undefined,
        };
      });
    };
  }
  return (...args) => callOperation(runtime, operation, split(args));
}
