const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a response with this status may succeed if the request is sent again: 408 Request
 * Timeout, 429 Too Many Requests, 500 Internal Server Error, 502 Bad Gateway, 503 Service
 * Unavailable and 504 Gateway Timeout. Every other status — all 1xx/2xx/3xx, the other 4xx,
 * 501 Not Implemented and 505 HTTP Version Not Supported — will not change on a retry.
 *
 * @param status - the HTTP status code
 * @returns `true` for the six retryable statuses above
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}
