/**
 * The five certificate operations, keyed by operationId. Each turns checked input into a
 * service-shaped response, with the state held in a `CertificateStore`.
 *
 * @module
 */

import { BatchFault } from './batch-fault.js';
import type { CertificateStore } from './certificate-store.js';
import type { QueryValues } from './check-parameters.js';
import { ODATA_JSON } from './error-response.js';
import { parseCertificateFilter } from './odata-filter.js';
import { FilterNotSupportedError, FilterSyntaxError } from './odata-filter-error.js';
import { applySelect, parseSelect } from './odata-select.js';
import { baseHeaders, type RequestContext } from './request-context.js';
import { serviceJson } from './service-json.js';
import type { EmulatedCertificate } from './types.js';

/** Everything an operation handler gets. */
export interface OperationInput {
  readonly context: RequestContext;
  readonly account: string;
  readonly apiVersion: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: QueryValues;
  readonly body: unknown;
  readonly store: CertificateStore;
}

/** Answers one operation. */
export type OperationHandler = (input: OperationInput) => Response;

/** The Add body after validation. */
interface CertificateAddBody {
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
  readonly data: string;
  readonly certificateFormat?: 'pfx' | 'cer';
}

/** The `url` property of a certificate resource. */
function resourceUrl(root: string, certificate: EmulatedCertificate): string {
  return `${root}/certificates(thumbprintAlgorithm=${certificate.thumbprintAlgorithm},thumbprint=${certificate.thumbprint})`;
}

/**
 * The `DataServiceId` and `Location` header value: the recordings of the live service show the
 * key names capitalised there (`ThumbprintAlgorithm=…,Thumbprint=…`), unlike the body's `url`.
 */
function headerUrl(root: string, certificate: EmulatedCertificate): string {
  return `${root}/certificates(ThumbprintAlgorithm=${certificate.thumbprintAlgorithm},Thumbprint=${certificate.thumbprint})`;
}

/** The wire representation of a certificate, properties in the service's order. */
export function certificateResource(
  root: string,
  certificate: EmulatedCertificate,
): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const resource: Record<string, unknown> = {
    thumbprint: certificate.thumbprint,
    thumbprintAlgorithm: certificate.thumbprintAlgorithm,
    url: resourceUrl(root, certificate),
    state: certificate.state,
    stateTransitionTime: iso(certificate.stateTransitionTime),
  };
  if (certificate.previousState !== undefined) resource.previousState = certificate.previousState;
  if (certificate.previousStateTransitionTime !== undefined) {
    resource.previousStateTransitionTime = iso(certificate.previousStateTransitionTime);
  }
  if (certificate.publicData !== undefined) resource.publicData = certificate.publicData;
  if (certificate.deleteCertificateError !== undefined) {
    const error = certificate.deleteCertificateError;
    resource.deleteCertificateError = {
      code: error.code,
      message: error.message,
      values: error.values.map((v) => ({ name: v.name, value: v.value })),
    };
  }
  return resource;
}

/**
 * The headers of a response about one certificate. No `ETag` and no `Last-Modified`: the spec
 * declares them, but no recording of the live service shows them on a certificate response (Add,
 * Get, List, Delete; API versions 2022-10-01.16.0 to 2024-07-01.20.0), so a client must not
 * count on them.
 */
function resourceHeaders(
  context: RequestContext,
  certificate: EmulatedCertificate,
  withId: boolean,
): Headers {
  const headers = baseHeaders(context);
  if (withId) headers.set('DataServiceId', headerUrl(context.serviceRoot, certificate));
  return headers;
}

function json(context: RequestContext, body: unknown, headers = baseHeaders(context)): Response {
  headers.set('Content-Type', ODATA_JSON);
  return new Response(serviceJson(body), { status: 200, headers });
}

function first(query: QueryValues, name: string): string | undefined {
  return query.get(name.toLowerCase())?.[0];
}

