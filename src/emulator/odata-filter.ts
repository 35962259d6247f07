/**
 * A small OData `$filter` parser for certificate lists: comparisons `<property> eq|ne '<text>'`
 * on `state`, `thumbprint` and `thumbprintAlgorithm` (values compared case-insensitively),
 * combined with `and`, `or`, `not` and parentheses.
 *
 * @module
 */

/** The certificate fields a filter can read. */
export interface FilterableCertificate {
  readonly state: string;
  readonly thumbprint: string;
  readonly thumbprintAlgorithm: string;
}

/** A compiled filter. */
export type CertificatePredicate = (certificate: FilterableCertificate) => boolean;

/** Thrown for a filter the parser does not accept; `message` is the reason. */
export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
}

const PROPERTIES = ['state', 'thumbprint', 'thumbprintAlgorithm'] as const;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:(\()|(\))|('(?:[^']|'')*')|([A-Za-z_][A-Za-z0-9_]*)|(\S))/gy;
  let end = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[5] !== undefined) throw new FilterSyntaxError(`Unexpected '${match[5]}' in $filter.`);
    tokens.push(match[1] ?? match[2] ?? match[3] ?? match[4]!);
    end = pattern.lastIndex;
  }
  if (text.slice(end).trim() !== '') {
    throw new FilterSyntaxError('The $filter expression could not be read.');
  }
  return tokens;
}

/**
 * Compiles a `$filter` expression.
 *
 * @throws FilterSyntaxError for unsupported syntax or properties.
 */
export function parseCertificateFilter(text: string): CertificatePredicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const next = (): string => {
    const token = tokens[position++];
    if (token === undefined) throw new FilterSyntaxError('The $filter expression ends too early.');
    return token;
  };

  const comparison = (): CertificatePredicate => {
    const name = next();
    const property = PROPERTIES.find((p) => p === name);
    if (!property) {
      throw new FilterSyntaxError(`The property '${name}' cannot be filtered on certificates.`);
    }
    const operator = next().toLowerCase();
    if (operator !== 'eq' && operator !== 'ne') {
      throw new FilterSyntaxError(`The operator '${operator}' is not supported; use eq or ne.`);
    }
    const literal = next();
    if (!literal.startsWith("'")) {
      throw new FilterSyntaxError(`Expected a quoted string after '${name} ${operator}'.`);
    }
    const value = literal.slice(1, -1).replaceAll("''", "'").toLowerCase();
    return (certificate) => (certificate[property].toLowerCase() === value) === (operator === 'eq');
  };

  const unary = (): CertificatePredicate => {
    if (peek() === '(') {
      next();
      const inner = disjunction();
      if (next() !== ')') throw new FilterSyntaxError("Expected ')' in $filter.");
      return inner;
    }
    if (peek()?.toLowerCase() === 'not') {
      next();
      const inner = unary();
      return (certificate) => !inner(certificate);
    }
    return comparison();
  };

  const conjunction = (): CertificatePredicate => {
    let left = unary();
    while (peek()?.toLowerCase() === 'and') {
      next();
      const a = left;
      const b = unary();
      left = (certificate) => a(certificate) && b(certificate);
    }
    return left;
  };

  const disjunction = (): CertificatePredicate => {
    let left = conjunction();
    while (peek()?.toLowerCase() === 'or') {
      next();
      const a = left;
      const b = conjunction();
      left = (certificate) => a(certificate) || b(certificate);
    }
    return left;
  };

  const predicate = disjunction();
  if (position !== tokens.length) {
    throw new FilterSyntaxError(`Unexpected '${tokens[position]}' in $filter.`);
  }
  return predicate;
}
