/** A request as it goes on the wire: what `build-request` produces and each attempt sends. */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** UTF-8 encoded body, if any (encoded once so its length is known for signing). */
  readonly body?: Uint8Array;
}