function add({ context, account, body, store }: OperationInput): Response {
  const input = body as CertificateAddBody;
  const format = input.certificateFormat ?? 'pfx';
  const certificate = store.add(
    account,
    {
      thumbprint: input.thumbprint,
      thumbprintAlgorithm: input.thumbprintAlgorithm,
      certificateFormat: format,
      ...(format === 'cer' ? { publicData: input.data } : {}),
    },
    context.now,
  );
  const headers = resourceHeaders(context, certificate, true);
  headers.set('Location', headerUrl(context.serviceRoot, certificate));
  return new Response(null, { status: 201, headers });
}

function list({ context, account, apiVersion, query, store }: OperationInput): Response {
  const filterText = first(query, '$filter');
  let keep = (_c: EmulatedCertificate): boolean => true;
  if (filterText !== undefined && filterText.trim() !== '') {
    try {
      keep = parseCertificateFilter(filterText);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError || error instanceof FilterNotSupportedError)) {
        throw error;
      }
      const values = [
        { key: 'QueryParameterName', value: '$filter' },
        { key: 'QueryParameterValue', value: filterText },
        { key: 'Reason', value: error.message },
      ];
      // An invalid filter gets the service's answer; one the emulator cannot evaluate says so.
      throw error instanceof FilterSyntaxError
        ? new BatchFault('InvalidQueryParameterValue', values)
        : new BatchFault('UnsupportedByEmulator', values, { message: error.message });
    }
  }
  const selectText = first(query, '$select');
  const selected = parseSelect(selectText);
  const maxResultsText = first(query, 'maxresults');
  const maxResults = maxResultsText === undefined ? 1000 : Number(maxResultsText);
  const after = first(query, '$skiptoken');
  const matching = store
    .list(account)
    .filter((c) => after === undefined || c.thumbprint > after)
    .filter(keep);
  const page = matching.slice(0, maxResults);
  const body: Record<string, unknown> = {
    'odata.metadata': `${context.serviceRoot}/$metadata#certificates`,
    value: page.map((c) => applySelect(certificateResource(context.serviceRoot, c), selected)),
  };
  const last = page.at(-1);
  if (matching.length > page.length && last) {
    const next = new URL(`${context.serviceRoot}/certificates`);
    next.searchParams.set('api-version', apiVersion);
    if (maxResultsText !== undefined) next.searchParams.set('maxresults', maxResultsText);
    if (filterText !== undefined) next.searchParams.set('$filter', filterText);
    if (selectText !== undefined) next.searchParams.set('$select', selectText);
    next.searchParams.set('$skiptoken', last.thumbprint);
    body['odata.nextLink'] = next.href;
  }
  return json(context, body);
}

function get({ context, account, pathParams, query, store }: OperationInput): Response {
  const selected = parseSelect(first(query, '$select'));
  const certificate = store.get(account, pathParams.thumbprintAlgorithm!, pathParams.thumbprint!);
  const body = {
    'odata.metadata': `${context.serviceRoot}/$metadata#certificates/@Element`,
    ...applySelect(certificateResource(context.serviceRoot, certificate), selected),
  };
  return json(context, body, resourceHeaders(context, certificate, false));
}

function remove({ context, account, pathParams, store }: OperationInput): Response {
  const { thumbprintAlgorithm, thumbprint } = pathParams;
  const certificate = store.delete(account, thumbprintAlgorithm!, thumbprint!, context.now);
  return new Response(null, { status: 202, headers: resourceHeaders(context, certificate, false) });
}

function cancelDeletion({ context, account, pathParams, store }: OperationInput): Response {
  const { thumbprintAlgorithm, thumbprint } = pathParams;
  const certificate = store.cancelDeletion(account, thumbprintAlgorithm!, thumbprint!, context.now);
  return new Response(null, { status: 204, headers: resourceHeaders(context, certificate, true) });
}

/**
 * Handlers by the operation's client name (`group.method`), which the overlay pins across API
 * versions (the operationIds changed in 2025-06-01.21.0; the client names did not).
 */
export const CERTIFICATE_OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  'certificate.add': add,
  'certificate.list': list,
  'certificate.get': get,
  'certificate.delete': remove,
  'certificate.cancelDeletion': cancelDeletion,
};
