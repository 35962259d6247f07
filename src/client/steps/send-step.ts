/**
 * `send`, the end of the per-call chain: the call goes out through the generated hey-api SDK
 * function of its operation, on the client's hey-api client, and hey-api's `fetch` is the HTTP
 * pipeline:
 *
 * ```text
 * SDK function (hey-api: URL, query, headers, JSON body)
 *   → serviceError → perCall policies → retry → [perRetry policies → authorization → fetch]
 *   ← hey-api parses the answer (shape check, then dates → Date)
 * ```
 *
 * hey-api's body serializer is wrapped so the JSON text it produces travels in the pipeline
 * request, and hey-api's own `Request` (which only carries method, URL and headers to the
 * pipeline) gets no body: the body is serialized once, by hey-api, and sent once, by the pipeline.
 */
import { composePolicies } from '../../pipeline/compose-policies.js';
import { retryPolicy } from '../../pipeline/retry-policy.js';
import { serviceErrorPolicy } from '../../pipeline/service-error-policy.js';
import { resolveRetryOptions } from '../../retry/retry-options.js';
import { createRetryStrategy } from '../../retry/retry-strategy.js';
import type { OperationSpec, ResponseBodyKind } from '../../table/operation-table.js';
import { type NextStep, operationLabel } from '../call.js';
import type { OperationCallOptions } from '../client-options.js';
import type { ClientRuntime } from '../client-runtime.js';
import type { SdkFunction } from '../generated-module.js';
import { checkNextLink } from '../next-link.js';
import { placeArguments } from '../place-arguments.js';
import { responseError, ShapeMismatch, shapeCheck } from '../result-shape.js';

/** hey-api's `parseAs` per kind of result: JSON is always parsed as JSON, whatever Content-Type says. */
const PARSE_AS: Readonly<Record<ResponseBodyKind, string>> = {
  json: 'json',
  binary: 'stream',
  none: 'text',
};

export function sendStep(runtime: ClientRuntime): NextStep {
  const config = runtime.heyClient.getConfig();
  const serialize = config.bodySerializer ?? ((body: unknown) => JSON.stringify(body));
  const shapeChecks = new Map<OperationSpec, ReturnType<typeof shapeCheck>>();
  const shapeCheckOf = (operation: OperationSpec) => {
    if (!shapeChecks.has(operation)) {
      shapeChecks.set(operation, shapeCheck(operation, runtime.generated.validators));
    }
    return shapeChecks.get(operation);
  };

  return async (call) => {
    const { operation, args } = call;
    const options = args.options as OperationCallOptions & Record<string, unknown>;
    const label = operationLabel(operation);
    const clientRequestId =
      typeof options.clientRequestId === 'string' ? options.clientRequestId : runtime.randomUUID();
    const placed = placeArguments(operation, args, clientRequestId);
    const strategy =
      options.retry === undefined
        ? runtime.strategy
        : createRetryStrategy(resolveRetryOptions(runtime.retry, options.retry), runtime);
    const pipeline = composePolicies(
      [
        serviceErrorPolicy({
          isExistenceCheck: operation.isExistenceCheck,
          retirement: operation.deprecation?.retirement,
          readBody: operation.responseBody !== 'binary',
          state: call.state,
        }),
        ...runtime.perCallPolicies,
        retryPolicy({
          strategy,
          sleep: runtime.sleep,
          timeoutInMs: options.timeoutInMs ?? runtime.timeoutInMs,
          abortSignal: options.abortSignal,
          readBody: operation.responseBody !== 'binary',
          copyPerAttempt: runtime.perRetryPolicies.length > 0,
          state: call.state,
        }),
        ...runtime.perRetryPolicies,
        runtime.authorization,
      ],
      runtime.transport,
    );
    const sdkFunction = runtime.generated.sdk[operation.sdkFunction] as unknown as
      | SdkFunction
      | undefined;
    if (typeof sdkFunction !== 'function') {
      throw new Error(`the generated module has no SDK function ${operation.sdkFunction}`);
    }
    let bodyText: string | undefined;
    const result = await sdkFunction({
      client: runtime.heyClient,
      ...placed,
      ...(call.nextLink === undefined ? {} : nextPageOptions(runtime.baseUrl, call.nextLink)),
      parseAs: PARSE_AS[operation.responseBody],
      // Returning undefined keeps the body out of hey-api's Request. hey-api keeps the operation's
      // Content-Type, because it drops it only for an absent body or a serialized '' (pinned by
      // the "see the serialized request" test of additional-policies.test.ts: the header is
      // signed, so losing it would fail every add).
      bodySerializer: (body: unknown) => {
        bodyText = serialize(body) as string;
        return undefined;
      },
      responseValidator: shapeCheckOf(operation),
      throwOnError: false,
      fetch: (request: Request) =>
        pipeline({
          method: request.method,
          url: request.url,
          // hey-api's Request carries no body; its headers are a fresh object we may change.
          headers: request.headers,
          body: bodyText,
          operation: label,
          abortSignal: options.abortSignal,
        }),
    });
    const { data, error, request, response } = result;
    const summary = request ? { method: request.method, url: request.url } : undefined;
    // A JSON result with an empty body (hey-api would read it as `{}`, or fail on white space).
    const empty = operation.responseBody === 'json' && (call.state.bodyText ?? '').trim() === '';
    if (response?.ok && empty) throw responseError(operation, 'emptyBody', response, summary);
    if (error !== undefined) {
      if (operation.isExistenceCheck && response?.status === 404) return { data: false, response };
      if (response?.ok && error instanceof ShapeMismatch) {
        throw responseError(operation, 'unexpectedShape', response, summary, error.issues);
      }
      if (response?.ok && error instanceof SyntaxError) {
        throw responseError(operation, 'invalidJson', response, summary);
      }
      throw error;
    }
    if (!response) throw new Error(`${label}: hey-api returned no response`);
    return { data, response };
  };
}

/**
 * A later page goes to the link the service gave (checked to stay inside the account URL), through
 * the same SDK function: hey-api's `baseUrl` + `url` replace its path template and query.
 */
function nextPageOptions(baseUrl: string, nextLink: string) {
  const link = checkNextLink(baseUrl, nextLink);
  return {
    baseUrl: link.origin,
    url: `${link.pathname}${link.search}`,
    path: undefined,
    query: undefined,
  };
}
