/**
 * The request log: what tests assert on. Never holds a secret.
 *
 * @module
 */

/**
 * Copies request headers for the log, names lower-cased. The `authorization` value keeps only its
 * scheme and, for Shared Key, the account name: `SharedKey emulator:[redacted]`,
 * `Bearer [redacted]`.
 */
export function headersForLog(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.toLowerCase() !== 'authorization') {
      result[name.toLowerCase()] = value;
      return;
    }
    const sharedKey = /^\s*SharedKey\s+([^:\s]+):/i.exec(value);
    const scheme = /^\s*(\S+)/.exec(value)?.[1] ?? '';
    result.authorization = sharedKey
      ? `SharedKey ${sharedKey[1]}:[redacted]`
      : `${scheme} [redacted]`;
  });
  return result;
}
