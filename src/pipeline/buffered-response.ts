/**
 * An answer read to the end once, inside its attempt, and carried as text from there: the
 * transports return one, the policies pass it on, hey-api parses it from memory and the client's
 * error mapping reads {@link BufferedResponse.bodyText} without reading anything again (Azure core's
 * `PipelineResponse.bodyAsText`, on a real `Response` because the policies' contract is `Response`).
 *
 * @module
 */

/**
 * A `Response` whose body was read to the end, with the text kept in `bodyText`. Its body
 * methods (`text`, `json`, `arrayBuffer`, `bytes`, `blob`, `body`, `clone`) serve that text with
 * the platform's rules (a body is read once; a clone of an unread one reads again), and no stream
 * is made unless `body` is asked for: hey-api's parse and a policy's read cost no second pass
 * through a web stream (about 13 µs on a 2.5 KB answer in Node). Platform methods called on it
 * directly (`Response.prototype.text.call(r)`) see no body.
 */
export interface BufferedResponse extends Response {
  /** The whole body, decoded as UTF-8 (`''` when there was none). */
  readonly bodyText: string;
}

type BufferedResponseInit = { status: number; statusText?: string; headers: HeadersInit };

let BufferedClass:
  | (new (
      bodyText: string,
      init: BufferedResponseInit,
    ) => BufferedResponse)
  | undefined;

/**
 * A {@link BufferedResponse}. The class is made on first use, not when this module loads: in
 * Node, naming `Response` loads undici's fetch implementation (about 30 ms), which an import of
 * the client should not pay.
 */
export function bufferedResponse(bodyText: string, init: BufferedResponseInit): BufferedResponse {
  BufferedClass ??= defineBufferedResponse();
  return new BufferedClass(bodyText, init);
}

/** Whether `response` is a {@link BufferedResponse} (its text is known without reading it). */
export function isBufferedResponse(response: unknown): response is BufferedResponse {
  return BufferedClass !== undefined && response instanceof BufferedClass;
}

const utf8 = new TextEncoder();

function defineBufferedResponse() {
  return class Buffered extends Response implements BufferedResponse {
    readonly bodyText: string;
    #used = false;
    #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;

    constructor(bodyText: string, init: BufferedResponseInit) {
      super(null, init);
      this.bodyText = bodyText;
    }

    override get bodyUsed(): boolean {
      return this.#used || this.#stream?.locked === true;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (this.#stream === undefined) {
        const text = this.bodyText;
        this.#stream =
          text === ''
            ? null
            : new ReadableStream<Uint8Array<ArrayBuffer>>({
                start(controller) {
                  controller.enqueue(utf8.encode(text) as Uint8Array<ArrayBuffer>);
                  controller.close();
                },
              });
      }
      return this.#stream;
    }

    override text(): Promise<string> {
      return this.#read(() => this.bodyText);
    }

    override json(): Promise<unknown> {
      return this.#read(() => JSON.parse(this.bodyText) as unknown);
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#read(() => utf8.encode(this.bodyText).buffer as ArrayBuffer);
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#read(() => utf8.encode(this.bodyText) as Uint8Array<ArrayBuffer>);
    }

    override blob(): Promise<Blob> {
      const type = this.headers.get('content-type') ?? '';
      return this.#read(() => new Blob([this.bodyText], { type }));
    }

    override clone(): Buffered {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      return new Buffered(this.bodyText, {
        status: this.status,
        statusText: this.statusText,
        headers: new Headers(this.headers),
      });
    }

    #read<T>(value: () => T): Promise<T> {
      if (this.bodyUsed) {
        return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
      }
      this.#used = true;
      try {
        return Promise.resolve(value());
      } catch (error) {
        return Promise.reject(error);
      }
    }
  };
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
  if (isBufferedResponse(response)) {
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
  return bufferedResponse(text, {
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
