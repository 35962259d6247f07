/**
 * What every response of one request needs to know.
 *
 * @module
 */

/** Per-request facts shared by the pipeline steps and the response builders. */
export interface RequestContext {
  /** The `request-id` of the response. */
  readonly requestId: string;
  /** The emulator's clock when the request arrived (epoch ms). */
  readonly now: number;
  /** The request URL. */
  readonly url: URL;
  /** The account URL as the client addressed it: origin plus any path prefix, no trailing `/`. */
  readonly serviceRoot: string;
  /** The `client-request-id` to echo, when the request asked for it. */
  readonly echoClientRequestId?: string;
}

/** Headers every response carries: `request-id`, the echoed `client-request-id`, OData version. */
export function baseHeaders(context: RequestContext): Headers {
  const headers = new Headers({ 'request-id': context.requestId, DataServiceVersion: '3.0' });
  if (context.echoClientRequestId !== undefined) {
    headers.set('client-request-id', context.echoClientRequestId);
  }
  return headers;
}

/**
 * The `client-request-id` to echo: the header value when `return-client-request-id` is `true`
 * (case-insensitive), else `undefined`.
 */
export function clientRequestIdToEcho(headers: Headers): string | undefined {
  const id = headers.get('client-request-id');
  const wanted = headers.get('return-client-request-id');
  if (id === null || wanted === null) return undefined;
  return wanted.trim().toLowerCase() === 'true' ? id : undefined;
}
