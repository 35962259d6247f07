/**
 * The error for a success answer whose body cannot be the operation's result.
 *
 * @module
 */

import { type SafeRequestSummary, sanitizeRequest } from './redact.js';
import { SafeError } from './safe-error.js';

/** Why a success body cannot be the result. */
export type BatchResponseProblem =
  /** The body is empty (or only white space), but the operation promises a JSON result. */
  | 'emptyBody'
  /** The body is not valid JSON (e.g. cut short by a proxy, or an HTML page). */
  | 'invalidJson'
  /** The body is JSON whose types contradict the declared result (see `issues`). */
  | 'unexpectedShape';

/** One place where a body contradicts the declared result: a path and the rule, in words. */
export interface BatchResponseIssue {
  /** Where in the body, e.g. `value[0].state` (empty for the whole body). */
  readonly path: string;
  /** The rule the body broke, in words, e.g. `must be an object`. */
  readonly message: string;
}

/** What {@link BatchResponseError}'s constructor needs. */
export interface BatchResponseErrorInit {
  readonly problem: BatchResponseProblem;
  /** The HTTP status of the answer (a success status). */
  readonly statusCode: number;
  /** The declared result, e.g. `Certificate` or `CertificateListResult`, when known. */
  readonly expected?: string;
  readonly issues?: readonly BatchResponseIssue[];
  readonly requestId?: string;
  readonly clientRequestId?: string;
  /** The client operation that was called, e.g. `certificate.get`. */
  readonly operation?: string;
  /** The request; only its method and sanitized URL are kept. */
  readonly request?: { readonly method: string; readonly url: string | URL };
}

const PROBLEM_TEXT: Readonly<Record<BatchResponseProblem, string>> = {
  emptyBody: 'the body is empty',
  invalidJson: 'the body is not valid JSON',
  unexpectedShape: 'the body does not have the declared shape',
};

/**
 * The service (or something in between) answered with a success status, but the body cannot be
 * what the method promises: empty, not JSON, or JSON whose types contradict the declared result
 * (every page of a list included). It is never retried — the request may have taken effect — and
 * carries what a support case needs: the status, the request ids, the operation and the sanitized
 * request. It never carries the body or any value from it (a body may hold secrets); `issues`
 * name paths and rules only.
 *
 * Act on it like on an unexpected server fault: report it with `requestId`.
 */
export class BatchResponseError extends SafeError {
  /** Always `'BatchResponseError'`; guards compare it so they work across realms. */
  override readonly name = 'BatchResponseError' as const;
  readonly problem: BatchResponseProblem;
  /** The HTTP status of the answer. */
  readonly statusCode: number;
  /** The declared result type, when known. */
  readonly expected?: string;
  /** For `unexpectedShape`: where the body contradicts the declared types (at most 10). */
  readonly issues: readonly BatchResponseIssue[];
  /** The service's request id: quote it in support requests. */
  readonly requestId?: string;
  /** The client request id the service echoed. */
  readonly clientRequestId?: string;
  /** The client operation that was called. */
  readonly operation?: string;
  /** The request's method and sanitized URL, when known. */
  readonly request?: SafeRequestSummary;

  constructor(init: BatchResponseErrorInit) {
    const issues = Object.freeze(
      (init.issues ?? []).slice(0, 10).map((i) => Object.freeze({ ...i })),
    );
    const subject = init.operation ? `Operation '${init.operation}'` : 'The request';
    const result = init.expected ? `a ${init.expected}` : 'its result';
    const where =
      issues.length > 0
        ? ` (${issues.map((i) => `${i.path === '' ? 'body' : i.path} ${i.message}`).join('; ')})`
        : '';
    const id = init.requestId ? ` Request id: ${init.requestId}.` : '';
    super(
      `${subject} got a ${init.statusCode} answer that cannot be ${result}: ` +
        `${PROBLEM_TEXT[init.problem]}${where}.${id}`,
    );
    this.problem = init.problem;
    this.statusCode = init.statusCode;
    this.issues = issues;
    if (init.expected !== undefined) this.expected = init.expected;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.clientRequestId !== undefined) this.clientRequestId = init.clientRequestId;
    if (init.operation !== undefined) this.operation = init.operation;
    if (init.request !== undefined) this.request = sanitizeRequest(init.request);
  }

  protected override safeDetails(): Record<string, unknown> {
    return {
      problem: this.problem,
      statusCode: this.statusCode,
      expected: this.expected,
      issues: this.issues,
      operation: this.operation,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      request: this.request,
    };
  }
}
