/**
 * Splits an OData `$filter` into tokens: parentheses, commas, quoted strings (`''` is a quote),
 * typed literals (`datetime'…'`, `guid'…'`), numbers and words (names, keywords, `a/b` paths).
 *
 * @module
 */

import { FilterSyntaxError } from './odata-filter-error.js';

/** One token and where it starts (0-based). */
export type FilterToken =
  | { readonly kind: 'open' | 'close' | 'comma'; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'typed'; readonly type: string; readonly value: string; readonly at: number }
  | { readonly kind: 'number'; readonly text: string; readonly at: number }
  | { readonly kind: 'word'; readonly text: string; readonly at: number };

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[LlMmDdFf]?/y;
const SPACE = /\s+/y;

/** Reads a quoted string that starts at `start` (a `'`); returns its value and the end. */
function quoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "'") {
      if (text[index + 1] !== "'") return { value, end: index + 1 };
      value += "'";
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  throw new FilterSyntaxError(`The quoted text that starts at position ${start} is not closed.`);
}

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/**
 * Tokenizes `text`.
 *
 * @throws FilterSyntaxError for an unclosed quote or a character no OData token starts with.
 */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let at = 0;
  while (at < text.length) {
    const space = match(SPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    const char = text[at]!;
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', at });
      at += 1;
    } else if (char === "'") {
      const { value, end } = quoted(text, at);
      tokens.push({ kind: 'string', value, at });
      at = end;
    } else if (match(WORD, text, at)) {
      const word = match(WORD, text, at)!;
      if (text[at + word.length] === "'") {
        const { value, end } = quoted(text, at + word.length);
        tokens.push({ kind: 'typed', type: word, value, at });
        at = end;
      } else {
        tokens.push({ kind: 'word', text: word, at });
        at += word.length;
      }
    } else if (match(NUMBER, text, at)) {
      const number = match(NUMBER, text, at)!;
      tokens.push({ kind: 'number', text: number, at });
      at += number.length;
    } else {
      throw new FilterSyntaxError(`Unexpected '${char}' at position ${at}.`);
    }
  }
  return tokens;
}
