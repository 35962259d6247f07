/**
 * The end of the pipeline: what a transport is given (a request exactly as it goes on the wire,
 * signed) and the framing rule both transports and the signer follow, so what is signed is what
 * is sent by construction, whatever the runtime.
 *
 * The framing rule: a `GET` or `HEAD` request carries no body and no `Content-Length`; every other
 * request carries a body — the serialized JSON, or the empty string — and `Content-Length` is its
 * UTF-8 byte length (`0` for the empty one). The Fetch standard sends exactly that for a non-null
 * body, so Node's undici, browsers, Deno, Bun and workerd agree; for a null body they do not (Bun
 * and workerd send `Content-Length: 0` on a body-less `DELETE`, undici sends none), which is why
 * the client never sends a null body where a body is allowed.
 *
 * @module
 */
import { utf8Length } from '../util/utf8-length.js';
import type { AttemptRecord, PipelineRequest } from './pipeline-policy.js';

/** A request as it goes on the wire: every header set, signed. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  /**
   * Every header as sent, by lower-case name: the request's own, `ocp-date`, `authorization` and,
   * unless the method is GET or HEAD, `content-length`. A `fetch` transport leaves
   * `content-length` to the runtime, which sends the same value from the body (see above).
   */
  readonly headers: Record<string, string>;
  /** The body; `undefined` only for GET and HEAD. */
  readonly body: string | undefined;
  /** The attempt's signal (the caller's signal or the attempt's timeout). */
  readonly signal: AbortSignal | undefined;
  /** Hand a success answer's body on unread, as a stream (downloads). */
  readonly streamResponseBody: boolean;
  /** Where the transport records a failure to get an answer (see {@link Transport}). */
  readonly attempts: TransportAttemptRecord;
}

/** The attempt record, with the slot only transports write. */
export interface TransportAttemptRecord extends AttemptRecord {
  /**
   * What the transport threw in the current attempt when no answer came (refused, reset, timed
   * out, aborted), so the retry policy can tell it from an error a policy threw even when a
   * `perRetry` policy rethrows it. Cleared at the start of every attempt.
   */
  transportError?: unknown;
}

/**
 * Sends one attempt. Resolves with a `BufferedResponse` (read to the end), or, for a streamed
 * download's success, a `Response` with its body unread. Rejects with `AnswerBodyError` when the
 * answer's body could not be read, with what the network layer threw when no answer came (after
 * recording it in `attempts.transportError`), or with a `TypeError` for a mistake in the caller's
 * own code (an injected `fetch` that gave no Response).
 */
export type Transport = (request: WireRequest) => Promise<Response>;

/**
 * The wire form of `request`, before signing: its headers as a record (one pass over `Headers`,
 * whose names are lower case and values already trimmed) and the body and `Content-Length` by the
 * framing rule. The record has no prototype, so a header named `__proto__` is a header.
 */
export function frameRequest(request: PipelineRequest): {
  headers: Record<string, string>;
  body: string | undefined;
} {
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of request.headers) headers[name] = value;
  const { method, body } = request;
  const given = headers['content-length'];
  if (method === 'GET' || method === 'HEAD') {
    if (body !== undefined || given !== undefined) {
      throw new TypeError(
        `A ${method} request cannot carry a body or Content-Length (a policy set one on ${request.operation}).`,
      );
    }
    return { headers, body };
  }
  const sent = body ?? '';
  const length = String(utf8Length(sent));
  if (given !== undefined && given !== length) {
    throw new TypeError(
      `Content-Length is set from the body (${length} bytes); a policy set it to another value on ${request.operation}.`,
    );
  }
  headers['content-length'] = length;
  return { headers, body: sent };
}
