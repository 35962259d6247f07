/**
 * Printing errors safely. Node's `util.inspect` shows an error's stack, its own enumerable
 * properties and its `cause` chain; a `cause` we did not build (a fetch failure, an abort reason)
 * may quote a URL or anything else. Our errors therefore print themselves through
 * {@link inspectSafely}, which shows only the properties their class lists as safe, and a one-line
 * summary of `cause`. Works without importing `node:util` (browsers ignore the symbol).
 *
 * @module
 */

/** The well-known symbol Node's `util.inspect` looks up for custom formatting. */
export const INSPECT_CUSTOM: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** Node's `util.inspect`, as passed to custom inspect hooks. */
export type InspectFn = (value: unknown, options?: unknown) => string;

/**
 * Summarises an error cause without its message: name/constructor and, when it looks like a
 * system error code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`), that code.
 */
export function describeCause(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (cause === null || typeof cause !== 'object') return typeof cause;
  const name = (cause as { name?: unknown }).name;
  const label = typeof name === 'string' && /^[\w$.]{1,60}$/.test(name) ? name : 'object';
  const code = errorCodeOf(cause);
  return code === undefined ? label : `${label} (${code})`;
}

/**
 * The first system-error-like code (`ECONNRESET`, `UND_ERR_SOCKET`, `ENOTFOUND` …) found on
 * `cause` or on its own `cause` (fetch wraps socket errors one level deep).
 */
export function errorCodeOf(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 3; depth += 1) {
    if (current === null || typeof current !== 'object') return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,59}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Formats `error` like `util.inspect` would (header line, stack frames, properties) but showing
 * only `safeProps`. Used by every error class's `[INSPECT_CUSTOM]` method.
 */
export function inspectSafely(
  error: Error,
  safeProps: Record<string, unknown>,
  options: unknown,
  inspect: InspectFn | undefined,
): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at\s/.test(line));
  const head = [`${error.name}: ${error.message}`, ...frames].join('\n');
  const defined = Object.fromEntries(
    Object.entries(safeProps).filter(([, value]) => value !== undefined),
  );
  if (Object.keys(defined).length === 0) return head;
  const body = typeof inspect === 'function' ? inspect(defined, options) : JSON.stringify(defined);
  return `${head} ${body}`;
}
