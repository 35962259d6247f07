/**
 * The certificate `$filter` parser: each documented property with each of its operators, the
 * emulator's extra properties, combinations and parentheses; and the two kinds of failure —
 * invalid for the service too (FilterSyntaxError) or not evaluated by the emulator
 * (FilterNotSupportedError, whose message names the emulator).
 */
import { describe, expect, it } from '@jest/globals';
import {
  type FilterableCertificate,
  parseCertificateFilter,
} from '../../../src/emulator/odata-filter.js';
import {
  FilterNotSupportedError,
  FilterSyntaxError,
} from '../../../src/emulator/odata-filter-error.js';

const T = Date.UTC(2024, 0, 1, 0, 0, 0);
const CERTIFICATES: (FilterableCertificate & { name: string })[] = [
  {
    name: 'a',
    state: 'active',
    stateTransitionTime: T,
    thumbprint: 'aa11',
    thumbprintAlgorithm: 'sha1',
  },
  {
    name: 'b',
    state: 'deleting',
    stateTransitionTime: T + 1000,
    thumbprint: 'bb22',
    thumbprintAlgorithm: 'sha1',
  },
  {
    name: 'c',
    state: 'deletefailed',
    stateTransitionTime: T + 2000,
    thumbprint: 'cc33',
    thumbprintAlgorithm: 'sha1',
  },
  {
    name: 'd',
    state: 'active',
    stateTransitionTime: T + 2000,
    thumbprint: "d'44",
    thumbprintAlgorithm: 'SHA1',
  },
];

function matching(filter: string): string[] {
  const keep = parseCertificateFilter(filter);
  return CERTIFICATES.filter(keep).map((c) => c.name);
}

function failure(filter: string): Error {
  try {
    parseCertificateFilter(filter);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`the filter ${filter} was accepted`);
}

