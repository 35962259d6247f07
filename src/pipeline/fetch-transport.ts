/**
 * The transport on `fetch`: the caller's `fetch` when given, and the platform's in browsers, Deno,
 * Bun, workerd (and Node without `node:http`). One `fetch` per attempt under the attempt's signal;
 * the answer is read to the end inside the attempt and handed on as a `BufferedResponse`.
 *
 * @module
 */
import { BatchServiceError } from '../errors/batch-service-error.js';
import { AnswerBodyError, bufferedResponse, isResponseLike } from './buffered-response.js';
import type { Transport } from './transport.js';

const utf8 = new TextEncoder();

/**
 * The transport on `fetch`.
 *
 * @param fetchImpl - the `fetch` to send with; `BatchClientOptions.fetch` or the platform's. It is
 *   called as `fetchImpl(url, { method, headers, body, signal, redirect: 'manual' })`, `body`
 *   being the JSON text or, where the request names no Content-Type, bytes.
 */
export function createFetchTransport(fetchImpl: typeof fetch): Transport {
  return async (request) => {
    const init: RequestInit = {
      method: request.method,
      // `content-length` is the runtime's: the Fetch standard frames it from the body (the same
      // value the signer signed, see transport.ts); browsers refuse to be given it.
      headers: withoutContentLength(request.headers),
      // Text only where the request names its Content-Type; otherwise bytes, for which the runtime
      // adds none (for text it would add `Content-Type: text/plain`, unsigned: an empty POST).
      body:
        request.body === undefined || request.headers['content-type'] !== undefined
          ? request.body
          : utf8.encode(request.body),
      signal: request.signal,
      // A redirect is the call's answer, as on node:http: following it would replay the request,
      // signed for another URL, to wherever the Location points. (Browsers hand a redirect on
      // as an opaque answer of status 0, which fails the call too.)
      redirect: 'manual',
    };
    let pending: Promise<Response>;
    try {
      pending = Promise.resolve(fetchImpl(request.url, init));
    } catch (error) {
      // fetch reports network failures by rejecting; a synchronous throw is the caller's own code.
      throw new TypeError('options.fetch threw instead of returning a promise of a Response.', {
        cause: error,
      });
    }
    let response: Response;
    try {
      response = await pending;
    } catch (error) {
      // fetch reports a network failure with a TypeError (Fetch standard; node-fetch: an Error
      // with a system `code`), an abort with the signal's reason. A ReferenceError, SyntaxError,
      // RangeError, EvalError or URIError is a fault in the code of the fetch given: the caller's
      // own, passed on as itself and not retried, never taken for the network.
      if (!request.signal?.aborted && isProgrammingError(error)) throw error;
      request.attempts.transportError = error;
      throw error;
    }
    if (!isResponseLike(response)) {
      throw new TypeError(
        `options.fetch resolved to ${response === null ? 'null' : typeof response} where a Response was expected.`,
      );
    }
    if (response.type === 'opaqueredirect' || response.status === 0) {
      // A browser's answer to a redirect not followed: it shows neither the status nor where it
      // pointed. The same outcome as node:http's 3xx: the call's answer, an error, not retried.
      throw new BatchServiceError({
        statusCode: 0,
        code: 'RedirectNotFollowed',
        message:
          'The answer was a redirect, which the client does not follow: it would send a request signed for this URL to another (the browser does not show where it pointed). Check the account URL.',
        request: { method: request.method, url: request.url },
      });
    }
    if (request.streamResponseBody && response.ok) return response;
    let text = '';
    try {
      if (response.body !== null) text = await response.text();
    } catch (error) {
      throw new AnswerBodyError(response.status, new Headers(response.headers), { cause: error });
    }
    return bufferedResponse(text, {
      status: response.status,
      statusText: response.statusText,
      headers:
        response.headers instanceof Headers ? response.headers : new Headers(response.headers),
    });
  };
}

/** The wire headers without `content-length`; the record is this attempt's own, changed in place. */
function withoutContentLength(headers: Record<string, string>): Record<string, string> {
  delete headers['content-length'];
  return headers;
}

const PROGRAMMING_ERRORS: ReadonlySet<string> = new Set([
  'ReferenceError',
  'SyntaxError',
  'RangeError',
  'EvalError',
  'URIError',
]);

/** Whether `error` is one of ECMAScript's errors of faulty code (by name: any realm). */
function isProgrammingError(error: unknown): boolean {
  return error instanceof Error && PROGRAMMING_ERRORS.has(error.name);
}
