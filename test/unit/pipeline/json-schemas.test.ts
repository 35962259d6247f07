/**
 * Request bodies of the Date-typed models: a `format: date-time` property takes a `Date` (what
 * the model type says; JSON.stringify sends ISO 8601) or the text; a read-only property is
 * refused with its name and never required in a request; answers are checked for their shape only.
 */
import { describe, expect, it } from '@jest/globals';
import { compileValidators } from '../../../scripts/pipeline/compile-validators.ts';
import { SchemaConverter } from '../../../scripts/pipeline/json-schemas.ts';
import { SpecModel } from '../../../scripts/pipeline/spec-model.ts';
import { ruleIssue } from '../../../src/validation/rule-words.js';

const spec = new SpecModel({
  swagger: '2.0',
  info: { version: '1' },
  paths: {},
  definitions: {
    Schedule: {
      type: 'object',
      properties: {
        doNotRunUntil: { type: 'string', format: 'date-time' },
        runOn: { type: 'string', format: 'date' },
        notModifiedSince: { type: 'string', format: 'date-time-rfc1123' },
        state: { $ref: '#/definitions/State', readOnly: true },
        url: { type: 'string', readOnly: true },
        priority: { type: 'integer' },
        stamp: { $ref: '#/definitions/Stamp' },
      },
      // TypeSpec lists what answers always carry, read-only or not (BatchJob in 2026-10-01).
      required: ['url', 'state', 'priority', 'stamp'],
    },
    Stamp: { type: 'string', readOnly: true },
    State: { type: 'string', enum: ['active', 'disabled'] },
  },
});

