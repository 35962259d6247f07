/**
 * Routes a request to an operation of the generated table by method and path template. The
 * account URL may have any host; its path is the emulator's path prefix (`''` by default), and
 * the operation path must follow it exactly: the emulator serves only its own paths.
 *
 * @module
 */

import { collectionSegments, isCollectionSegment } from '../table/collection-segments.js';
import type { OperationSpec, OperationTable } from '../table/operation-table.js';
import { BatchFault } from './batch-fault.js';
import { pathUnderPrefix } from './path-prefix.js';

/** A request matched to an operation. */
export interface RouteMatch {
  readonly operation: OperationSpec;
  /** Path parameters by wire name, percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Origin plus the path prefix (no trailing `/`). */
  readonly serviceRoot: string;
}

interface CompiledRoute {
  readonly operation: OperationSpec;
  /** The operation path alone, anchored at both ends. */
  readonly pattern: RegExp;
  /** The operation path after any prefix: finds an operation path in the wrong place. */
  readonly anywhere: RegExp;
  readonly names: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(operation: OperationSpec): CompiledRoute {
  const names: string[] = [];
  let source = '';
  let rest = operation.path;
  for (let match = /\{([^}]+)\}/.exec(rest); match; match = /\{([^}]+)\}/.exec(rest)) {
    source += `${escapeRegExp(rest.slice(0, match.index))}([^/(),]*)`;
    names.push(match[1]!);
    rest = rest.slice(match.index + match[0].length);
  }
  source += escapeRegExp(rest);
  return {
    operation,
    names,
    pattern: new RegExp(`^${source}$`, 'i'),
    anywhere: new RegExp(`^(.*?)${source}$`, 'i'),
  };
}

/**
 * Why a path that holds an operation path after the wrong prefix has no operation: an operation
 * path given twice (an account URL that already ends in `/certificates`), or a prefix this
 * emulator was not told to serve. `undefined` when no operation path ends the path.
 */
function misplacedReason(
  pathname: string,
  routes: readonly CompiledRoute[],
  pathPrefix: string,
  collections: readonly string[],
): string | undefined {
  for (const route of routes) {
    const before = route.anywhere.exec(pathname)?.[1];
    if (before === undefined || before === pathPrefix) continue;
    const repeated = before.split('/').find((s) => isCollectionSegment(s, collections));
    if (repeated !== undefined) {
      return (
        `The path holds '/${repeated}' before the operation path: the account URL given to the ` +
        'client must not include an operation path.'
      );
    }
    const served =
      pathPrefix === '' ? 'at the root of its URL' : `under the path prefix '${pathPrefix}'`;
    const found = before === '' ? 'is at the root of the URL' : `follows '${before}'`;
    return (
      `The operation path ${found}, but this emulator serves its operations ${served}; ` +
      'to serve them under a gateway path, set the emulator option pathPrefix ' +
      '(batch-rest emulator --path-prefix).'
    );
  }
  return undefined;
}

/**
 * Builds a router over every operation of `table`.
 *
 * @param pathPrefix - a prefix checked by `checkPathPrefix`; default `''` (the root)
 * @returns A function that routes a request, or throws `BatchFault` `UnsupportedHttpVerb` (the
 *   path exists for other methods; `Allow` lists them), `InvalidUri` (a path no operation has
 *   under one of the API's collections, an operation path after another prefix — with a `Reason`
 *   — or a path outside the prefix: the table holds every operation of those collections, so the
 *   service has none either) or `UnsupportedByEmulator` (any other path under the prefix: the
 *   rest of the Batch API — pools, jobs, … — is not emulated, so the emulator cannot say the
 *   service would refuse it).
 */
export function createRouter(
  table: OperationTable,
  pathPrefix = '',
): (method: string, url: URL) => RouteMatch {
  const routes = Object.values(table).map(compile);
  const collections = collectionSegments(table);
  const emulated = Object.values(table)
    .map((operation) => operation.operationId)
    .sort()
    .join(', ');
  return (method, url) => {
    const rest = pathUnderPrefix(url.pathname, pathPrefix);
    const allowed = new Set<string>();
    for (const route of routes) {
      const found = rest === undefined ? null : route.pattern.exec(rest);
      if (!found) continue;
      if (route.operation.httpMethod.toUpperCase() !== method.toUpperCase()) {
        allowed.add(route.operation.httpMethod.toUpperCase());
        continue;
      }
      const pathParams: Record<string, string> = {};
      for (const [index, name] of route.names.entries()) {
        try {
          pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
        } catch {
          throw new BatchFault('InvalidUri', [
            { key: 'Reason', value: `The path segment for '${name}' is not correctly encoded.` },
          ]);
        }
      }
      return { operation: route.operation, pathParams, serviceRoot: url.origin + pathPrefix };
    }
    if (allowed.size > 0) {
      throw new BatchFault('UnsupportedHttpVerb', [], {
        headers: { Allow: [...allowed].join(', ') },
      });
    }
    const misplaced = misplacedReason(url.pathname, routes, pathPrefix, collections);
    if (misplaced !== undefined)
      throw new BatchFault('InvalidUri', [{ key: 'Reason', value: misplaced }]);
    if (rest === undefined) {
      throw new BatchFault('InvalidUri', [
        {
          key: 'Reason',
          value: `The path is not under the emulator's path prefix '${pathPrefix}'.`,
        },
      ]);
    }
    if (isCollectionSegment(rest.split('/')[1] ?? '', collections))
      throw new BatchFault('InvalidUri');
    throw new BatchFault('UnsupportedByEmulator', [], {
      message:
        `The Batch emulator does not support ${method.toUpperCase()} ${url.pathname}: it ` +
        `emulates only the certificate operations (${emulated}).`,
    });
  };
}
