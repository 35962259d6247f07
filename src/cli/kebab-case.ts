/**
 * `clientRequestId` → `client-request-id`, `cancelDeletion` → `cancel-deletion`,
 * `maxResults` → `max-results`. Runs of capitals stay one word (`URLPath` → `url-path`).
 * Locale-independent.
 */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}
