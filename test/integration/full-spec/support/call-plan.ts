/**
 * The arguments of one call of an operation, chosen from its table entry, and what must arrive
 * on the wire for them. Every wire form is spelled out literally here (never computed with the
 * encoders or serializers the client uses), so the client is checked against an independent
 * statement of the rules.
 */
import type { OperationSpec, ParameterSpec } from '../../../../src/table/operation-table.js';
import { formatMeaning } from './formats.js';

/** A value for the client and its exact wire form. */
interface Planned {
  readonly value: unknown;
  readonly wire: string;
}

export interface CallPlan {
  /** Positional arguments, body and options, in the method's order. */
  readonly args: unknown[];
  /** Path as it must arrive, percent-encoded, without the account URL. */
  readonly path: string;
  /** Decoded query pairs that must arrive (any order), `api-version` included. */
  readonly query: Record<string, string>;
  /** Operation parameters sent as headers (lower-case names) and their wire values. */
  readonly headers: Record<string, string>;
}

export const CLIENT_REQUEST_ID = '0f0e0d0c-0b0a-4908-8706-050403020100';
export const ABSENT = 'absent-resource';

/**
 * Path values with characters every encoder must handle: space, `/` (a file path), non-ASCII,
 * `&`, `=`, `+`, `%`, `#`, `?` and parentheses. With `x-ms-skip-url-encoding` the slashes stay.
 */
function pathValue(p: ParameterSpec, absent: boolean): Planned {
  if (absent) return { value: ABSENT, wire: ABSENT };
  if (p.wireName === 'thumbprintAlgorithm') return { value: 'sha1', wire: 'sha1' };
  if (p.wireName === 'thumbprint') {
    return {
      value: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      wire: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    };
  }
  if (p.wireName === 'filePath') {
    return {
      value: 'wd/sub dir/ü+%#?.txt',
      wire: p.skipUrlEncoding
        ? 'wd/sub%20dir/%C3%BC%2B%25%23%3F.txt'
        : 'wd%2Fsub%20dir%2F%C3%BC%2B%25%23%3F.txt',
    };
  }
  // Names are ASCII identifiers (poolId, jobId, ...), so the literal prefix is its own encoding.
  return { value: `${p.wireName} ü/&=(1)`, wire: `${p.wireName}%20%C3%BC%2F%26%3D(1)` };
}

/** An instant as an HTTP date (`date-time-rfc1123`, `date-time-rfc7231`). */
const HTTP_DATE = {
  value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
  wire: 'Tue, 02 Jan 2024 03:04:05 GMT',
};
/** An instant as RFC 3339 text (`date-time`). */
const ISO = {
  value: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)),
  wire: '2024-01-02T03:04:05.678Z',
};
/** A calendar day (`date`): RFC 3339 full-date. */
const DAY = { value: new Date(Date.UTC(2024, 0, 2)), wire: '2024-01-02' };

const BY_NAME: Record<string, Planned> = {
  'if-match': { value: '"0x8D4EDFEBFADF4AB"', wire: '"0x8D4EDFEBFADF4AB"' },
  'if-none-match': { value: '"0x8D4EDFEBFADF4AC"', wire: '"0x8D4EDFEBFADF4AC"' },
  'ocp-range': { value: 'bytes=0-99', wire: 'bytes=0-99' },
  $filter: {
    value: "state eq 'active' and id ne 'a&b=c+d'",
    wire: "state eq 'active' and id ne 'a&b=c+d'",
  },
  $select: { value: 'id,state', wire: 'id,state' },
  $expand: { value: 'stats', wire: 'stats' },
};

/** A valid optional value for a non-path parameter, by name, then by format (its meaning) and type. */
function optionValue(p: ParameterSpec, operationId: string): Planned {
  if (p.isClientRequestId) return { value: CLIENT_REQUEST_ID, wire: CLIENT_REQUEST_ID };
  const named = BY_NAME[p.wireName.toLowerCase()];
  if (named) return named;
  const meaning = formatMeaning(p.format, `${p.location} ${p.wireName} of ${operationId}`);
  if (meaning === 'http-date') return HTTP_DATE;
  if (meaning === 'date-time') return ISO;
  if (meaning === 'date') return DAY;
  if (p.format === 'uuid')
    return {
      value: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
      wire: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
    };
  switch (p.type) {
    case 'boolean':
      return { value: true, wire: 'true' };
    case 'integer':
    case 'number':
      return { value: 7, wire: '7' };
    case 'array':
      return { value: ['first', 'second'], wire: 'first,second' };
    default:
      return { value: `value of ${p.wireName}`, wire: `value of ${p.wireName}` };
  }
}

export interface PlanInput {
  readonly operation: OperationSpec;
  /** The path template as the spec writes it (read independently of the table). */
  readonly pathTemplate: string;
  /** The body to send, when the operation has one (a schema-derived sample). */
  readonly body?: unknown;
  /** `full`: every optional parameter too; `minimal`: only what is required. */
  readonly variant: 'full' | 'minimal';
  /** Use the path value the test service answers 404 for. */
  readonly absent?: boolean;
}

export function planCall(input: PlanInput): CallPlan {
  const { operation, variant } = input;
  const args: unknown[] = [];
  const options: Record<string, unknown> = {};
  const query: Record<string, string> = { 'api-version': operation.apiVersion };
  const headers: Record<string, string> = {};
  let path = input.pathTemplate;
  for (const p of operation.parameters) {
    if (p.location === 'path') {
      const planned = pathValue(p, input.absent === true);
      args.push(planned.value);
      path = path.replace(`{${p.wireName}}`, planned.wire);
      continue;
    }
    if (variant === 'minimal' && !p.required) continue;
    const planned = optionValue(p, operation.operationId);
    options[p.clientName] = planned.value;
    if (p.location === 'query') query[p.wireName] = planned.wire;
    if (p.location === 'header') headers[p.wireName.toLowerCase()] = planned.wire;
  }
  if (operation.body) args.push(input.body);
  args.push(options);
  return { args, path, query, headers };
}
