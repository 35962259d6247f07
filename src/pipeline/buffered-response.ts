/**
 * An answer read to the end once, inside its attempt, and carried as text from there: the
 * transports return one, the policies pass it on, hey-api parses it from memory and the client's
 * error mapping reads {@link BufferedResponse.bodyText} without reading anything again (Azure core's
 * `PipelineResponse.bodyAsText`, on a real `Response` because the policies' contract is `Response`).
 *
 * @module
 */

/** Statuses whose responses cannot carry a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * A `Response` whose body was read to the end, made again from the text, with the text kept in
 * {@link BufferedResponse.bodyText}. Its body is a platform body (hey-api and the policies read it
 * as any other); overriding the body methods to serve the text without a stream was tried and
 * dropped: workerd's `Response` does not honour such overrides.
 */
export class BufferedResponse extends Response {
  /** The whole body, decoded as UTF-8 (`''` when there was none). */
  readonly bodyText: string;

  constructor(bodyText: string, init: { status: number; statusText?: string; headers: Headers }) {
    super(bodyText === '' || NULL_BODY_STATUSES.has(init.status) ? null : bodyText, init);
    this.bodyText = bodyText;
  }
}

/**
 * The body of an answer could not be read to the end (the connection broke, the attempt timed
 * out or was aborted while it arrived). The status is known: the request was answered.
 */
export class AnswerBodyError extends Error {
  override readonly name = 'AnswerBodyError';
  constructor(
    readonly status: number,
    readonly headers: Headers,
    options: { cause: unknown },
  ) {
    super(`the body of the ${status} answer could not be read`, options);
  }
}

/**
 * `response` read to the end, as a {@link BufferedResponse}. One that is already buffered and
 * unread is returned as it is; a buffered one whose body a policy read is rebuilt from its text.
 *
 * @throws TypeError when `response` is not a Response (duck-typed: `status`, `headers`, `text`),
 *   naming `source`, or when its body was already read by someone who kept no text
 * @throws AnswerBodyError when reading the body fails
 */
export async function bufferResponse(response: unknown, source: string): Promise<BufferedResponse> {
  if (response instanceof BufferedResponse) {
    return response.bodyUsed ? rebuild(response, response.bodyText) : response;
  }
  if (!isResponseLike(response)) {
    throw new TypeError(`${source} gave ${describe(response)} where a Response was expected.`);
  }
  if (response.bodyUsed) {
    throw new TypeError(
      `${source} gave a ${response.status} answer whose body was already read; read a clone (response.clone()) instead.`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new AnswerBodyError(response.status, new Headers(response.headers), { cause: error });
  }
  return rebuild(response, text);
}

function rebuild(response: Response, text: string): BufferedResponse {
  return new BufferedResponse(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers instanceof Headers ? response.headers : new Headers(response.headers),
  });
}

/** What the client needs of a Response, so one from another realm or a `fetch` polyfill passes. */
export function isResponseLike(value: unknown): value is Response {
  const v = value as Partial<Response> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.status === 'number' &&
    typeof v.headers === 'object' &&
    v.headers !== null &&
    typeof (v.headers as Headers).get === 'function' &&
    typeof v.text === 'function'
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object that is not a Response`;
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
