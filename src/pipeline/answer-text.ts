/**
 * The body text of an answer that has been read to the end. The retry loop reads the answer it
 * keeps (inside the attempt's timeout) and remembers the text here, so the policies outside it
 * see it without reading the body twice; an answer a policy made up is read when first asked.
 *
 * @module
 */

const texts = new WeakMap<Response, string>();

/** Statuses whose responses cannot carry a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** A complete answer built from `text`, remembered as read. */
export function readAnswer(response: Response, text: string): Response {
  const complete = new Response(
    text === '' || NULL_BODY_STATUSES.has(response.status) ? null : text,
    {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    },
  );
  texts.set(complete, text);
  return complete;
}

/** Whether the retry loop (or this module) read `response` and remembers its text. */
export function hasText(response: Response): boolean {
  return texts.has(response);
}

/** The answer's text and the response it came from, reading the body if nobody has. */
export async function answerText(
  response: Response,
): Promise<{ response: Response; text: string }> {
  const known = texts.get(response);
  if (known !== undefined) return { response, text: known };
  const text = await response.text();
  return { response: readAnswer(response, text), text };
}
