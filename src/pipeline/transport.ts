/**
 * The end of the pipeline: what a transport is given (a request exactly as it goes on the wire,
 * signed) and the framing rule the signer and both transports follow, so what is signed is what
 * is sent.
 *
 * The framing rule: `POST`, `PUT` and `PATCH` always carry a body — the serialized JSON, or an
 * empty one — and `Content-Length` is its UTF-8 byte length (`0` for the empty one); every other
 * method carries a body only when it has one that is not empty, and otherwise no body and no
 * `Content-Length`. The `node:http` transport sends exactly these headers. On the `fetch` path the
 * runtime frames the request itself; the Fetch standard gives the same for every request with a
 * body (sent as bytes, so the runtime adds no `Content-Type` either) and for GET and HEAD, and
 * runtimes keep to it there. For a body-less `DELETE` they do not: undici, Deno and Chromium send
 * no `Content-Length`, Bun and workerd send `Content-Length: 0` (and undici drops even an explicit
 * `0` on DELETE, so no request shape makes them agree). That one case is settled by the service:
 * see `sign-phase.ts`.
 *
 * @module
 */
import { utf8Length } from '../util/utf8-length.js';
import type { AttemptRecord, PipelineRequest } from './pipeline-policy.js';

/** A request as it goes on the wire: every header set, signed. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  /** `url` parsed, when the signer already parsed it (the transport need not again). */
  readonly parsedUrl?: URL | undefined;
  /**
   * Every header as sent, by lower-case name: the request's own, `ocp-date`, `authorization` and
   * `content-length` when the request has a body (see above). A `fetch` transport leaves
   * `content-length` to the runtime, which sends the same value from the body. The record is the
   * attempt's own: the transport may change it.
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

const PAYLOAD_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The wire form of `request`, before signing: its headers as a record (one pass over `Headers`,
 * whose names are lower case and values already trimmed) and the body and `Content-Length` by the
 * framing rule. The record has no prototype, so a header named `__proto__` is a header.
 *
 * @throws TypeError when a policy set a body on a GET or HEAD, or a `Content-Length` that is not
 *   the body's (the client frames the request; a policy sets the body instead)
 */
export function frameRequest(request: PipelineRequest): {
  headers: Record<string, string>;
  body: string | undefined;
} {
  const headers: Record<string, string> = Object.create(null);
  for (const [name, value] of request.headers) headers[name] = value;
  const { method, body } = request;
  const given = headers['content-length'];
  delete headers['content-length'];
  const hasBody = PAYLOAD_METHODS.has(method) || (body !== undefined && body !== '');
  if (hasBody && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError(
      `A ${method} request cannot carry a body (a policy set one on ${request.operation}).`,
    );
  }
  const sent = hasBody ? (body ?? '') : undefined;
  const length = sent === undefined ? undefined : String(utf8Length(sent));
  if (given !== undefined && given !== length) {
    throw new TypeError(
      `Content-Length is the client's, set from the body (${length ?? 'none'}); a policy set it to another value on ${request.operation}.`,
    );
  }
  if (length !== undefined) headers['content-length'] = length;
  return { headers, body: sent };
}
