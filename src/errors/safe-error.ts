/**
 * The base of the errors that carry a call's details: `JSON.stringify` and Node's `util.inspect`
 * print the message and the properties the subclass lists as safe, never anything else it holds
 * (see `safe-inspect.ts`).
 *
 * @module
 */
import { INSPECT_CUSTOM, inspectSafely } from './safe-inspect.js';

export abstract class SafeError extends Error {
  /** The properties that may be printed, in print order; `undefined` ones are left out. */
  protected abstract safeDetails(): Record<string, unknown>;

  /** The safe, printable view used by `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...this.safeDetails() };
  }

  /** Node's `util.inspect` hook: stack plus safe properties only. */
  [INSPECT_CUSTOM](
    _depth: number,
    options: unknown,
    inspect?: (value: unknown, options?: unknown) => string,
  ): string {
    return inspectSafely(this, this.safeDetails(), options, inspect);
  }
}
