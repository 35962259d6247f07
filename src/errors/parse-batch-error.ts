/**
 * Turns any error response into a {@link BatchServiceError}. Pure: no I/O, never throws.
 *
 * Handles the shapes seen in practice: the Batch OData error
 * (`{"odata.metadata", "code", "message": {"lang", "value"}, "values"?}`), the `{"error": {...}}`
 * wrapper of newer Azure APIs, a `message` that is a plain string, unknown extra fields, truncated
 * JSON (the code and message are salvaged when readable), HTML from a proxy and empty bodies. A
 * body that is not a Batch error is never copied into the message: only a short note is.
 *
 * @module
 */

import { BatchServiceError } from './batch-service-error.js';
import { reasonPhrase } from './reason-phrase.js';
import { headerValue, type ResponseHeadersLike, responseIds, safeId } from './response-ids.js';

/** Input of {@link parseBatchError}: the parts of a `Response` it needs, already read. */
export interface ParseBatchErrorInput {
  /** The HTTP status code. */
  readonly status: number;
  /** The HTTP reason phrase; often empty over HTTP/2, a standard one is used then. */
  readonly statusText?: string;
  /** Response headers; `request-id` and `client-request-id` are read from them. */
  readonly headers: ResponseHeadersLike;
  /** The response body as text (may be empty, HTML or truncated). */
  readonly bodyText: string;
  /** The client operation that was called, e.g. `certificate.add`. */
  readonly operation?: string;
  /** The request that failed; only its method and sanitized URL are kept. */
  readonly request?: { readonly method: string; readonly url: string | URL };
  /** How the service says it retired the operation, when it did (from the operation table). */
  readonly retirement?: RetirementNotice;
}

/**
 * The answer of a service that retired an operation: its error code, and the message that says
 * what to do instead (the operation table's `deprecation.retirement`, from `x-batch-deprecation`).
 */
export interface RetirementNotice {
  /** The error code of the answer, e.g. `CertificateRetired`. */
  readonly errorCode: string;
  /** The error's message when the code matches. */
  readonly message: string;
}

interface ParsedBody {
  code?: string;
  serviceMessage?: string;
  lang?: string;
  values: Array<{ key: string; value: string }>;
  note?: string;
}

const CODE_PATTERN = /^[A-Za-z][\w.-]{0,127}$/;

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function readValues(raw: unknown): Array<{ key: string; value: string }> {
  if (!Array.isArray(raw)) return [];
  const out: Array<{ key: string; value: string }> = [];
  for (const item of raw) {
    const entry = asRecord(item);
    const key = entry?.key;
    const value = entry?.value;
    if (typeof key !== 'string') continue;
    if (typeof value === 'string') out.push({ key, value });
    else if (typeof value === 'number' || typeof value === 'boolean') {
      out.push({ key, value: String(value) });
    }
  }
  return out;
}

function fromJson(json: unknown): ParsedBody {
  const top = asRecord(json);
  const body = top !== undefined && top.code === undefined ? (asRecord(top.error) ?? top) : top;
  if (body === undefined) return { values: [], note: 'response body is not a Batch error' };
  const code =
    typeof body.code === 'string' && CODE_PATTERN.test(body.code) ? body.code : undefined;
  const message = asRecord(body.message);
  const text = typeof body.message === 'string' ? body.message : message?.value;
  const serviceMessage = typeof text === 'string' ? text : undefined;
  const lang = typeof message?.lang === 'string' ? message.lang : undefined;
  const values = readValues(body.values);
  if (code === undefined && serviceMessage === undefined) {
    return { values: [], note: 'response body is not a Batch error' };
  }
  return { code, serviceMessage, lang, values };
}

function jsonString(literal: string | undefined): string | undefined {
  if (literal === undefined) return undefined;
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return undefined;
  }
}

/** Reads `code` and the message from JSON cut short (e.g. by a proxy or a dropped connection). */
function salvage(body: string): ParsedBody {
  const str = '"((?:[^"\\\\]|\\\\.)*)"';
  const code = jsonString(new RegExp(`"code"\\s*:\\s*${str}`).exec(body)?.[1]);
  const nested = new RegExp(`"message"\\s*:\\s*\\{[^{}]*?"value"\\s*:\\s*${str}`).exec(body);
  const flat = new RegExp(`"message"\\s*:\\s*${str}`).exec(body);
  const serviceMessage = jsonString(nested?.[1] ?? flat?.[1]);
  const lang = jsonString(new RegExp(`"lang"\\s*:\\s*${str}`).exec(body)?.[1]);
  const safeCode = code !== undefined && CODE_PATTERN.test(code) ? code : undefined;
  if (safeCode === undefined && serviceMessage === undefined) {
    return { values: [], note: 'malformed JSON response body' };
  }
  return { code: safeCode, serviceMessage, lang, values: [] };
}

function parseBody(bodyText: string, contentType: string | undefined): ParsedBody {
  const body = bodyText.trim();
  if (body === '') return { values: [], note: 'empty response body' };
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      return fromJson(JSON.parse(body));
    } catch {
      return salvage(body);
    }
  }
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  const safeType = mediaType !== undefined && /^[\w.+-]+\/[\w.+-]+$/.test(mediaType);
  return { values: [], note: `non-JSON response body${safeType ? `, ${mediaType}` : ''}` };
}

/** Drops the `RequestId:` and `Time:` lines the Batch service appends to every message. */
function humanText(serviceMessage: string): string {
  return serviceMessage
    .split(/\r?\n/)
    .filter((line) => !/^\s*(RequestId|Time)\s*:/.test(line))
    .join('\n')
    .trim();
}

function trailerRequestId(serviceMessage: string | undefined): string | undefined {
  return safeId(/(?:^|\n)\s*RequestId\s*:\s*(\S+)/.exec(serviceMessage ?? '')?.[1]);
}

/**
 * Builds a {@link BatchServiceError} from an error response. Never throws and never copies a
 * non-Batch body into the error: the message falls back to e.g.
 * `502 Bad Gateway (non-JSON response body, text/html)` or `500 Internal Server Error (empty
 * response body)`.
 */
export function parseBatchError(input: ParseBatchErrorInput): BatchServiceError {
  const parsed = parseBody(input.bodyText, headerValue(input.headers, 'content-type'));
  const statusText = input.statusText?.trim() ?? '';
  const reason = /^[\x20-\x7e]{1,60}$/.test(statusText) ? statusText : reasonPhrase(input.status);
  const statusLine = reason === undefined ? `${input.status}` : `${input.status} ${reason}`;
  const text = parsed.serviceMessage === undefined ? '' : humanText(parsed.serviceMessage);
  let message = text;
  if (message === '') {
    message =
      parsed.note !== undefined
        ? `${statusLine} (${parsed.note})`
        : `${statusLine} (${parsed.code ?? 'no error code'}, no message)`;
  }
  const ids = responseIds(input.headers);
  return new BatchServiceError({
    statusCode: input.status,
    code: parsed.code,
    message,
    serviceMessage: parsed.serviceMessage,
    lang: parsed.lang,
    values: parsed.values,
    requestId: ids.requestId ?? trailerRequestId(parsed.serviceMessage),
    clientRequestId: ids.clientRequestId,
    operation: input.operation,
    request: input.request,
    retirementMessage:
      input.retirement !== undefined && parsed.code === input.retirement.errorCode
        ? input.retirement.message
        : undefined,
  });
}
