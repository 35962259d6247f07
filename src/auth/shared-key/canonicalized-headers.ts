import { compareCodeUnits } from './ascii-lower-case.js';

/**
 * Builds the CanonicalizedHeaders part of the Batch Shared Key string-to-sign: every `ocp-*`
 * header (including `ocp-date`), names lower-cased, sorted by code units, each as `name:value\n`.
 *
 * Values are expected already normalized (see `normalizeHeaders`): unfolded and trimmed, which is
 * the documented "unfold … trim any white space around the colon" rule. A header with an empty
 * value is still signed (`name:\n`): it is present on the wire.
 *
 * @param headers - Headers keyed by lower-cased name, values normalized.
 * @returns The concatenated `name:value\n` lines; empty when there is no `ocp-*` header.
 */
export function canonicalizedHeaders(headers: ReadonlyMap<string, string>): string {
  const names = [...headers.keys()]
    .filter((name) => name.startsWith('ocp-'))
    .sort(compareCodeUnits);
  let result = '';
  for (const name of names) result += `${name}:${headers.get(name)}\n`;
  return result;
}
