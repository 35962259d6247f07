/**
 * OData `$filter` for List Certificates.
 *
 * What the service documents (Microsoft, "OData filters in Batch",
 * https://learn.microsoft.com/rest/api/batchservice/odata-filters-in-batch#list-certificates):
 * `state` with `eq` and `ne` (a string), `stateTransitionTime` with `eq`, `ne`, `ge`, `gt`, `le`
 * and `lt` (a DateTime, written `datetime'2020-01-01T00:00:00Z'`), conditions combined with `and`
 * and `or`. The emulator evaluates exactly that, plus `not` and parentheses (OData), and keeps
 * `eq`/`ne` on `thumbprint` and `thumbprintAlgorithm` (not in Microsoft's list; the emulator has
 * always accepted them). Strings compare case-insensitively; times compare as instants.
 *
 * Two kinds of failure, never mixed up:
 * - `FilterSyntaxError`: the filter is invalid for the service too (syntax, a property the
 *   `Certificate` type lacks, an operator the documentation does not allow on a property, an
 *   impossible date);
 * - `FilterNotSupportedError`: the emulator does not evaluate it (functions such as
 *   `startswith`, arithmetic, other properties of `Certificate`, other literal types, comparing
 *   two properties), whatever the service would do.
 *
 * @module
 */

import { compareInstant, type FilterInstant, parseFilterDateTime } from './odata-datetime.js';
import { FilterNotSupportedError, FilterSyntaxError } from './odata-filter-error.js';
import { type FilterToken, tokenizeFilter } from './odata-filter-tokens.js';
import { CERTIFICATE_PROPERTIES } from './odata-select.js';

/** The certificate fields a filter can read. */
export interface FilterableCertificate {
  readonly state: string;
  /** Epoch milliseconds. */
  readonly stateTransitionTime: number;
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
}

/** A compiled filter. */
export type CertificatePredicate = (certificate: FilterableCertificate) => boolean;

type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const OPERATORS: readonly Operator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const ARITHMETIC = ['add', 'sub', 'mul', 'div', 'mod'];
const KEYWORD_LITERALS = ['true', 'false', 'null'];

interface FilterProperty {
  readonly kind: 'string' | 'datetime';
  readonly operators: readonly Operator[];
  /** Listed in Microsoft's documentation (else an emulator convenience). */
  readonly documented: boolean;
}

const FILTERABLE: Readonly<Record<string, FilterProperty>> = {
  state: { kind: 'string', operators: ['eq', 'ne'], documented: true },
  stateTransitionTime: { kind: 'datetime', operators: OPERATORS, documented: true },
  thumbprint: { kind: 'string', operators: ['eq', 'ne'], documented: false },
  thumbprintAlgorithm: { kind: 'string', operators: ['eq', 'ne'], documented: false },
};

const SUPPORTED_SUMMARY =
  'it filters on state (eq, ne) and stateTransitionTime (eq, ne, ge, gt, le, lt), the ' +
  'properties Microsoft documents for List Certificates, and on thumbprint and ' +
  'thumbprintAlgorithm (eq, ne)';

function unsupported(what: string): FilterNotSupportedError {
  return new FilterNotSupportedError(`The Batch emulator does not support ${what}.`);
}

function describe(token: FilterToken): string {
  switch (token.kind) {
    case 'string':
      return 'a quoted string';
    case 'typed':
      return `a ${token.type}'…' literal`;
    case 'number':
      return `the number ${token.text}`;
    case 'word':
      return `'${token.text}'`;
    default:
      return `'${token.kind === 'open' ? '(' : token.kind === 'close' ? ')' : ','}'`;
  }
}

function isCertificateProperty(name: string): boolean {
  return (CERTIFICATE_PROPERTIES as readonly string[]).includes(name.split('/')[0]!);
}

/** The property a comparison reads, checked against the Certificate type and the filter table. */
function filterProperty(name: string): FilterProperty {
  if (!isCertificateProperty(name)) {
    throw new FilterSyntaxError(`The property '${name}' does not exist on type 'Certificate'.`);
  }
  const property = FILTERABLE[name];
  if (!property) {
    throw unsupported(`filtering certificates on '${name}' (${SUPPORTED_SUMMARY})`);
  }
  return property;
}

function checkOperator(name: string, property: FilterProperty, operator: Operator): void {
  if (property.operators.includes(operator)) return;
  const allowed = property.operators.join(', ');
  if (property.documented) {
    throw new FilterSyntaxError(
      `The operator '${operator}' cannot be used with '${name}': List Certificates allows ${allowed} on it.`,
    );
  }
  throw unsupported(
    `the operator '${operator}' on '${name}' (it compares ${name} with ${allowed})`,
  );
}

function stringComparison(
  name: 'state' | 'thumbprint' | 'thumbprintAlgorithm',
  operator: Operator,
  literal: FilterToken,
): CertificatePredicate {
  if (literal.kind !== 'string') {
    throw unsupported(
      `comparing '${name}' with ${describe(literal)}; it compares ${name} with a quoted string`,
    );
  }
  const value = literal.value.toLowerCase();
  return (certificate) => (certificate[name].toLowerCase() === value) === (operator === 'eq');
}

const ORDER: Readonly<Record<Operator, (cmp: number) => boolean>> = {
  eq: (cmp) => cmp === 0,
  ne: (cmp) => cmp !== 0,
  gt: (cmp) => cmp > 0,
  ge: (cmp) => cmp >= 0,
  lt: (cmp) => cmp < 0,
  le: (cmp) => cmp <= 0,
};

