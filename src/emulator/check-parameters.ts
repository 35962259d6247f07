/**
 * Checks `api-version` and the operation's path, query and header parameters against the
 * generated `<OperationId>_parameters` validator, answering with the service's error codes.
 *
 * @module
 */

import type { ValidationErrorObject } from '../../generated/validators.js';
import type { ValidatorModule } from '../client/validator-module.js';
import { isHttpDateFormat } from '../table/formats.js';
import type { OperationSpec, ParameterSpec } from '../table/operation-table.js';
import { ruleIssue } from '../validation/rule-words.js';
import { BatchFault, type ErrorValue } from './batch-fault.js';
import { findValidator } from './find-validator.js';
import { parseRfc1123 } from './http-date.js';

/** Query parameters by lower-cased name, every value kept. */
export type QueryValues = ReadonlyMap<string, readonly string[]>;

/** Collects the query of `url` by lower-cased name (parameter names are case-insensitive). */
export function queryValues(url: URL): QueryValues {
  const values = new Map<string, string[]>();
  for (const [name, value] of url.searchParams) {
    const key = name.toLowerCase();
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return values;
}

/**
 * Checks `api-version`: missing → 400 `MissingRequiredQueryParameter`; not one of `supported`
 * (or several different values) → 400 `InvalidQueryParameterValue` with `QueryParameterName`,
 * `QueryParameterValue` and `Reason` values.
 */
export function checkApiVersion(query: QueryValues, supported: readonly string[]): string {
  const values = query.get('api-version') ?? [];
  if (values.length === 0) {
    throw new BatchFault('MissingRequiredQueryParameter', [
      { key: 'QueryParameterName', value: 'api-version' },
    ]);
  }
  const [first] = values;
  if (values.some((v) => v !== first) || !supported.includes(first!)) {
    throw new BatchFault('InvalidQueryParameterValue', [
      { key: 'QueryParameterName', value: 'api-version' },
      { key: 'QueryParameterValue', value: values.join(',') },
      { key: 'Reason', value: 'The specified api version string is not supported.' },
    ]);
  }
  return first!;
}

function wireValue(
  spec: ParameterSpec,
  pathParams: Readonly<Record<string, string>>,
  query: QueryValues,
  headers: Headers,
): string | undefined {
  if (spec.location === 'path') return pathParams[spec.wireName];
  if (spec.location === 'query') return query.get(spec.wireName.toLowerCase())?.[0];
  if (spec.location === 'header') return headers.get(spec.wireName) ?? undefined;
  return undefined;
}

function typed(spec: ParameterSpec, raw: string): unknown {
  if (isHttpDateFormat(spec.format)) {
    const ms = parseRfc1123(raw.trim());
    return ms === undefined ? raw : new Date(ms);
  }
  if (spec.type === 'integer' && /^[+-]?\d+$/.test(raw.trim())) return Number(raw.trim());
  if (spec.type === 'array' && spec.collectionFormat === 'csv')
    return raw === '' ? [] : raw.split(',');
  if (spec.type === 'boolean' && /^(true|false)$/i.test(raw.trim())) {
    return raw.trim().toLowerCase() === 'true';
  }
  return raw;
}

/** The rule in words, as the client states it (`src/validation/rule-words.ts`). */
function reasonFor(validators: ValidatorModule, id: string, error: ValidationErrorObject): string {
  // On the wire a date is text: the rule the text broke is the RFC 1123 form.
  if (error.keyword === 'instanceofDate') return 'The value must be an RFC 1123 date.';
  const issue = ruleIssue(id, error, validators.ruleMessages);
  return `The value ${issue?.message ?? 'is invalid'}.`;
}

function faultFor(spec: ParameterSpec, raw: string, reason: string): BatchFault {
  if (spec.location === 'query') {
    const values: ErrorValue[] = [
      { key: 'QueryParameterName', value: spec.wireName },
      { key: 'QueryParameterValue', value: raw },
      { key: 'Reason', value: reason },
    ];
    return new BatchFault('InvalidQueryParameterValue', values);
  }
  if (spec.location === 'header') {
    return new BatchFault('InvalidHeaderValue', [
      { key: 'HeaderName', value: spec.wireName },
      { key: 'HeaderValue', value: raw },
      { key: 'Reason', value: reason },
    ]);
  }
  return new BatchFault('InvalidUri', [
    { key: 'Reason', value: `Path parameter '${spec.wireName}': ${reason}` },
  ]);
}

/**
 * Validates the operation's non-body parameters with its generated validator.
 *
 * @throws BatchFault for the first invalid parameter: `InvalidQueryParameterValue`,
 *   `InvalidHeaderValue` or `InvalidUri` (path).
 */
export function checkParameters(
  operation: OperationSpec,
  validators: ValidatorModule,
  pathParams: Readonly<Record<string, string>>,
  query: QueryValues,
  headers: Headers,
): void {
  const validate = findValidator(validators, operation.validators.parameters);
  if (!validate) return;
  const input: Record<string, unknown> = {};
  const raws = new Map<string, string>();
  for (const spec of operation.parameters) {
    const raw = wireValue(spec, pathParams, query, headers);
    if (raw === undefined) continue;
    raws.set(spec.clientName, raw);
    input[spec.clientName] = typed(spec, raw);
  }
  if (validate(input)) return;
  for (const error of validate.errors ?? []) {
    const clientName = error.instancePath.split('/')[1];
    const spec = operation.parameters.find((p) => p.clientName === clientName);
    if (spec) {
      const reason = reasonFor(validators, operation.validators.parameters, error);
      throw faultFor(spec, raws.get(spec.clientName) ?? '', reason);
    }
  }
  throw new BatchFault('InvalidUri');
}
