/**
 * Lazy paging for `x-ms-pageable` operations, the Azure SDK way: no request is sent until
 * iteration starts, each next page is fetched only when the previous one is used up, and
 * `byPage(settings)` takes `@azure/core-paging`'s `PageSettings` (`maxPageSize`,
 * `continuationToken`). A page must carry its item array (`{"value": []}` when empty); one without
 * it is a BatchResponseError, never an empty list. The iterable's type is the generated one
 * (`client-api.ts`).
 *
 * @module
 */
import type { PagedAsyncIterable, PageSettings } from '../../generated/client-api.js';
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import type { OperationSpec } from '../table/operation-table.js';

export type { PagedAsyncIterable, PageSettings };

/** One fetched page: its items and the service's link to the next one. */
export interface FetchedPage<T> {
  readonly items: T[];
  readonly nextLink?: string;
}

/** Fetches the pages of one run over a list: the first (`undefined`), or the one a link names. */
export type FetchPage<T> = (nextLink: string | undefined) => Promise<FetchedPage<T>>;

/** Starts one run over a list (an iteration, or one `byPage()`), with its settings. */
export type StartRun<T> = (settings: ResolvedPageSettings) => FetchPage<T>;

/** `byPage()` settings, checked. */
export interface ResolvedPageSettings {
  readonly maxPageSize?: number;
}

const SETTINGS = new Set(['continuationToken', 'maxPageSize']);

export function createPagedIterable<T>(
  operation: OperationSpec,
  options: Readonly<Record<string, unknown>>,
  start: StartRun<T>,
): PagedAsyncIterable<T> {
  async function* pages(
    settings: PageSettings | undefined,
  ): AsyncGenerator<T[] & { continuationToken?: string }> {
    const fetchPage = start(checkSettings(operation, options, settings));
    const seen = new Set<string>();
    let link = settings?.continuationToken;
    do {
      const page = await fetchPage(link);
      const next = page.nextLink;
      yield Object.assign(page.items, next === undefined ? {} : { continuationToken: next });
      if (next !== undefined) {
        // A service or proxy that hands out the same link again would page forever.
        if (seen.has(next)) {
          throw new Error(
            'paging stopped: the service returned a next-page link it had already returned',
          );
        }
        seen.add(next);
      }
      link = next;
    } while (link);
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages(undefined)) yield* page;
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    byPage: (settings?: PageSettings) => {
      checkSettings(operation, options, settings); // at once: a bad setting fails here, not later
      return pages(settings);
    },
  };
}

/**
 * `byPage()` settings against the operation: `maxPageSize` needs a page-size parameter (Batch's
 * `maxresults`) and must agree with the call's own; `continuationToken` must be a link string.
 * Anything else is refused: nothing a caller passes is silently ignored.
 */
function checkSettings(
  operation: OperationSpec,
  options: Readonly<Record<string, unknown>>,
  settings: PageSettings | undefined,
): ResolvedPageSettings {
  if (settings === undefined) return {};
  const issues: BatchValidationIssue[] = [];
  if (typeof settings !== 'object' || settings === null) {
    throw new BatchValidationError([
      {
        path: 'settings',
        rule: 'type',
        message: 'must be an object { maxPageSize?, continuationToken? }',
      },
    ]);
  }
  for (const name of Object.keys(settings)) {
    if (!SETTINGS.has(name)) {
      issues.push({
        path: `settings.${name}`,
        rule: 'unknownOption',
        message: 'is not a byPage() setting (its settings: continuationToken, maxPageSize)',
      });
    }
  }
  const { continuationToken, maxPageSize } = settings;
  if (
    continuationToken !== undefined &&
    (typeof continuationToken !== 'string' || continuationToken === '')
  ) {
    issues.push({
      path: 'settings.continuationToken',
      rule: 'type',
      message: "must be a non-empty string: a page's continuationToken",
    });
  }
  if (maxPageSize !== undefined) {
    const size = pageSizeParameter(operation)?.clientName;
    if (!size) {
      issues.push({
        path: 'settings.maxPageSize',
        rule: 'unsupported',
        message: `is not supported by ${operation.group}.${operation.method}: the operation has no page-size parameter`,
      });
    } else if (!Number.isInteger(maxPageSize) || maxPageSize < 1) {
      issues.push({
        path: 'settings.maxPageSize',
        rule: 'range',
        message: 'must be a positive integer',
      });
    } else if (options[size] !== undefined && options[size] !== maxPageSize) {
      issues.push({
        path: 'settings.maxPageSize',
        rule: 'conflict',
        message: `disagrees with the call's options.${size}; give the page size once`,
      });
    }
  }
  if (issues.length > 0) throw new BatchValidationError(issues);
  return maxPageSize === undefined ? {} : { maxPageSize };
}

/** The operation's page-size parameter (`maxresults` on the wire), if any. */
export function pageSizeParameter(
  operation: OperationSpec,
): { readonly clientName: string; readonly wireName: string } | undefined {
  return operation.parameters.find(
    (p) => p.location === 'query' && p.wireName.toLowerCase() === 'maxresults',
  );
}

/** The page size a run sends on its next links: the query parameter, and whether it overrides. */
export interface NextLinkPageSize {
  /** The parameter's wire name, e.g. `maxresults`. */
  readonly name: string;
  readonly value: string;
  /** `byPage({ maxPageSize })` was given: it replaces a size the link carries. */
  readonly replace: boolean;
}

/**
 * The hey-api options that send a later page to the link the service gave: `baseUrl` + `url`
 * replace the path template and query. The link must stay inside the account URL (credentials
 * never follow a link elsewhere). When the link lacks `api-version`, the client's is added, as
 * the Azure SDKs do (a service that leaves it out of its links would otherwise answer
 * `MissingApiVersionParameter`); so is the run's page size, which an explicit `maxPageSize` also
 * puts in place of the link's own. The rest of the link's query is kept exactly as written.
 *
 * @throws Error when the link leaves the account URL
 */
export function nextPageOptions(
  baseUrl: string,
  nextLink: string,
  apiVersion: string,
  pageSize?: NextLinkPageSize,
) {
  const link = checkNextLink(baseUrl, nextLink);
  let search = link.search;
  const present = new Set([...link.searchParams.keys()].map((name) => name.toLowerCase()));
  const add = (name: string, value: string) => {
    search += `${search === '' ? '?' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  };
  if (!present.has('api-version')) add('api-version', apiVersion);
  if (pageSize && !present.has(pageSize.name.toLowerCase())) add(pageSize.name, pageSize.value);
  else if (pageSize?.replace) {
    const own = new RegExp(`([?&]${pageSize.name}=)[^&]*`, 'i');
    search = search.replace(own, `$1${encodeURIComponent(pageSize.value)}`);
  }
  return {
    baseUrl: link.origin,
    url: `${link.pathname}${search}`,
    path: undefined,
    query: undefined,
  };
}

/**
 * Next-page links come from the response body (or a caller's continuation token); credentials
 * must never follow one to another host or out of the account's path, so such a link is refused.
 */
export function checkNextLink(baseUrl: string, nextLink: string): URL {
  const link = new URL(nextLink, `${baseUrl}/`);
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const inside = link.pathname === basePath || link.pathname.startsWith(`${basePath}/`);
  if (link.origin !== base.origin || !inside) {
    throw new Error(`refusing to follow a next-page link outside the account URL (${link.origin})`);
  }
  return link;
}
