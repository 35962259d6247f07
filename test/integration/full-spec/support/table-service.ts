/**
 * A stand-in Batch service for one spec, as one msw handler. It knows the spec only through the
 * independent reading (spec-reading.ts), never the generated table: it routes each request to
 * the operation whose method and path template match (templates → anchored regular
 * expressions), records what arrived (with the Shared Key signature checked against the
 * independent reference implementation), and answers from the response plan. Existence checks answer 404 for the absent id;
 * pageable operations answer a first page naming a second (`$skiptoken=page-2`).
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import {
  referenceAuthorization,
  referenceRequestFromArrived,
} from '../../../support/reference-shared-key.js';
import { ABSENT } from './call-plan.js';
import { downloadBytes, jsonBody, pagedBody, plannedHeaders } from './response-plan.js';
import type { SchemaSampler } from './schema-sample.js';
import type { ReadOperation } from './spec-reading.js';

export interface ArrivedCall {
  /** The operation the request was routed to, or undefined when no template matched. */
  readonly operationId: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly headers: Map<string, string>;
  readonly bodyText: string;
  readonly signatureValid: boolean;
  /** What the service answered with (JSON bodies), for comparing with the parsed result. */
  answeredJson?: unknown;
}

export interface TableServiceOptions {
  readonly accountUrl: string;
  readonly accountName: string;
  readonly accountKey: string;
  readonly operations: ReadonlyMap<string, ReadOperation>;
  readonly sampler: SchemaSampler;
}

export const PAGE_TWO = 'page-2';
export class TableService {
  readonly calls: ArrivedCall[] = [];
  readonly handler: HttpHandler;
  readonly #options: TableServiceOptions;
  readonly #routes: { operation: ReadOperation; pattern: RegExp }[];

  constructor(options: TableServiceOptions) {
    this.#options = options;
    this.#routes = [...options.operations.values()].map((operation) => ({
      operation,
      pattern: templatePattern(operation),
    }));
    const origin = new URL(options.accountUrl).origin;
    this.handler = http.all(
      ({ request }) => new URL(request.url).origin === origin,
      ({ request }) => this.#answer(request),
    );
  }

  async #answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rawPath = request.url.slice(url.origin.length).split('?')[0]!;
    // With the Content-Length fetch put on the wire, which the signature covers.
    const arrived = await referenceRequestFromArrived(request);
    const headers = new Map<string, string>();
    for (const [name, value] of request.headers) headers.set(name, value);
    const { accountName, accountKey } = this.#options;
    const route = this.#routes.find(
      (r) => r.operation.method === request.method && r.pattern.test(rawPath),
    );
    const call: ArrivedCall = {
      operationId: route?.operation.operationId,
      method: request.method,
      url: request.url,
      headers,
      bodyText: new TextDecoder().decode(arrived.body ?? new Uint8Array()),
      signatureValid:
        headers.get('authorization') === referenceAuthorization(arrived, accountName, accountKey),
    };
    this.calls.push(call);
    if (!route) return HttpResponse.json({ code: 'NoRoute' }, { status: 400 });
    return this.#respond(route.operation, url, rawPath, call);
  }

  #respond(operation: ReadOperation, url: URL, rawPath: string, call: ArrivedCall): Response {
    if (operation.kind === 'exists' && rawPath.includes(ABSENT)) {
      // A HEAD answer has no body; the error code travels in a header, as the service does it.
      return new HttpResponse(null, { status: 404, headers: { 'x-ms-error-code': 'NotFound' } });
    }
    const status = operation.status;
    let body: BodyInit | null = null;
    let bodyLength: number | undefined;
    if (operation.kind === 'binary') {
      const bytes = downloadBytes(operation);
      body = bytes;
      bodyLength = bytes.byteLength;
    } else if (operation.kind === 'json' || operation.kind === 'paged') {
      let json: unknown;
      if (operation.kind === 'paged') {
        const next = new URL(url);
        next.searchParams.set('$skiptoken', PAGE_TWO);
        const page = url.searchParams.get('$skiptoken') === PAGE_TWO ? 2 : 1;
        json = pagedBody(operation, this.#options.sampler, page, next.href);
      } else {
        json = jsonBody(operation, this.#options.sampler);
      }
      call.answeredJson = json;
      const bytes = new TextEncoder().encode(JSON.stringify(json));
      body = bytes;
      bodyLength = bytes.byteLength;
    }
    const headers = new Headers();
    if (call.answeredJson !== undefined) headers.set('content-type', 'application/json');
    for (const [spec, planned] of plannedHeaders(operation, bodyLength)) {
      headers.set(spec.wireName, planned.wire);
    }
    return new HttpResponse(body, { status, headers });
  }
}

/** `/pools/{poolId}/nodes` → `^/pools/([^/]+)/nodes$` (a kept-slash parameter may span segments). */
function templatePattern(operation: ReadOperation): RegExp {
  const spans = new Set(operation.spanning);
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return spans.has(name) ? '(.+)' : '([^/]+)';
    })
    .join('');
  return new RegExp(`^${source}$`);
}
