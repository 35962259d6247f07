/**
 * The two ways a `$filter` can fail in the emulator, kept apart so that the emulator never blames
 * the service for its own gaps.
 *
 * @module
 */

/**
 * The filter is invalid for the service too: broken syntax, a property the `Certificate` type
 * does not have, or an operator Microsoft's "OData filters in Batch" does not allow on a
 * property. Answered with the service's code for an invalid `$filter`,
 * `400 InvalidQueryParameterValue`; `message` is the reason.
 */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
}

/**
 * The filter may be valid for the service, but the emulator does not evaluate it (a function,
 * arithmetic, a property or literal type it does not filter on). Answered with
 * `400 UnsupportedByEmulator`; `message` says what the emulator does not support.
 */
export class FilterNotSupportedError extends Error {
  override readonly name = 'FilterNotSupportedError';
}
