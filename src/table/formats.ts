/**
 * What the spec's `format`s mean, in one place, so a format is understood by its meaning and not
 * by one spelling: the pipeline (types, schemas) and the client, CLI and emulator (values on the
 * wire) all ask here.
 */

/**
 * HTTP dates (`Mon, 01 Jul 2024 00:00:00 GMT`): AutoRest's `date-time-rfc1123`, and
 * `date-time-rfc7231`, the name TypeSpec-generated specs use for the same form (RFC 7231 took its
 * IMF-fixdate from RFC 1123).
 */
const HTTP_DATE_FORMATS: ReadonlySet<string> = new Set(['date-time-rfc1123', 'date-time-rfc7231']);

/** Formats whose values are instants, a `Date` in the client: ISO 8601 ones and HTTP dates. */
const DATE_FORMATS: ReadonlySet<string> = new Set(['date-time', 'date', ...HTTP_DATE_FORMATS]);

/** Whether `format` is an HTTP date (written with `toUTCString()`). */
export function isHttpDateFormat(format: string | undefined): boolean {
  return format !== undefined && HTTP_DATE_FORMATS.has(format);
}

/** Whether values of `format` are dates (a `Date` in the client). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && DATE_FORMATS.has(format);
}

/**
 * Whether values of `format` are integers even when the spec types them as strings (TypeSpec
 * writes int64 headers such as `Content-Length` as `type: string, format: int64`).
 */
export function isIntegerFormat(format: string | undefined): boolean {
  return format === 'int32' || format === 'int64';
}