async function validators() {
  const converter = new SchemaConverter(spec);
  const body = converter.root('Op_body', { $ref: '#/definitions/Schedule' });
  const shape = converter.shape('Op_response', { $ref: '#/definitions/Schedule' });
  const { js } = compileValidators({ roots: [body, shape], definitions: converter.definitions() });
  return (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as Record<
    string,
    ((data: unknown) => boolean) & { errors?: never[] }
  > & { ruleMessages: never };
}

describe('request bodies and answers of date-time and read-only properties', () => {
  it('a date-time property takes a Date or a string, not an invalid Date or a number', async () => {
    const v = await validators();
    expect(v.Op_body!({ priority: 1, doNotRunUntil: new Date('2025-01-01T00:00:00Z') })).toBe(true);
    expect(v.Op_body!({ priority: 1, doNotRunUntil: '2025-01-01T00:00:00Z' })).toBe(true);
    expect(v.Op_body!({ priority: 1, doNotRunUntil: new Date('nonsense') })).toBe(false);
    expect(v.Op_body!({ priority: 1, doNotRunUntil: 20250101 })).toBe(false);
    const [error] = v.Op_body!.errors!;
    expect(ruleIssue('Op_body', error!, v.ruleMessages)).toEqual({
      segments: ['doNotRunUntil'],
      rule: 'dateOrString',
      message:
        'must be a Date or an RFC 3339 date-time with a time zone offset (Z or ±hh:mm), such as 2024-07-01T00:00:00Z',
    });
  });

  it('date-time text in a body is RFC 3339 with an offset naming a real instant; other text is refused', async () => {
    const v = await validators();
    for (const ok of [
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00.1234567Z',
      '2025-01-01t00:00:00+05:30',
      '2024-02-29T23:59:59-12:00',
    ]) {
      expect([ok, v.Op_body!({ priority: 1, doNotRunUntil: ok })]).toEqual([ok, true]);
    }
    for (const bad of [
      'tomorrow',
      '2025',
      '2025-01-01',
      '2025-13-01T00:00:00Z',
      'Wed, 01 Jan 2025 00:00:00 GMT',
      // Without an offset JavaScript reads the text in the host's time zone: one body, many instants.
      '2025-01-01T00:00:00',
      '2025-01-01T00:00:00.000',
      '2025-01-01T00:00Z',
      '2025-02-29T00:00:00Z', // not a leap year: Date.parse would say March 1
      '2025-04-31T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T00:00:00+24:00',
      '2025-01-01T00:00:00+0530',
      '',
    ]) {
      expect([bad, v.Op_body!({ priority: 1, doNotRunUntil: bad })]).toEqual([bad, false]);
      expect(v.Op_body!.errors!.map((e) => (e as { keyword: string }).keyword)).toEqual([
        'dateOrString',
      ]);
    }
  });

  it('a read-only property is refused in a body, with its name, whether it is a $ref or not', async () => {
    const v = await validators();
    expect(v.Op_body!({ state: 'active', url: 'x', priority: 1 })).toBe(false);
    const issues = v.Op_body!.errors!.map((e) => ruleIssue('Op_body', e, v.ruleMessages));
    expect(issues).toEqual([
      {
        segments: ['state'],
        rule: 'readOnlyProperty',
        message: 'is read-only: the service sets it, so leave it out of the request',
      },
      {
        segments: ['url'],
        rule: 'readOnlyProperty',
        message: 'is read-only: the service sets it, so leave it out of the request',
      },
    ]);
  });

  it('a read-only property listed in required is required in answers only, never in a request', async () => {
    const v = await validators();
    expect(v.Op_body!({ priority: 1 })).toBe(true);
    expect(v.Op_body!({})).toBe(false);
    const issues = v.Op_body!.errors!.map((e) => ruleIssue('Op_body', e, v.ruleMessages));
    expect(issues).toEqual([expect.objectContaining({ segments: ['priority'], rule: 'required' })]);
    // read-only on the schema a $ref names counts too (stamp), refused like the others
    expect(v.Op_body!({ priority: 1, stamp: 'x' })).toBe(false);
  });

  it('an answer carries read-only properties and date strings: the shape accepts them', async () => {
    const v = await validators();
    expect(
      v.Op_response!({
        state: 'active',
        url: 'x',
        doNotRunUntil: '2025-01-01T00:00:00.1234567Z',
        runOn: '2025-01-01',
      }),
    ).toBe(true);
    expect(v.Op_response!({ state: 5 })).toBe(false);
  });

  it.each([
    ['text that gives no Date', 'not a date'],
    ['a date-time without an offset, read in the host time zone', '2024-02-01T09:15:00'],
    ['a date-time with a fraction but no offset', '2024-02-01T09:15:00.1234567'],
    ['an HTTP date (not RFC 3339)', 'Wed, 01 Jan 2025 00:00:00 GMT'],
    ['a day the month does not have', '2025-02-30T00:00:00Z'],
    ['a date alone', '2025-01-01'],
  ])('an answer whose date-time is %s is refused, naming the property and the rule', async (_label, text) => {
    const v = await validators();
    expect(v.Op_response!({ doNotRunUntil: text })).toBe(false);
    expect(v.Op_response!.errors!.map((e) => ruleIssue('Op_response', e, v.ruleMessages))).toEqual([
      {
        segments: ['doNotRunUntil'],
        rule: 'dateText',
        message:
          'must be an RFC 3339 date-time with a time zone offset (Z or ±hh:mm), such as 2024-07-01T00:00:00Z',
      },
    ]);
  });

  it.each([
    '2025-01-01T00:00:00Z',
    '2025-1-01',
    '2025-02-29',
  ])('an answer whose date is %s is refused: a date is a full-date alone', async (text) => {
    const v = await validators();
    expect(v.Op_response!({ runOn: text })).toBe(false);
    expect(v.Op_response!.errors!.map((e) => ruleIssue('Op_response', e, v.ruleMessages))).toEqual([
      {
        segments: ['runOn'],
        rule: 'dateText',
        message: 'must be an RFC 3339 full-date (yyyy-mm-dd), such as 2024-07-01',
      },
    ]);
  });

  it('an HTTP-date property of an answer stays text (no Date is made of it), so it is not checked', async () => {
    const v = await validators();
    expect(v.Op_response!({ notModifiedSince: 'Wed, 01 Jan 2025 00:00:00 GMT' })).toBe(true);
    expect(v.Op_response!({ notModifiedSince: 'whenever' })).toBe(true);
  });
});