describe('state (documented: eq, ne)', () => {
  it.each([
    ["state eq 'active'", ['a', 'd']],
    ["state ne 'active'", ['b', 'c']],
    ["state eq 'deleteFailed'", ['c']],
    ["state eq 'DELETING'", ['b']],
    ["state eq 'unknown'", []],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('stateTransitionTime (documented: eq, ne, ge, gt, le, lt) with datetime literals', () => {
  const at1 = "datetime'2024-01-01T00:00:01Z'";
  it.each([
    [`stateTransitionTime eq ${at1}`, ['b']],
    [`stateTransitionTime ne ${at1}`, ['a', 'c', 'd']],
    [`stateTransitionTime gt ${at1}`, ['c', 'd']],
    [`stateTransitionTime ge ${at1}`, ['b', 'c', 'd']],
    [`stateTransitionTime lt ${at1}`, ['a']],
    [`stateTransitionTime le ${at1}`, ['a', 'b']],
    ["stateTransitionTime gt datetime'2020-01-01T00:00:00Z'", ['a', 'b', 'c', 'd']],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });

  it('compares instants to the service precision of 100 ns', () => {
    const justAfter = "datetime'2024-01-01T00:00:01.0000001Z'";
    expect(matching(`stateTransitionTime lt ${justAfter}`)).toEqual(['a', 'b']);
    expect(matching(`stateTransitionTime eq ${justAfter}`)).toEqual([]);
    expect(matching("stateTransitionTime eq datetime'2024-01-01T00:00:01.0000000Z'")).toEqual([
      'b',
    ]);
    expect(matching("stateTransitionTime eq datetime'2024-01-01T00:00:01.000Z'")).toEqual(['b']);
  });

  it.each([
    ["datetime'2024-01-01T00:00:01'", 'no zone: UTC'],
    ["datetime'2024-01-01T01:00:01+01:00'", 'an offset'],
    ["datetime'2023-12-31T23:00:01-01:00'", 'a negative offset'],
  ])('reads %s (%s) as the same instant', (literal) => {
    expect(matching(`stateTransitionTime eq ${literal}`)).toEqual(['b']);
  });

  it('accepts minutes without seconds', () => {
    expect(matching("stateTransitionTime le datetime'2024-01-01T00:00Z'")).toEqual(['a']);
  });
});

describe('thumbprint and thumbprintAlgorithm (emulator extras: eq, ne)', () => {
  it.each([
    ["thumbprint eq 'AA11'", ['a']],
    ["thumbprint ne 'aa11'", ['b', 'c', 'd']],
    ["thumbprint eq 'd''44'", ['d']],
    ["thumbprintAlgorithm eq 'sha1'", ['a', 'b', 'c', 'd']],
    ["thumbprintAlgorithm ne 'sha1'", []],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('combinations', () => {
  it.each([
    ["state eq 'active' and stateTransitionTime gt datetime'2024-01-01T00:00:00Z'", ['d']],
    ["state eq 'deleting' or state eq 'deletefailed'", ['b', 'c']],
    ["state eq 'active' or state eq 'deleting' and thumbprint eq 'aa11'", ['a', 'd']],
    ["(state eq 'active' or state eq 'deleting') and thumbprint eq 'aa11'", ['a']],
    ["not (state eq 'active')", ['b', 'c']],
    ["not state eq 'active' and not state eq 'deleting'", ['c']],
    [
      "((stateTransitionTime ge datetime'2024-01-01T00:00:01Z') and (not (state eq 'deletefailed')))",
      ['b', 'd'],
    ],
    ["  state   EQ 'active'   AND   thumbprint Ne 'aa11'  ", ['d']],
    [
      "stateTransitionTime gt datetime'2024-01-01T00:00:00Z' and stateTransitionTime lt datetime'2024-01-01T00:00:02Z'",
      ['b'],
    ],
  ])('%s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected);
  });
});

describe('filters that are invalid for the service too (FilterSyntaxError)', () => {
  it.each([
    ["colour eq 'red'", "The property 'colour' does not exist on type 'Certificate'."],
    ["State eq 'active'", "The property 'State' does not exist on type 'Certificate'."],
    ['state eq active', "The property 'active' does not exist on type 'Certificate'."],
    [
      "state gt 'active'",
      "The operator 'gt' cannot be used with 'state': List Certificates allows eq, ne on it.",
    ],
    [
      "state le 'active'",
      "The operator 'le' cannot be used with 'state': List Certificates allows eq, ne on it.",
    ],
    ["state eq 'active' and", 'The $filter expression ends too early.'],
    ['state eq', 'The $filter expression ends too early.'],
    ['', 'The $filter expression ends too early.'],
    ["(state eq 'active'", "The $filter expression ends before a ')'."],
    ["state eq 'active')", "Unexpected ')' at position 17."],
    ["state eq 'active' state eq 'deleting'", "Unexpected 'state' at position 18."],
    ["state eq 'active", 'The quoted text that starts at position 9 is not closed.'],
    ["state eq 'a' # 1", "Unexpected '#' at position 13."],
    [
      "state is 'active'",
      "Expected a comparison operator (eq, ne, gt, ge, lt, le) after 'state', found 'is'.",
    ],
    ['state eq )', "Expected a value after 'state eq', found ')'."],
    [
      "stateTransitionTime gt datetime'2020-13-01T00:00:00Z'",
      "The value '2020-13-01T00:00:00Z' of the datetime literal is not a valid date and time.",
    ],
    [
      "stateTransitionTime gt datetime'2021-02-29T00:00:00Z'",
      "The value '2021-02-29T00:00:00Z' of the datetime literal is not a valid date and time.",
    ],
    [
      "stateTransitionTime gt datetime'yesterday'",
      "The value 'yesterday' of the datetime literal is not a valid date and time.",
    ],
  ])('%s', (filter, message) => {
    const error = failure(filter);
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect(error.message).toBe(message);
  });
});

describe('filters the emulator does not evaluate (FilterNotSupportedError)', () => {
  const SUMMARY =
    'it filters on state (eq, ne) and stateTransitionTime (eq, ne, ge, gt, le, lt), the ' +
    'properties Microsoft documents for List Certificates, and on thumbprint and ' +
    'thumbprintAlgorithm (eq, ne)';
  it.each([
    [
      "startswith(thumbprint, 'aa')",
      `The Batch emulator does not support the function 'startswith' in $filter (${SUMMARY}).`,
    ],
    [
      "substringof('aa', thumbprint) eq true",
      `The Batch emulator does not support the function 'substringof' in $filter (${SUMMARY}).`,
    ],
    [
      "state eq 'active' and endswith(thumbprint, '11')",
      `The Batch emulator does not support the function 'endswith' in $filter (${SUMMARY}).`,
    ],
    [
      "previousState eq 'active'",
      `The Batch emulator does not support filtering certificates on 'previousState' (${SUMMARY}).`,
    ],
    [
      "previousStateTransitionTime gt datetime'2024-01-01T00:00:00Z'",
      `The Batch emulator does not support filtering certificates on 'previousStateTransitionTime' (${SUMMARY}).`,
    ],
    [
      "publicData eq 'AAAA'",
      `The Batch emulator does not support filtering certificates on 'publicData' (${SUMMARY}).`,
    ],
    [
      "deleteCertificateError/code eq 'CertificateInUse'",
      `The Batch emulator does not support filtering certificates on 'deleteCertificateError/code' (${SUMMARY}).`,
    ],
    [
      "thumbprint gt 'aa'",
      "The Batch emulator does not support the operator 'gt' on 'thumbprint' (it compares thumbprint with eq, ne).",
    ],
    [
      "stateTransitionTime gt '2024-01-01T00:00:00Z'",
      "The Batch emulator does not support comparing 'stateTransitionTime' with a quoted string; it compares stateTransitionTime with a datetime literal, e.g. datetime'2020-01-01T00:00:00Z'.",
    ],
    [
      "stateTransitionTime gt datetimeoffset'2024-01-01T00:00:00Z'",
      "The Batch emulator does not support comparing 'stateTransitionTime' with a datetimeoffset'…' literal; it compares stateTransitionTime with a datetime literal, e.g. datetime'2020-01-01T00:00:00Z'.",
    ],
    [
      'state eq 1',
      "The Batch emulator does not support comparing 'state' with the number 1; it compares state with a quoted string.",
    ],
    [
      'thumbprint eq null',
      "The Batch emulator does not support comparing 'thumbprint' with 'null'; it compares thumbprint with a quoted string.",
    ],
    [
      "'active' eq state",
      "The Batch emulator does not support a comparison that starts with a quoted string; it compares a property with a value, e.g. state eq 'active'.",
    ],
    [
      'stateTransitionTime gt previousStateTransitionTime',
      "The Batch emulator does not support comparing two properties ('stateTransitionTime' and 'previousStateTransitionTime').",
    ],
    [
      "stateTransitionTime add duration'PT1H' gt datetime'2024-01-01T00:00:00Z'",
      "The Batch emulator does not support arithmetic in $filter ('add').",
    ],
    [
      "(state eq 'active') eq true",
      "The Batch emulator does not support comparing or computing with the result of a comparison ('eq').",
    ],
  ])('%s', (filter, message) => {
    const error = failure(filter);
    expect(error).toBeInstanceOf(FilterNotSupportedError);
    expect(error.message).toBe(message);
  });
});
