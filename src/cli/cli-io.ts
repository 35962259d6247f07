/** Everything the CLI does to the outside world, injected so the runner can be tested. */
import type { BodyReader } from './read-body.js';

/** The CLI's I/O. `nodeIo()` provides the real one. */
export interface CliIo extends BodyReader {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Writes raw bytes to stdout (binary downloads). */
  readonly stdoutBytes: (bytes: Uint8Array) => void;
  /** Resolves with the signal name when the process is asked to stop (SIGINT, SIGTERM). */
  readonly waitForStop: () => Promise<string>;
  /** `fetch` for the client; default `globalThis.fetch`. */
  readonly fetch?: typeof fetch;
  /** Node's `--no-deprecation` is in effect: do not print deprecation warnings. */
  readonly noDeprecation?: boolean;
  /**
   * Creates each file (and its directory) only when none of them exists yet; resolves with the
   * first path that already exists, having written nothing. `nodeIo()` provides it.
   */
  readonly writeNewFiles?: (
    files: readonly { readonly path: string; readonly text: string }[],
  ) => Promise<'written' | { readonly exists: string }>;
}
