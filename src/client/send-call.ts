/**
 * The path of one call, in the order of the pipeline's phases:
 *
 * ```text
 * prepareCall   normalize → deprecation → validate (arguments and call options), once per call
 * sendRequest   serialize: the generated hey-api SDK method (URL, query, headers, JSON body)
 *                 → hey-api's `fetch`: the client's pipeline (perCall → retry → perRetry → sign → transport)
 *               deserialize: hey-api's parser (shape check, dates → Date), then the service's
 *                 errors, degenerate answers and `onResponse`
 * ```
 *
 * hey-api is used through its options: the per-call `fetch` (the pipeline), `bodySerializer` (the
 * JSON text, kept to be sent), `responseValidator` and its generated transformers. A page of a
 * list and a read-back are requests of a prepared call.
 *
 * @module
 */
import { checkDeprecation } from '../deprecation/deprecation-warnings.js';
import {
  BatchResponseError,
  type BatchResponseIssue,
  type BatchResponseProblem,
} from '../errors/batch-response-error.js';
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import { parseBatchError } from '../errors/parse-batch-error.js';
import { responseIds } from '../errors/response-ids.js';
import { bufferResponse, isBufferedResponse } from '../pipeline/buffered-response.js';
import type { AttemptRecord, PipelineRequest } from '../pipeline/pipeline-policy.js';
import type { OperationSpec, ResponseBodyKind } from '../table/operation-table.js';
import { type CallArguments, normalizeCall } from './call-arguments.js';
import type { BatchRawResponse } from './client-options.js';
import type { ClientRuntime } from './client-runtime.js';
import type { SdkResult } from './generated-module.js';
import { type NextLinkPageSize, nextPageOptions } from './paging.js';
import { placeArguments } from './place-arguments.js';
import { ShapeMismatch } from './response-shape.js';
import { callIssues, type ResolvedCallOptions, resolveCallOptions } from './validate-call.js';

/** A call whose arguments are checked and whose options are resolved; its requests share them. */
export interface PreparedCall {
  readonly operation: OperationSpec;
  /** `group.method`, the operation's name in messages and errors. */
  readonly label: string;
  /** The arguments, normalized (`x-batch-normalize`): what is validated is what is sent. */
  readonly args: CallArguments;
  readonly options: ResolvedCallOptions;
}

/** What one request of a call got: hey-api's result (dates as `Date`) and the final answer. */
export interface Sent {
  readonly data: unknown;
  readonly response: Response;
}

/** hey-api's `parseAs` per kind of result: JSON is always parsed as JSON, whatever Content-Type says. */
const PARSE_AS: Readonly<Record<ResponseBodyKind, string>> = {
  json: 'json',
  binary: 'stream',
  none: 'text',
};

/**
 * Normalizes, warns (once per call: `warn: false` for a read-back, whose caller's call warned),
 * and validates the arguments (unless `validation: false`) and the call options (always).
 *
 * @throws BatchDeprecationError in `'error'` mode; BatchValidationError listing every issue
 */
export function prepareCall(
  runtime: ClientRuntime,
  operation: OperationSpec,
  given: CallArguments,
  warn = true,
): PreparedCall {
  const args = normalizeCall(operation, given);
  if (warn) checkDeprecation(operation, runtime.deprecationWarnings, runtime.onWarning);
  const issues: BatchValidationIssue[] = [];
  const options = resolveCallOptions(runtime, operation, args.options, issues);
  if (runtime.validation) issues.push(...callIssues(operation, runtime.generated.validators, args));
  if (issues.length > 0) throw new BatchValidationError(issues);
  return { operation, label: `${operation.group}.${operation.method}`, args, options };
}

/** A fresh attempt record for one request (see `PipelineRequest.attempts`). */
export function newAttemptRecord(): AttemptRecord {
  return { count: 0, earlierMayHaveTakenEffect: false };
}

/**
 * Sends one request of `call` (`nextLink`: a later page of a list) and deserializes the answer.
 *
 * @param attempts - where the retry policy records this request's attempts
 * @param pageSize - the run's page size, for a next link (see `nextPageOptions`)
 * @throws BatchServiceError for an error answer; BatchResponseError for a success answer that
 *   cannot be the result; the transport errors; and whatever the caller's own code threw
 */
