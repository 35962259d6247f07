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

/**
 * The client name of an operation, `group.method`:
 * - pinned by the overlay (`x-batch-client-method: "certificate.add"` on the operation), which
 *   keeps the public surface when a newer spec renames its operationIds;
 * - otherwise derived from the operationId `Group_Method`: `Certificate_CancelDeletion` →
 *   `certificate.cancelDeletion`. TypeSpec-generated specs repeat the group in the method
 *   (`Pools_PoolExists`, `Certificates_CreateCertificate`, `Jobs_ListJobsFromSchedule`); the group
 *   noun (plural or singular) is dropped when it starts the method or follows its verb, so these
 *   read `pools.exists`, `certificates.create`, `jobs.listFromSchedule` (a noun further in, as in
 *   `Tasks_ListSubTasks`, is part of the name and stays).
 *
 * @throws Error when the operationId is not `Group_Method` or the pinned name not `group.method`
 */
export function operationClientName(
  operationId: string,
  pinned?: unknown,
): { group: string; method: string } {
  if (pinned !== undefined) {
    const match =
      typeof pinned === 'string' ? /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/.exec(pinned) : null;
    if (!match) {
      throw new Error(
        `x-batch-client-method of ${operationId}: ${JSON.stringify(pinned)} is not of the form group.method (camelCase)`,
      );
    }
    return { group: match[1]!, method: match[2]! };
  }
  const index = operationId.indexOf('_');
  if (index <= 0 || index === operationId.length - 1) {
    throw new Error(`operationId "${operationId}" is not of the form Group_Method`);
  }
  const group = operationId.slice(0, index);
  const method = operationId.slice(index + 1);
  return { group: camelCase(group), method: camelCase(withoutGroupNoun(group, method)) };
}

/** `('Pools', 'ListPoolUsageMetrics')` → `ListUsageMetrics`; see {@link operationClientName}. */
function withoutGroupNoun(group: string, method: string): string {
  const words = method.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [method];
  const plural = group.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [group];
  const last = plural[plural.length - 1]!;
  const singular = [
    ...plural.slice(0, -1),
    last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.replace(/s$/, ''),
  ];
  for (const noun of [plural, singular]) {
    for (const at of [0, 1]) {
      const found = noun.every((word, i) => words[at + i] === word);
      if (found && words.length > noun.length) {
        return [...words.slice(0, at), ...words.slice(at + noun.length)].join('');
      }
    }
  }
  return method;
}

/** Kebab form used for CLI commands: `cancelDeletion` → `cancel-deletion`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
