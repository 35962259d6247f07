/**
 * Next-page links come from the response body; credentials must never follow one to another host
 * or out of the account's path, so such a link is refused. Pure.
 *
 * @returns the link, resolved against the account URL
 * @throws Error when the link leaves the account URL
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
