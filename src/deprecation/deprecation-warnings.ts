/**
 * Run-time deprecation warnings, driven by the operation table's `deprecation` entries.
 *
 * In Node they go through `process.emitWarning(message, { type: 'DeprecationWarning', code })`,
 * so `--no-deprecation`, `--throw-deprecation` and `process.on('warning')` work as for Node's
 * own deprecations. Elsewhere they go to `console.warn`. "Once" means once per operation per
 * process (or page), shared by every client.
 */
import type { OperationSpec } from '../table/operation-table.js';

/**
 * What to do when a deprecated operation is called:
 * - `'once'` (default): one `DeprecationWarning` per operation per process;
 * - `'always'`: a warning on every call;
 * - `'off'`: no warning;
 * - `'error'`: reject the call before anything is sent.
 */
export type DeprecationWarningMode = 'once' | 'always' | 'off' | 'error';

const warned = new Set<string>();

/** Thrown (as a rejection, before anything is sent) in `'error'` mode. */
export class BatchDeprecationError extends Error {
  override readonly name = 'BatchDeprecationError' as const;
  /** The operation's stable warning code, e.g. `BATCH_DEP_CERTIFICATE_ADD`. */
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** Type guard for {@link BatchDeprecationError}; compares `name`, so it works across realms. */
export function isBatchDeprecationError(value: unknown): value is BatchDeprecationError {
  return (value as { name?: unknown } | null)?.name === 'BatchDeprecationError';
}

/**
 * Applies the deprecation policy to a call of `operation`: warns, throws, or does nothing.
 * `onWarning` replaces the platform channel when given.
 */
export function checkDeprecation(
  operation: Pick<OperationSpec, 'deprecation'>,
  mode: DeprecationWarningMode,
  onWarning?: (message: string, code: string) => void,
): void {
  const deprecation = operation.deprecation;
  if (!deprecation || mode === 'off') return;
  if (mode === 'error') throw new BatchDeprecationError(deprecation.message, deprecation.code);
  if (mode === 'once') {
    if (warned.has(deprecation.code)) return;
    warned.add(deprecation.code);
  }
  if (onWarning) onWarning(deprecation.message, deprecation.code);
  else emitPlatformWarning(deprecation.message, deprecation.code);
}

function emitPlatformWarning(message: string, code: string): void {
  const proc = (globalThis as { process?: { emitWarning?: unknown } }).process;
  if (typeof proc?.emitWarning === 'function') {
    (proc.emitWarning as (m: string, o: { type: string; code: string }) => void)(message, {
      type: 'DeprecationWarning',
      code,
    });
  } else {
    console.warn(`DeprecationWarning [${code}]: ${message}`);
  }
}

/** Forgets which operations already warned, so `'once'` warns again (for tests). */
export function resetDeprecationWarnings(): void {
  warned.clear();
}
