/**
 * The parts of an HTTP request that a Shared Key signature covers.
 *
 * `headers` must be the headers that will be on the wire (including `Content-Length` and
 * `ocp-date`); names are matched case-insensitively, values as they will be sent.
 */
export interface SignableRequest {
  /** The HTTP method, e.g. `POST`; signed in upper case. */
  readonly method: string;
  /** The absolute request URL, e.g. `https://acct.westus.batch.azure.com/certificates?api-version=…`. */
  readonly url: string;
  /** Request headers, names case-insensitive. Two names that differ only in case are rejected. */
  readonly headers: Readonly<Record<string, string>>;
}
