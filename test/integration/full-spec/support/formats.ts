/**
 * What each OpenAPI `format` means to a client, as this suite reads it: written for the suite and
 * sharing no code with the pipeline (`src/table/formats.ts`), so a format the pipeline misreads
 * cannot agree with itself and pass. Formats are known by meaning, not by spelling: AutoRest's
 * `date-time-rfc1123` and TypeSpec's `date-time-rfc7231` are the same HTTP date.
 *
 * A format missing here stops the suite and names itself and where it was met, instead of being
 * sampled as a plain string: a new spec whose dates the suite would send as text could otherwise
 * fail every operation for a reason that has nothing to do with the client (issue 21: 0 of 77).
 */

/** What a value of a format is. */
export type FormatMeaning =
  /** An instant written as an HTTP date (`Tue, 02 Jan 2024 03:04:05 GMT`): a `Date` in the client. */
  | 'http-date'
  /** An instant written as RFC 3339 text: a `Date` in the client. */
  | 'date-time'
  /** A calendar day (`2024-01-02`): a `Date` in the client. */
  | 'date'
  /** An integer, whether the spec types it as a number or as a string (`Content-Length`). */
  | 'integer'
  /** A floating-point number. */
  | 'number'
  /** Text with a shape the sample must follow (`uuid`, `duration`, `byte`, `uri`, `arm-id`). */
  | 'shaped-text'
  /** Text with no shape to follow (a secret, for example). */
  | 'text';

const MEANINGS: Readonly<Record<string, FormatMeaning>> = {
  'date-time-rfc1123': 'http-date',
  'date-time-rfc7231': 'http-date',
  'date-time': 'date-time',
  date: 'date',
  int32: 'integer',
  int64: 'integer',
  float: 'number',
  double: 'number',
  uuid: 'shaped-text',
  duration: 'shaped-text',
  byte: 'shaped-text',
  uri: 'shaped-text',
  url: 'shaped-text',
  'arm-id': 'shaped-text',
  password: 'text',
};

/**
 * The meaning of `format` (undefined when there is none).
 *
 * @param where - where the format was met (`BatchJob.url`, `header Last-Modified of Jobs_GetJob`),
 *   for the error
 * @throws Error naming the format and `where` when the suite does not know it
 */
export function formatMeaning(
  format: string | undefined,
  where: string,
): FormatMeaning | undefined {
  if (format === undefined) return undefined;
  const meaning = MEANINGS[format];
  if (meaning === undefined) {
    throw new Error(
      `full-spec suite: format "${format}" (${where}) is not known to the suite; add what a client does with it to test/integration/full-spec/support/formats.ts`,
    );
  }
  return meaning;
}

/** Whether values of `format` are instants or days, a `Date` in the client. */
export function isDateMeaning(meaning: FormatMeaning | undefined): boolean {
  return meaning === 'http-date' || meaning === 'date-time' || meaning === 'date';
}
