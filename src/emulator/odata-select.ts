/**
 * `$select` for certificate resources.
 *
 * @module
 */

import { BatchFault } from './batch-fault.js';

/** Properties of the `Certificate` resource, in the order the service writes them. */
export const CERTIFICATE_PROPERTIES = [
  'thumbprint',
  'thumbprintAlgorithm',
  'url',
  'state',
  'stateTransitionTime',
  'previousState',
  'previousStateTransitionTime',
  'publicData',
  'deleteCertificateError',
] as const;

/**
 * Parses `$select` into the set of properties to keep; `undefined` keeps every property.
 *
 * @throws BatchFault `InvalidQueryParameterValue` for an unknown property.
 */
export function parseSelect(select: string | undefined): ReadonlySet<string> | undefined {
  if (select === undefined || select.trim() === '' || select.trim() === '*') return undefined;
  const names = select.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(CERTIFICATE_PROPERTIES as readonly string[]).includes(name)) {
      throw new BatchFault('InvalidQueryParameterValue', [
        { key: 'QueryParameterName', value: '$select' },
        { key: 'QueryParameterValue', value: select },
        { key: 'Reason', value: `The property '${name}' does not exist on type 'Certificate'.` },
      ]);
    }
  }
  return new Set(names);
}

/** Keeps only the selected properties of a resource (all when `selected` is `undefined`). */
export function applySelect(
  resource: Readonly<Record<string, unknown>>,
  selected: ReadonlySet<string> | undefined,
): Record<string, unknown> {
  if (!selected) return { ...resource };
  return Object.fromEntries(Object.entries(resource).filter(([name]) => selected.has(name)));
}
