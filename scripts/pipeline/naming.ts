/**
 * Mechanical naming rules shared by every generated artefact. Pure functions.
 */

/** `client-request-id` → `clientRequestId`, `$filter` → `filter`, `ETag` → `eTag`, `maxresults` → `maxresults`. */
export function camelCase(wireName: string): string {
  const words = wireName
    .replace(/^\$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
  return words
    .map((w, i) => (i === 0 ? lowerFirst(w) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
}

/** `PascalCase` for type names: `Certificate_Add` → `CertificateAdd`. */
export function pascalCase(name: string): string {
  const c = camelCase(name);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

export function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** `Certificate_CancelDeletion` → `{ group: 'certificate', method: 'cancelDeletion' }`. */
export function splitOperationId(operationId: string): { group: string; method: string } {
  const index = operationId.indexOf('_');
  if (index <= 0 || index === operationId.length - 1) {
    throw new Error(`operationId "${operationId}" is not of the form Group_Method`);
  }
  return {
    group: camelCase(operationId.slice(0, index)),
    method: camelCase(operationId.slice(index + 1)),
  };
}

/** Kebab form used for CLI commands: `cancelDeletion` → `cancel-deletion`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
