/**
 * Checks a request body: size, Content-Type, JSON syntax, then the generated `_body` validator,
 * answering with the service's codes (`RequestBodyTooLarge`, `InvalidHeaderValue`,
 * `InvalidRequestBody`, `MissingRequiredProperty`, `InvalidPropertyValue`). Error details never
 * echo body values: certificate data and passwords are secrets.
 *
 * @module
 */

import type { ValidationErrorObject } from '../../generated/validators.js';
import { normalizeBody } from '../client/call-arguments.js';
import type { ValidatorModule } from '../client/validator-module.js';
import type { OperationSpec } from '../table/operation-table.js';
import { ruleIssue } from '../validation/rule-words.js';
import { BatchFault } from './batch-fault.js';
import { findValidator } from './find-validator.js';

/**
 * Whether `contentType` is JSON as the service accepts it: `application/json`, optionally with
 * `odata=minimalmetadata|fullmetadata|nometadata` and `charset=utf-8` (any order and case).
 */
export function isAcceptedContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [mediaType, ...parameters] = contentType
    .split(';')
    .map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim());
    if (name === 'odata') return ['minimalmetadata', 'fullmetadata', 'nometadata'].includes(value!);
    if (name === 'charset') return value === 'utf-8' || value === 'utf8';
    return parameter === '';
  });
}

function propertyOf(error: ValidationErrorObject): string {
  if (error.keyword === 'required') return String(error.params.missingProperty);
  return error.instancePath.replace(/^\//, '').replaceAll('/', '.');
}

function faultFor(
  validators: ValidatorModule,
  id: string,
  error: ValidationErrorObject,
  typeName: string,
): BatchFault {
  if (error.instancePath === '' && error.keyword === 'type') {
    return new BatchFault('InvalidRequestBody', [
      { key: 'Reason', value: `The request body must be a JSON object (${typeName}).` },
    ]);
  }
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    return new BatchFault('InvalidRequestBody', [
      { key: 'Reason', value: `The property '${name}' does not exist on type '${typeName}'.` },
    ]);
  }
  if (error.keyword === 'required') {
    const property = propertyOf(error);
    return new BatchFault('MissingRequiredProperty', [{ key: 'PropertyName', value: property }]);
  }
  // The rule in words, as the client states it (`src/validation/rule-words.ts`).
  const issue = ruleIssue(id, error, validators.ruleMessages);
  const property = issue ? issue.segments.join('.') : propertyOf(error);
  return new BatchFault('InvalidPropertyValue', [
    { key: 'PropertyName', value: property },
    { key: 'Reason', value: `${property} ${issue?.message ?? 'is invalid'}.` },
  ]);
}

function rank(error: ValidationErrorObject): number {
  if (error.instancePath === '' && error.keyword === 'type') return 0;
  if (error.keyword === 'required') return 1;
  if (error.keyword === 'additionalProperties') return 2;
  return 3;
}

/**
 * Checks and parses the body of an operation that takes one.
 *
 * @returns The parsed body; `undefined` when the operation takes no body (any body is ignored).
 */
export function checkBody(
  operation: OperationSpec,
  validators: ValidatorModule,
  headers: Headers,
  body: Uint8Array,
  maxBytes: number,
): unknown {
  if (!operation.body) return undefined;
  const declared = Number(headers.get('content-length') ?? '0');
  if (body.length > maxBytes || declared > maxBytes) {
    throw new BatchFault('RequestBodyTooLarge', [{ key: 'MaxLimit', value: String(maxBytes) }]);
  }
  const contentType = headers.get('content-type');
  if (!isAcceptedContentType(contentType)) {
    throw new BatchFault('InvalidHeaderValue', [
      { key: 'HeaderName', value: 'Content-Type' },
      { key: 'HeaderValue', value: contentType ?? '' },
      { key: 'Reason', value: `The request body must be sent as ${operation.body.contentType}.` },
    ]);
  }
  if (body.length === 0) {
    throw new BatchFault('InvalidRequestBody', [{ key: 'Reason', value: 'The body is empty.' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new BatchFault('InvalidRequestBody', [
      { key: 'Reason', value: 'The request body is not valid JSON.' },
    ]);
  }
  // The service removes the documented separators (spaces in a thumbprint) before its checks.
  parsed = normalizeBody(operation, parsed);
  const id = operation.validators.body;
  const validate = findValidator(validators, id);
  if (id && validate && !validate(parsed)) {
    const errors = [...(validate.errors ?? [])]
      .filter((e) => e.keyword !== 'if')
      .sort((a, b) => rank(a) - rank(b));
    const typeName = operation.body.schema ?? operation.body.clientName;
    if (errors[0]) throw faultFor(validators, id, errors[0], typeName);
  }
  return parsed;
}
