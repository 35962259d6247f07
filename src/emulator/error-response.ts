/**
 * Service-shaped error responses.
 *
 * @module
 */

import type { BatchFault } from './batch-fault.js';
import { formatServiceTime } from './http-date.js';
import { baseHeaders, type RequestContext } from './request-context.js';
import { serviceJson } from './service-json.js';

/** Content type of every JSON response, as the service sends it. */
export const ODATA_JSON = 'application/json;odata=minimalmetadata';

/**
 * Builds the response for a fault:
 * `{"odata.metadata": "<root>/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",
 * "code", "message": {"lang": "en-US", "value": "<text>\nRequestId:<id>\nTime:<iso>"}, "values"}`;
 * `values` is left out when empty. The text is laid out like the service's (`service-json.ts`).
 */
export function errorResponse(context: RequestContext, fault: BatchFault): Response {
  const body: Record<string, unknown> = {
    'odata.metadata': `${context.serviceRoot}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
    code: fault.code,
    message: {
      lang: 'en-US',
      value: `${fault.message}\nRequestId:${context.requestId}\nTime:${formatServiceTime(context.now)}`,
    },
  };
  if (fault.values.length > 0)
    body.values = fault.values.map((v) => ({ key: v.key, value: v.value }));
  const headers = baseHeaders(context);
  headers.set('Content-Type', ODATA_JSON);
  for (const [name, value] of Object.entries(fault.headers)) headers.set(name, value);
  return new Response(serviceJson(body), { status: fault.status, headers });
}
