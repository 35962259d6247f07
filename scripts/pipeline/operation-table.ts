/**
 * Builds the operation table (see src/table/operation-table.ts) from a spec. Pure.
 */

import { toCase } from '@hey-api/openapi-ts';
import type {
  BodyNormalization,
  NormalizeRule,
  OperationSpec,
  ParameterSpec,
  ResponseHeaderSpec,
  ScalarType,
} from '../../src/table/operation-table.ts';
import { readOnlyPaths, secretPaths } from './body-paths.ts';
import { camelCase, operationClientName } from './naming.ts';
import { retryRecoveryOf } from './retry-recovery.ts';
import { compare, type Json, type SpecModel, type SpecOperation } from './spec-model.ts';

const API_VERSION = 'api-version';

export function buildOperationTable(model: SpecModel): Record<string, OperationSpec> {
  const table: Record<string, OperationSpec> = {};
  const seen = new Map<string, string>();
  for (const op of model.operations()) {
    const entry = buildOperation(model, op);
    const key = `${entry.group}.${entry.method}`;
    const clash = seen.get(key);
    if (clash) throw new Error(`operations ${clash} and ${op.operationId} both map to ${key}`);
    seen.set(key, op.operationId);
    table[op.operationId] = entry;
  }
  for (const op of model.operations()) {
    const recovery = retryRecoveryOf(model, op, table);
    if (recovery) table[op.operationId] = { ...table[op.operationId]!, retryRecovery: recovery };
  }
  return table;
}

function buildOperation(model: SpecModel, op: SpecOperation): OperationSpec {
  const raw = op.raw;
  const { group, method } = operationClientName(op.operationId, raw['x-batch-client-method']);
  const parameters: ParameterSpec[] = [];
  let body: OperationSpec['body'];
  for (const p of op.parameters) {
    // api-version is a client constant; the account URL (x-ms-parameterized-host) comes at run time.
    if (p.name === API_VERSION || (p.in === 'path' && !op.path.includes(`{${p.name}}`))) continue;
    if (p.in === 'body') {
      const ref = typeof p.schema.$ref === 'string' ? refName(p.schema.$ref) : undefined;
      body = compact({
        clientName: bodyClientName(p.raw, p.name),
        required: p.required,
        schema: ref,
        contentType: op.consumes[0] ?? 'application/json',
        description: p.description,
        normalizations: normalizationsOf(model, p.schema),
        readOnly: nonEmpty(readOnlyPaths(model, p.schema)),
      });
      continue;
    }
    const schema = model.deref(p.schema);
    const grouping = p.raw['x-ms-parameter-grouping'] as Json | undefined;
    parameters.push(
      compact({
        wireName: p.name,
        clientName: clientName(p.raw, p.name),
        location: p.in,
        type: scalarType(schema),
        format: schema.format as string | undefined,
        itemType:
          schema.type === 'array' ? scalarType(model.deref(schema.items as Json)) : undefined,
        required: p.required || p.in === 'path',
        default: schema.default as string | number | boolean | undefined,
        description: p.description,
        skipUrlEncoding: p.raw['x-ms-skip-url-encoding'] === true ? true : undefined,
        isClientRequestId: isClientRequestId(p) ? true : undefined,
        collectionFormat:
          schema.type === 'array' && p.in === 'query'
            ? ((p.raw.collectionFormat as string | undefined) ??
              (model.isSwagger2 ? 'csv' : openApi3Format(p.raw)))
            : undefined,
        normalize: normalizeRuleOf(p.raw['x-batch-normalize']),
        group: grouping
          ? ((grouping.name as string | undefined) ??
            `${op.operationId.replace('_', '')}${grouping.postfix ?? 'Options'}`)
          : undefined,
      }),
    );
  }
  const success = op.responses.filter((r) => /^2\d\d$/.test(r.status));
  if (success.length === 0) throw new Error(`${op.operationId}: no 2xx response`);
  const headers = new Map<string, ResponseHeaderSpec>();
  for (const r of success) {
    for (const h of r.headers) {
      const schema = model.deref(h.schema);
      headers.set(
        h.name.toLowerCase(),
        compact({
          wireName: h.name,
          clientName: clientName(h.raw, h.name),
          type: scalarType(schema),
          format: schema.format as string | undefined,
        }),
      );
    }
  }
  const bodySchema = success.find((r) => r.schema)?.schema;
  const derefBody = bodySchema ? model.deref(bodySchema) : undefined;
  const responseBody =
    derefBody === undefined ? 'none' : isFileSchema(derefBody) ? 'binary' : 'json';
  const pageable = raw['x-ms-pageable'] as Json | undefined;
  const deprecated = raw.deprecated === true;
  const deprecation = deprecated ? deprecationOf(group, method, model.apiVersion, raw) : undefined;
  return compact({
    operationId: op.operationId,
    sdkFunction: toCase(op.operationId, 'camelCase'),
    group,
    method,
    httpMethod: op.method,
    path: op.path,
    summary: raw.summary as string | undefined,
    description: raw.description as string | undefined,
    deprecated,
    deprecation,
    apiVersion: model.apiVersion,
    parameters,
    body,
    successStatuses: success.map((r) => Number(r.status)).sort((a, b) => a - b),
    responseHeaders: [...headers.values()].sort((a, b) => compare(a.wireName, b.wireName)),
    responseBody,
    responseSchema:
      bodySchema && typeof bodySchema.$ref === 'string' ? refName(bodySchema.$ref) : undefined,
    pageable: pageable
      ? {
          nextLinkName: (pageable.nextLinkName as string | null | undefined) ?? null,
          itemName: (pageable.itemName as string | undefined) ?? 'value',
        }
      : undefined,
    isExistenceCheck: op.method === 'HEAD' && op.responses.some((r) => r.status === '404'),
    secrets: body
      ? secretPaths(model, op.parameters.find((p) => p.in === 'body')?.schema, body.clientName)
      : [],
    validators: compact({
      parameters: `${op.operationId}_parameters`,
      body: body ? `${op.operationId}_body` : undefined,
      response: responseBody === 'json' ? `${op.operationId}_response` : undefined,
    }),
  }) as OperationSpec;
}

