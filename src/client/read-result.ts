/**
 * Reads the JSON result of a success answer — a single result, or one page of a list — and
 * refuses a body that cannot be that result: empty, not JSON, or JSON whose types contradict the
 * declared shape (the generated `<OperationId>_response` validator: types only, so what a newer
 * service adds or omits still passes). Pure.
 */
import { BatchResponseError, type BatchResponseProblem } from '../errors/batch-response-error.js';
import { responseIds } from '../errors/response-ids.js';
import type { OperationSpec } from '../table/operation-table.js';
import { type CompiledValidator, ruleIssue } from '../validation/rule-words.js';
import type { SentResponse } from './send-request.js';
import type { ValidatorModule } from './validator-module.js';
import type { WireRequest } from './wire-request.js';

export function readResult(
  operation: OperationSpec,
  validators: ValidatorModule,
  sent: SentResponse,
  request: WireRequest,
): unknown {
  const fail = (problem: BatchResponseProblem, issues?: { path: string; message: string }[]) =>
    new BatchResponseError({
      problem,
      issues,
      statusCode: sent.status,
      expected: operation.responseSchema,
      ...responseIds(sent.headers),
      operation: `${operation.group}.${operation.method}`,
      request,
    });
  if (sent.bodyText.trim() === '') throw fail('emptyBody');
  let body: unknown;
  try {
    body = JSON.parse(sent.bodyText);
  } catch {
    throw fail('invalidJson');
  }
  const id = operation.validators.response;
  const validate = id ? (validators[id] as CompiledValidator | undefined) : undefined;
  if (id && validate && !validate(body)) {
    const issues = (validate.errors ?? []).flatMap((error) => {
      const issue = ruleIssue(id, error, validators.ruleMessages);
      if (!issue) return [];
      const path = issue.segments
        .join('.')
        .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
        .replace(/^(\d+)/, '[$1]');
      return [{ path, message: issue.message }];
    });
    throw fail('unexpectedShape', issues);
  }
  return body;
}
