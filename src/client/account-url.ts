/**
 * Checks and normalises the account URL given to the client.
 */

/**
 * Returns the account URL without a trailing slash, or throws a `TypeError` naming the rule:
 * absolute, `https:` (or `http:` when `allowInsecure`), no query string, no fragment.
 */
export function parseAccountUrl(value: string, allowInsecure: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(
      'accountUrl must be an absolute URL such as https://myaccount.westus.batch.azure.com',
    );
  }
  if (url.protocol === 'http:' && !allowInsecure) {
    throw new TypeError(
      'accountUrl uses http:, which would send credentials in clear text; use https:, or set allowInsecureConnection: true for a local emulator',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`accountUrl must use https: (got ${url.protocol})`);
  }
  if (url.search !== '' || value.includes('?')) {
    throw new TypeError('accountUrl must not have a query string');
  }
  if (url.hash !== '' || value.includes('#')) {
    throw new TypeError('accountUrl must not have a fragment');
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('accountUrl must not contain credentials');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