function dateTimeComparison(operator: Operator, literal: FilterToken): CertificatePredicate {
  if (literal.kind !== 'typed' || literal.type.toLowerCase() !== 'datetime') {
    throw unsupported(
      `comparing 'stateTransitionTime' with ${describe(literal)}; it compares ` +
        "stateTransitionTime with a datetime literal, e.g. datetime'2020-01-01T00:00:00Z'",
    );
  }
  const instant: FilterInstant | undefined = parseFilterDateTime(literal.value);
  if (!instant) {
    throw new FilterSyntaxError(
      `The value '${literal.value}' of the datetime literal is not a valid date and time.`,
    );
  }
  const test = ORDER[operator];
  return (certificate) => test(compareInstant(certificate.stateTransitionTime, instant));
}

/**
 * Compiles a `$filter` expression for certificate lists.
 *
 * @throws FilterSyntaxError when the filter is invalid for the service too.
 * @throws FilterNotSupportedError when the emulator does not evaluate it.
 */
export function parseCertificateFilter(text: string): CertificatePredicate {
  const tokens = tokenizeFilter(text);
  let position = 0;
  const peek = (offset = 0): FilterToken | undefined => tokens[position + offset];
  const next = (): FilterToken => {
    const token = tokens[position++];
    if (token === undefined) throw new FilterSyntaxError('The $filter expression ends too early.');
    return token;
  };
  const isWord = (
    token: FilterToken | undefined,
    ...words: string[]
  ): token is FilterToken & { kind: 'word' } =>
    token?.kind === 'word' && words.includes(token.text.toLowerCase());
  const rejectFunction = (token: FilterToken): void => {
    if (token.kind === 'word' && peek()?.kind === 'open') {
      throw unsupported(`the function '${token.text}' in $filter (${SUPPORTED_SUMMARY})`);
    }
  };

  const comparison = (): CertificatePredicate => {
    const left = next();
    rejectFunction(left);
    if (left.kind !== 'word' || isWord(left, ...KEYWORD_LITERALS)) {
      if (left.kind === 'close' || left.kind === 'comma') {
        throw new FilterSyntaxError(`Unexpected ${describe(left)} at position ${left.at}.`);
      }
      throw unsupported(
        `a comparison that starts with ${describe(left)}; it compares a property with a value, e.g. state eq 'active'`,
      );
    }
    const name = left.text;
    const property = filterProperty(name);
    const operatorToken = next();
    if (isWord(operatorToken, ...ARITHMETIC)) {
      throw unsupported(`arithmetic in $filter ('${operatorToken.text}')`);
    }
    if (!isWord(operatorToken, ...OPERATORS)) {
      throw new FilterSyntaxError(
        `Expected a comparison operator (eq, ne, gt, ge, lt, le) after '${name}', found ${describe(operatorToken)}.`,
      );
    }
    const operator = operatorToken.text.toLowerCase() as Operator;
    checkOperator(name, property, operator);
    const right = next();
    rejectFunction(right);
    if (right.kind === 'word' && !isWord(right, ...KEYWORD_LITERALS)) {
      if (!isCertificateProperty(right.text)) {
        throw new FilterSyntaxError(
          `The property '${right.text}' does not exist on type 'Certificate'.`,
        );
      }
      throw unsupported(`comparing two properties ('${name}' and '${right.text}')`);
    }
    if (right.kind === 'open' || right.kind === 'close' || right.kind === 'comma') {
      throw new FilterSyntaxError(
        `Expected a value after '${name} ${operator}', found ${describe(right)}.`,
      );
    }
    return property.kind === 'datetime'
      ? dateTimeComparison(operator, right)
      : stringComparison(name as 'state' | 'thumbprint' | 'thumbprintAlgorithm', operator, right);
  };

  const unary = (): CertificatePredicate => {
    let predicate: CertificatePredicate;
    if (peek()?.kind === 'open') {
      next();
      const inner = disjunction();
      const close = peek();
      if (close?.kind !== 'close') {
        throw new FilterSyntaxError(
          close === undefined
            ? "The $filter expression ends before a ')'."
            : `Expected ')' at position ${close.at}, found ${describe(close)}.`,
        );
      }
      next();
      predicate = inner;
    } else if (isWord(peek(), 'not')) {
      next();
      const inner = unary();
      return (certificate) => !inner(certificate);
    } else {
      predicate = comparison();
    }
    const after = peek();
    if (isWord(after, ...OPERATORS, ...ARITHMETIC)) {
      throw unsupported(`comparing or computing with the result of a comparison ('${after.text}')`);
    }
    return predicate;
  };

  const conjunction = (): CertificatePredicate => {
    let left = unary();
    while (isWord(peek(), 'and')) {
      next();
      const a = left;
      const b = unary();
      left = (certificate) => a(certificate) && b(certificate);
    }
    return left;
  };

  const disjunction = (): CertificatePredicate => {
    let left = conjunction();
    while (isWord(peek(), 'or')) {
      next();
      const a = left;
      const b = conjunction();
      left = (certificate) => a(certificate) || b(certificate);
    }
    return left;
  };

  const predicate = disjunction();
  const rest = peek();
  if (rest !== undefined) {
    throw new FilterSyntaxError(`Unexpected ${describe(rest)} at position ${rest.at}.`);
  }
  return predicate;
}