/**
 * Warning code and text of a deprecated operation. `x-batch-deprecation` (added by our overlay)
 * names the reason, the replacement and a link; without it the text is generic. When it also names
 * the error code a retired operation answers with (`retiredErrorCode`) and what to say instead
 * (`retiredMessage`, `{operation}` standing for `group.method`), the client turns that answer into
 * an error that says what to do.
 */
function deprecationOf(group: string, method: string, apiVersion: string, raw: Json) {
  const code = `BATCH_DEP_${`${group}_${method}`.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
  const ext = raw['x-batch-deprecation'] as Json | undefined;
  const message = ext
    ? `${group}.${method}() is deprecated. ${ext.reason} Use ${ext.replacement} instead: ${ext.link}`
    : `${group}.${method}() is deprecated by the Azure Batch service (API version ${apiVersion}).`;
  const errorCode = ext?.retiredErrorCode;
  const retiredMessage = ext?.retiredMessage;
  if ((errorCode === undefined) !== (retiredMessage === undefined)) {
    throw new Error(
      `x-batch-deprecation of ${group}.${method}: give both retiredErrorCode and retiredMessage, or neither`,
    );
  }
  const retirement =
    typeof errorCode === 'string' && typeof retiredMessage === 'string'
      ? { errorCode, message: retiredMessage.replaceAll('{operation}', `${group}.${method}`) }
      : undefined;
  return compact({ code, message, retirement });
}

/** Top-level body properties carrying `x-batch-normalize` (see BodyNormalization). */
function normalizationsOf(model: SpecModel, schema: Json): BodyNormalization[] | undefined {
  const props = (model.deref(schema).properties ?? {}) as Record<string, Json>;
  const found: BodyNormalization[] = [];
  for (const [property, prop] of Object.entries(props)) {
    const rule = normalizeRuleOf(prop['x-batch-normalize']);
    if (rule) found.push({ property, rule });
  }
  return found.length > 0 ? found.sort((a, b) => compare(a.property, b.property)) : undefined;
}

/** The value of an `x-batch-normalize` extension; an unknown rule fails the generation. */
function normalizeRuleOf(rule: unknown): NormalizeRule | undefined {
  if (rule === undefined) return undefined;
  if (rule !== 'remove-separators') {
    throw new Error(
      `x-batch-normalize: unknown rule ${JSON.stringify(rule)} (known: "remove-separators")`,
    );
  }
  return rule;
}

/**
 * The header that carries the caller's request id: marked `x-ms-client-request-id` (AutoRest), or
 * recognised by its name when a spec leaves the extension out (TypeSpec-generated specs do).
 */
function isClientRequestId(p: { in: string; name: string; raw: Json }): boolean {
  return (
    p.raw['x-ms-client-request-id'] === true ||
    (p.in === 'header' && p.name.toLowerCase() === 'client-request-id')
  );
}

/**
 * The body's name in the method signature. A body named `options` (TypeSpec specs have five)
 * would collide with the options bag every method takes last, so it is called `body` instead.
 */
function bodyClientName(raw: Json, wireName: string): string {
  const name = clientName(raw, wireName);
  return name === 'options' ? 'body' : name;
}

/** An OpenAPI 3 array's form (`style`/`explode`) as a Swagger 2.0 collectionFormat. */
function openApi3Format(raw: Json): string {
  const style = (raw.style as string | undefined) ?? 'form';
  const explode = (raw.explode as boolean | undefined) ?? style === 'form';
  if (style === 'form') return explode ? 'multi' : 'csv';
  return style === 'spaceDelimited' ? 'ssv' : style === 'pipeDelimited' ? 'pipes' : 'csv';
}

function clientName(raw: Json, wireName: string): string {
  const explicit = raw['x-ms-client-name'];
  return typeof explicit === 'string' ? camelCase(explicit) : camelCase(wireName);
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * A download: Swagger 2.0 `type: file`; OpenAPI 3 `format: binary`, or `format: file` as the
 * published 2.0 → 3.0 conversions write it (`{ type: 'object', format: 'file' }`).
 */
function isFileSchema(schema: Json): boolean {
  return schema.type === 'file' || schema.format === 'binary' || schema.format === 'file';
}

function scalarType(schema: Json): ScalarType {
  const t = schema.type;
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'array' || t === 'object') {
    return t;
  }
  return 'string';
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Drops `undefined` members so the emitted table stays small and stable. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
