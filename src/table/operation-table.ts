/**
 * The shape of the operation table that `npm run generate` writes to `generated/operations.ts`.
 * The client, the CLI and the emulator are built from this data; nothing in `src/` names an
 * individual operation.
 */

/** Where a parameter travels. `body` is the request body. */
export type ParameterLocation = 'path' | 'query' | 'header' | 'body';

/** Scalar wire type of a non-body parameter or a response header. */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** One non-body parameter of an operation. */
export interface ParameterSpec {
  /** Name on the wire (`client-request-id`, `$filter`, `maxresults`). */
  readonly wireName: string;
  /** Name in the client API (`clientRequestId`, `filter`, `maxResults`). */
  readonly clientName: string;
  readonly location: ParameterLocation;
  readonly type: ScalarType;
  /** OpenAPI format (`int32`, `uuid`, `date-time-rfc1123`, ...), if any. */
  readonly format?: string;
  /** Item type for `array` parameters. */
  readonly itemType?: ScalarType;
  /**
   * How an `array` query parameter goes on the wire (Swagger 2.0 `collectionFormat`): `csv`
   * (`a,b`; the method also takes the joined string), `multi` (repeated), `ssv`, `pipes`.
   */
  readonly collectionFormat?: string;
  readonly required: boolean;
  /** The spec's default; documentation only: the service applies it, so the client never sends it. */
  readonly default?: string | number | boolean;
  readonly description?: string;
  /** `x-ms-skip-url-encoding`: the value is placed in the path as given (e.g. file paths with `/`). */
  readonly skipUrlEncoding?: boolean;
  /** `x-ms-client-request-id`: the client fills it with a fresh UUID per call when not given. */
  readonly isClientRequestId?: boolean;
  /** `x-batch-normalize`: a rewrite applied to the caller's value before validating and sending. */
  readonly normalize?: NormalizeRule;
  /** `x-ms-parameter-grouping` name, kept for reference (the client flattens groups into options). */
  readonly group?: string;
}

/** The request body of an operation. */
export interface BodySpec {
  /** Parameter name in the spec (`certificate`, `pool`, ...). */
  readonly clientName: string;
  readonly required: boolean;
  /** Named schema of the body, if it is a `$ref`. */
  readonly schema?: string;
  readonly contentType: string;
  readonly description?: string;
  readonly normalizations?: readonly BodyNormalization[];
  /**
   * Paths inside the body of the properties the service sets (`readOnly`): `id`, `executionInfo`,
   * `poolInfo.autoPoolSpecification.pool.virtualMachineConfiguration.imageReference.exactVersion`,
   * `metadata[].name` (`[]`: each item of an array). The client leaves them out of the request, as
   * the Azure SDKs' serializers do, so a resource read with `get` can be sent back changed; the
   * body validators refuse them (a request that still carries one did not come through the client).
   */
  readonly readOnly?: readonly string[];
}

/**
 * A rewrite of a caller's value before it is validated and sent (`x-batch-normalize`).
 * `remove-separators`: delete white space, colons and invisible direction marks, the separators
 * hex identifiers such as certificate thumbprints are written with (`src/util/remove-separators.ts`).
 */
export type NormalizeRule = 'remove-separators';

/** A rewrite the client applies to a top-level body property (`x-batch-normalize`). */
export interface BodyNormalization {
  readonly property: string;
  readonly rule: NormalizeRule;
}

/** One declared response header, typed. */
export interface ResponseHeaderSpec {
  readonly wireName: string;
  readonly clientName: string;
  readonly type: ScalarType;
  readonly format?: string;
}

/** What a successful response carries. */
export type ResponseBodyKind = 'none' | 'json' | 'binary';

/** One operation of the table: everything the client, CLI and emulator need to call or serve it. */
export interface OperationSpec {
  readonly operationId: string;
  /** The method of the generated hey-api SDK class the client sends this operation through (`generated/hey-api/sdk.gen.ts`). */
  readonly sdkFunction: string;
  readonly group: string;
  readonly method: string;
  readonly httpMethod: string;
  /** Path template relative to the account URL, e.g. `/certificates(thumbprintAlgorithm={thumbprintAlgorithm},thumbprint={thumbprint})`. */
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /**
   * For deprecated operations: the stable warning code and the warning text (wording is API), and,
   * when the service has retired the operation, the error code it answers with and the message the
   * client's error gives instead (`x-batch-deprecation.retiredErrorCode` / `retiredMessage`).
   */
  readonly deprecation?: {
    readonly code: string;
    readonly message: string;
    readonly retirement?: { readonly errorCode: string; readonly message: string };
  };
  /** Value sent as `api-version` (the spec's `info.version`). */
  readonly apiVersion: string;
  /** Non-body parameters in spec order; `api-version` is not listed (the client sends it). */
  readonly parameters: readonly ParameterSpec[];
  readonly body?: BodySpec;
  readonly successStatuses: readonly number[];
  readonly responseHeaders: readonly ResponseHeaderSpec[];
  readonly responseBody: ResponseBodyKind;
  /** Named schema of the success body, if any. */
  readonly responseSchema?: string;
  /** `x-ms-pageable`: the property holding the next page's URL, and the item array. */
  readonly pageable?: { readonly nextLinkName: string | null; readonly itemName: string };
  /** HEAD operations answer a boolean: 2xx → true, 404 → false. */
  readonly isExistenceCheck: boolean;
  /**
   * For a state-changing operation: how the client tells an answer its own retry caused (after
   * an earlier attempt may have taken effect) from a real one, by reading the resource (`read`,
   * an operationId) and checking the state the caller asked for (`expect`): `created` (a create,
   * `409 …Exists`: the resource read back is the one sent), `deleted` (a delete, `404` or `409`:
   * gone, or `deleting`) or `{ state }` (an action, `409`: the resource is in that state). See
   * `scripts/pipeline/retry-recovery.ts` and `src/client/own-retry-recovery.ts`.
   */
  readonly retryRecovery?: {
    readonly read: string;
    readonly expect: 'created' | 'deleted' | { readonly state: string };
  };
  /** Body paths (`certificate.password`) whose values are secrets and are never printed. */
  readonly secrets: readonly string[];
  /**
   * Ids of the compiled validators in `generated/validators.js`: the call's parameters, its
   * request body, and the *shape* of its JSON success body (types only: a body that fails it
   * cannot be the declared result).
   */
  readonly validators: {
    readonly parameters: string;
    readonly body?: string;
    readonly response?: string;
  };
}

/** The operation table: one {@link OperationSpec} per operationId. */
export type OperationTable = Readonly<Record<string, OperationSpec>>;
