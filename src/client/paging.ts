/**
 * Lazy paging for `x-ms-pageable` operations: no request is sent until iteration starts, and
 * each next page is fetched only when the previous one is used up. The iterable's type is the
 * generated one (`client-api.ts`), so the methods' declared return type is what this builds.
 */
import type { PagedAsyncIterable } from '../../generated/client-api.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextLink?: string;
}

export type { PagedAsyncIterable };

/** `fetchPage(undefined)` fetches the first page; `fetchPage(link)` the one a link names. */
export function createPagedIterable<T>(
  fetchPage: (nextLink: string | undefined) => Promise<Page<T>>,
): PagedAsyncIterable<T> {
  async function* pages(): AsyncGenerator<T[]> {
    const seen = new Set<string>();
    let link: string | undefined;
    do {
      const page = await fetchPage(link);
      link = page.nextLink;
      yield page.items;
      if (link !== undefined) {
        // A service or proxy that hands out the same link again would page forever.
        if (seen.has(link))
          throw new Error(
            'paging stopped: the service returned a next-page link it had already returned',
          );
        seen.add(link);
      }
    } while (link);
  }
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages()) yield* page;
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    byPage: () => pages(),
  };
}
