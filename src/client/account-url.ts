/**
 * Checks and normalises the account URL given to the client.
 */
import { isCollectionSegment } from '../table/collection-segments.js';

/**
 * Returns the account URL without a trailing slash, or throws a `TypeError` naming the rule:
 * absolute, `https:` (or `http:` when `allowInsecure`), no query string, no fragment, no
 * credentials, and no operation path. A path prefix is kept (a gateway such as
 * `https://gw.example.com/batch/acct1`), but a path segment that is one of the API's collections
 * (`/certificates`, any case, with or without `(…)` keys or more segments after it) is refused:
 * the client adds the operation paths itself, so such a URL would send
 * `…/certificates/certificates`.
 *
 * @param collections - the API's collection names, from the operation table
 *   (`collectionSegments(generated.operations)`)
 * @param name - how messages name the URL; default `accountUrl` (the CLI says `BATCH_ACCOUNT_URL`)
 */
export function parseAccountUrl(
  value: string,
  allowInsecure: boolean,
  collections: readonly string[],
  name = 'accountUrl',
): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      `${name} must be an absolute URL such as https://myaccount.westus.batch.azure.com`,
    );
  }
  if (url.protocol === 'http:' && !allowInsecure) {
    throw new TypeError(
      `${name} uses http:, which would send credentials in clear text; use https:, or set allowInsecureConnection: true for a local emulator`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`${name} must use https: (got ${url.protocol})`);
  }
  if (url.search !== '' || value.includes('?')) {
    throw new TypeError(`${name} must not have a query string`);
  }
  if (url.hash !== '' || value.includes('#')) {
    throw new TypeError(`${name} must not have a fragment`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`${name} must not contain credentials`);
  }
  const segments = url.pathname.split('/');
  const at = segments.findIndex((segment) => isCollectionSegment(segment, collections));
  if (at !== -1) {
    const base = `${url.origin}${segments.slice(0, at).join('/')}`.replace(/\/+$/, '');
    throw new TypeError(
      `${name} must not include an operation path: '/${segments[at]}' is where the Batch API's ` +
        `own paths begin, and the client adds them; use ${base}`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