export async function sendRequest(
  runtime: ClientRuntime,
  call: PreparedCall,
  attempts: AttemptRecord,
  nextLink?: string,
  pageSize?: NextLinkPageSize,
): Promise<Sent> {
  const { operation, label, args, options } = call;
  const given = args.options.clientRequestId;
  const clientRequestId = typeof given === 'string' ? given : runtime.randomUUID();
  const streamResponseBody = operation.responseBody === 'binary';
  let bodyText: string | undefined;
  let request: PipelineRequest | undefined;
  const result = await runtime.sdkFunction(operation)({
    ...placeArguments(operation, args, clientRequestId),
    ...(nextLink === undefined
      ? {}
      : nextPageOptions(runtime.baseUrl, nextLink, operation.apiVersion, pageSize)),
    parseAs: PARSE_AS[operation.responseBody],
    bodySerializer: (body: unknown) => {
      bodyText = JSON.stringify(body);
      return bodyText;
    },
    responseValidator: runtime.shapeCheck(operation),
    throwOnError: false,
    fetch: async (sdkRequest: Request) => {
      request = {
        method: sdkRequest.method,
        url: sdkRequest.url,
        headers: sdkRequest.headers,
        body: bodyText,
        operation: label,
        abortSignal: options.abortSignal,
        timeoutInMs: options.timeoutInMs,
        retryOptions: options.retryOptions,
        streamResponseBody,
        attempts,
      };
      const answer = await runtime.pipeline(request);
      return streamResponseBody && answer.ok ? answer : bufferResponse(answer, 'a perCall policy');
    },
  });
  return deserialize(call, result, request);
}

/**
 * hey-api's result → the call's result, or the error the client throws. An error answer is a
 * BatchServiceError (parsed from the text the transport read); a success answer that cannot be the
 * result is a BatchResponseError; `onResponse` sees either before the call settles.
 */
function deserialize(
  call: PreparedCall,
  result: SdkResult,
  request: PipelineRequest | undefined,
): Sent {
  const { data, error, response } = result;
  // No answer: the pipeline threw (a transport error, an abort, a policy's own error).
  if (response === undefined || request === undefined) throw error;
  const { operation, label } = call;
  const summary = { method: request.method, url: request.url };
  const bodyText = isBufferedResponse(response) ? response.bodyText : undefined;
  const absent = operation.isExistenceCheck && response.status === 404;
  let failure: unknown;
  if (!response.ok && !absent) {
    failure = parseBatchError({
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bodyText: bodyText ?? '',
      operation: label,
      request: summary,
      retirement: operation.deprecation?.retirement,
    });
  } else if (response.ok && operation.responseBody === 'json' && (bodyText ?? '').trim() === '') {
    // hey-api would read an empty body as `{}` (or fail on white space).
    failure = responseError(operation, 'emptyBody', response, summary);
  } else if (response.ok && error !== undefined) {
    if (error instanceof ShapeMismatch) {
      failure = responseError(operation, 'unexpectedShape', response, summary, error.issues);
    } else if (error instanceof SyntaxError) {
      failure = responseError(operation, 'invalidJson', response, summary);
    } else failure = error;
  }
  call.options.onResponse?.(
    rawResponse(response, bodyText, failure ? undefined : data, request),
    failure,
  );
  if (failure !== undefined) throw failure;
  return { data: absent ? false : data, response };
}

function rawResponse(
  response: Response,
  bodyText: string | undefined,
  parsedBody: unknown,
  request: PipelineRequest,
): BatchRawResponse {
  return {
    status: response.status,
    headers: response.headers,
    bodyAsText: bodyText,
    parsedBody: typeof parsedBody === 'object' ? parsedBody : undefined,
    request: { method: request.method, url: request.url, headers: request.headers },
  };
}

/** The BatchResponseError of a success answer that cannot be `operation`'s result. */
export function responseError(
  operation: OperationSpec,
  problem: BatchResponseProblem,
  response: Response,
  request: { method: string; url: string } | undefined,
  issues?: readonly BatchResponseIssue[],
): BatchResponseError {
  return new BatchResponseError({
    problem,
    issues,
    statusCode: response.status,
    expected: operation.responseSchema,
    ...responseIds(response.headers),
    operation: `${operation.group}.${operation.method}`,
    request,
  });
}
