/**
 * The errors the emulator answers with: codes, statuses and messages in one place.
 *
 * @module
 */

/** A `key`/`value` detail of a Batch error body. */
export interface ErrorValue {
  readonly key: string;
  readonly value: string;
}

/**
 * Status and message of every error code the emulator produces. Wording is the emulator's own;
 * codes are the service's, except `UnsupportedByEmulator`.
 */
export const ERROR_CATALOG = {
  InvalidUri: [400, 'The requested URI does not represent any resource on the server.'],
  UnsupportedHttpVerb: [405, "The resource doesn't support the specified HTTP verb."],
  MissingRequiredQueryParameter: [
    400,
    "A query parameter that's mandatory for this request is not specified.",
  ],
  InvalidQueryParameterValue: [
    400,
    'Value for one of the query parameters specified in the request URI is invalid.',
  ],
  InvalidHeaderValue: [400, 'The value for one of the HTTP headers is not in the correct format.'],
  AuthenticationFailed: [
    403,
    'Server failed to authenticate the request. Make sure the value of Authorization header is ' +
      'formed correctly including the signature.',
  ],
  CertificateRetired: [400, "The 'Azure Batch Certificates' feature was retired on 02/29/2024."],
  RequestBodyTooLarge: [
    413,
    'The request body is too large and exceeds the maximum permissible limit.',
  ],
  InvalidRequestBody: [400, 'The specified Request Body is not syntactically valid.'],
  MissingRequiredProperty: [400, 'A required property was not specified in the request body.'],
  InvalidPropertyValue: [
    400,
    'The value provided for one of the properties in the request body is invalid.',
  ],
  CertificateExists: [409, 'The specified certificate already exists.'],
  CertificateBeingDeleted: [
    409,
    'The specified certificate has been marked for deletion and is being deleted.',
  ],
  CertificateNotFound: [404, 'The specified certificate does not exist.'],
  CertificateStateActive: [
    409,
    'The specified certificate is in the active state; only a certificate whose deletion failed ' +
      'can have its deletion cancelled.',
  ],
  TooManyRequests: [429, 'The server is busy. Please retry the request after some time.'],
  ServerBusy: [
    503,
    'The server is currently unable to receive requests. Please retry your request.',
  ],
  InternalError: [500, 'Server encountered an internal error. Please try again after some time.'],
  NotImplemented: [501, 'The emulator does not implement this operation.'],
  /**
   * Not a service code: the request may be valid for the service, but the emulator does not
   * emulate it. Each fault gives the specific message ("The Batch emulator does not support …").
   */
  UnsupportedByEmulator: [
    400,
    'The Batch emulator does not support this request; the Batch service may accept it.',
  ],
} as const satisfies Record<string, readonly [number, string]>;

/** An error code from {@link ERROR_CATALOG}. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

/**
 * Thrown inside the request pipeline; `handle` turns it into a service-shaped error response.
 * Never leaves the emulator.
 */
export class BatchFault extends Error {
  override readonly name = 'BatchFault';
  readonly status: number;
  readonly code: string;
  readonly values: readonly ErrorValue[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    values: readonly ErrorValue[] = [],
    overrides: {
      status?: number;
      code?: string;
      headers?: Record<string, string>;
      message?: string;
    } = {},
  ) {
    const [status, message] = ERROR_CATALOG[code];
    super(overrides.message ?? message);
    this.status = overrides.status ?? status;
    this.code = overrides.code ?? code;
    this.values = values;
    this.headers = overrides.headers ?? {};
  }
}

/** Shorthand for an `AuthenticationFailed` fault with its `AuthenticationErrorDetail`. */
export function authenticationFailed(detail: string): BatchFault {
  return new BatchFault('AuthenticationFailed', [
    { key: 'AuthenticationErrorDetail', value: detail },
  ]);
}

/** The error `handle` rejects with for a request dropped by `faults.dropNext`. */
export class EmulatedNetworkError extends TypeError {
  override readonly name = 'EmulatedNetworkError';
  constructor() {
    super('The Batch emulator dropped the connection (faults.dropNext).');
  }
}
