/**
 * Routes a request to an operation of the generated table by method and path template. The
 * account URL may have any host and any path prefix; the operation path is matched at the end.
 *
 * @module
 */

import type { OperationSpec, OperationTable } from '../table/operation-table.js';
import { BatchFault } from './batch-fault.js';

/** A request matched to an operation. */
export interface RouteMatch {
  readonly operation: OperationSpec;
  /** Path parameters by wire name, percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Origin plus the path prefix before the operation path (no trailing `/`). */
  readonly serviceRoot: string;
}

interface CompiledRoute {
  readonly operation: OperationSpec;
  readonly pattern: RegExp;
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
  return { operation, names, pattern: new RegExp(`^(.*?)${source}$`, 'i') };
}

/** A path under the certificates collection: `…/certificates`, `…/certificates(…)…`. */
const CERTIFICATE_PATH = /\/certificates(?:[(/]|$)/i;

/**
 * Builds a router over every operation of `table`.
 *
 * @returns A function that routes a request, or throws `BatchFault` `UnsupportedHttpVerb` (the
 *   path exists for other methods; `Allow` lists them), `InvalidUri` (a certificates path that no
 *   operation has: the table holds every certificate operation of the spec, so the service has
 *   none either) or `UnsupportedByEmulator` (any other path: the rest of the Batch API — pools,
 *   jobs, … — is not emulated, so the emulator cannot say the service would refuse it).
 */
export function createRouter(table: OperationTable): (method: string, url: URL) => RouteMatch {
  const routes = Object.values(table).map(compile);
  const emulated = Object.values(table)
    .map((operation) => operation.operationId)
    .sort()
    .join(', ');
  return (method, url) => {
    const allowed = new Set<string>();
    for (const route of routes) {
      const found = route.pattern.exec(url.pathname);
      if (!found) continue;
      if (route.operation.httpMethod.toUpperCase() !== method.toUpperCase()) {
        allowed.add(route.operation.httpMethod.toUpperCase());
        continue;
      }
      const pathParams: Record<string, string> = {};
      for (const [index, name] of route.names.entries()) {
        try {
          pathParams[name] = decodeURIComponent(found[index + 2] ?? '');
        } catch {
          throw new BatchFault('InvalidUri', [
            { key: 'Reason', value: `The path segment for '${name}' is not correctly encoded.` },
          ]);
        }
      }
      return { operation: route.operation, pathParams, serviceRoot: url.origin + (found[1] ?? '') };
    }
    if (allowed.size > 0) {
      throw new BatchFault('UnsupportedHttpVerb', [], {
        headers: { Allow: [...allowed].join(', ') },
      });
    }
    if (CERTIFICATE_PATH.test(url.pathname)) throw new BatchFault('InvalidUri');
    throw new BatchFault('UnsupportedByEmulator', [], {
      message:
        `The Batch emulator does not support ${method.toUpperCase()} ${url.pathname}: it ` +
        `emulates only the certificate operations (${emulated}).`,
    });
  };
}
