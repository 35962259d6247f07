/**
 * Standard HTTP reason phrases for the statuses the Batch service and proxies send, used when a
 * response carries none (HTTP/2 has no reason phrase).
 *
 * @module
 */

const PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The standard reason phrase for `status`, or `undefined` for statuses not listed. */
export function reasonPhrase(status: number): string | undefined {
  return PHRASES[status];
}
