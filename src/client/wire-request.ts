/** A request as it goes on the wire: what `build-request` produces and each attempt sends. */
export interface WireRequest {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, if any; `fetch` sends it UTF-8 encoded. */
  readonly body?: string;
  /** The body's UTF-8 byte length (the Content-Length fetch sends, which Shared Key signs). */
  readonly bodyByteLength?: number;
}
