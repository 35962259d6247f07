/**
 * `$filter` on List Certificates through the emulator's HTTP surface: every documented property
 * (state; stateTransitionTime) with each of its operators, the emulator's extras, combinations and
 * parentheses; an invalid filter gets the service's 400 InvalidQueryParameterValue, a filter the
 * emulator does not evaluate gets 400 UnsupportedByEmulator whose message names the emulator.
 */
import { describe, expect, it } from '@jest/globals';
import { BatchClient, BatchSharedKeyCredential, isBatchServiceError } from '../../../src/index.js';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from '../../../src/testing/index.js';
import { addRequest, errorBody, testEmulator } from './support/emulator-fixture.js';
import {
  ACCOUNT_URL,
  API_VERSION,
  certificatePath,
  detail,
  signedRequest,
  T0,
} from './support/signed-request.js';

const iso = (ms: number) => new Date(T0 + ms).toISOString();

/**
 * a1 active since T0; b2 active since T0+1 s; e5 active since T0+3 s; d4 deletefailed since
 * T0+8 s (deleted at T0+5 s while in use, completed at T0+8 s); c3 deleting since T0+10 s (the
 * default deletion takes 30 s). The clock then stands at T0+20 s.
 */
async function seeded() {
  const fixture = testEmulator();
  const { emulator, clock } = fixture;
  const at = async (ms: number, request: (date: number) => Request) => {
    clock.now = T0 + ms;
    expect((await emulator.handle(request(clock.now))).status).toBeLessThan(300);
  };
  const add = (thumbprint: string) => (date: number) =>
    addRequest(
      { thumbprint, thumbprintAlgorithm: 'sha1', data: 'AAAA', certificateFormat: 'cer' },
      { date },
    );
  const del = (thumbprint: string) => (date: number) =>
    signedRequest({ method: 'DELETE', path: certificatePath(thumbprint), date });
  await at(0, add('a1'));
  await at(1_000, add('b2'));
  await at(2_000, add('c3'));
  await at(2_500, add('d4'));
  await at(3_000, add('e5'));
  emulator.markInUse(EMULATOR_ACCOUNT_NAME, 'd4');
  await at(5_000, del('d4'));
  clock.now = T0 + 8_000;
  emulator.completeDeletions();
  await at(10_000, del('c3'));
  clock.now = T0 + 20_000;
  return fixture;
}

async function filtered(filter: string) {
  const { emulator, clock } = await seeded();
  return emulator.handle(
    signedRequest({
      path: `/certificates?api-version=${API_VERSION}&$filter=${encodeURIComponent(filter)}`,
      date: clock.now,
    }),
  );
}

async function thumbprints(filter: string): Promise<string[]> {
  const response = await filtered(filter);
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { thumbprint: string }[] }).value.map(
    (c) => c.thumbprint,
  );
}

describe('$filter on List Certificates', () => {
  it('the seeded certificates are in the states and at the times the filters below expect', async () => {
    const { emulator } = await seeded();
    expect(
      emulator.certificates().map((c) => [c.thumbprint, c.state, c.stateTransitionTime - T0]),
    ).toEqual([
      ['a1', 'active', 0],
      ['b2', 'active', 1_000],
      ['c3', 'deleting', 10_000],
      ['d4', 'deletefailed', 8_000],
      ['e5', 'active', 3_000],
    ]);
  });

  it("accepts the filter of the field report: stateTransitionTime gt datetime'2020-01-01T00:00:00Z'", async () => {
    expect(await thumbprints("stateTransitionTime gt datetime'2020-01-01T00:00:00Z'")).toEqual([
      'a1',
      'b2',
      'c3',
      'd4',
      'e5',
    ]);
  });

  it.each([
    ["state eq 'active'", ['a1', 'b2', 'e5']],
    ["state ne 'active'", ['c3', 'd4']],
    ["state eq 'deleting'", ['c3']],
    ["state eq 'deleteFailed'", ['d4']],
    [`stateTransitionTime eq datetime'${iso(3_000)}'`, ['e5']],
    [`stateTransitionTime ne datetime'${iso(3_000)}'`, ['a1', 'b2', 'c3', 'd4']],
    [`stateTransitionTime gt datetime'${iso(3_000)}'`, ['c3', 'd4']],
    [`stateTransitionTime ge datetime'${iso(3_000)}'`, ['c3', 'd4', 'e5']],
    [`stateTransitionTime lt datetime'${iso(3_000)}'`, ['a1', 'b2']],
    [`stateTransitionTime le datetime'${iso(3_000)}'`, ['a1', 'b2', 'e5']],
    ["thumbprint eq 'C3' or thumbprint eq 'e5'", ['c3', 'e5']],
    ["thumbprint ne 'b2'", ['a1', 'c3', 'd4', 'e5']],
    ["thumbprintAlgorithm eq 'sha1'", ['a1', 'b2', 'c3', 'd4', 'e5']],
    ["thumbprintAlgorithm ne 'SHA1'", []],
    [`state eq 'active' and stateTransitionTime ge datetime'${iso(1_000)}'`, ['b2', 'e5']],
    [
      `state eq 'deleting' or state eq 'deletefailed' and stateTransitionTime lt datetime'${iso(8_000)}'`,
      ['c3'],
    ],
    [
      `(state eq 'deleting' or state eq 'deletefailed') and stateTransitionTime le datetime'${iso(8_000)}'`,
      ['d4'],
    ],
    ["state eq 'active' and not (thumbprint eq 'a1')", ['b2', 'e5']],
    [`not (stateTransitionTime gt datetime'${iso(2_000)}' or state ne 'active')`, ['a1', 'b2']],
  ])('%s', async (filter, expected) => {
    expect(await thumbprints(filter)).toEqual(expected);
  });

  it('keeps a datetime filter across pages', async () => {
    const { emulator, clock } = await seeded();
    const filter = encodeURIComponent(`stateTransitionTime ge datetime'${iso(1_000)}'`);
    const first = await emulator.handle(
      signedRequest({
        path: `/certificates?api-version=${API_VERSION}&maxresults=2&$filter=${filter}`,
        date: clock.now,
      }),
    );
    const page = (await first.json()) as {
      value: { thumbprint: string }[];
      'odata.nextLink': string;
    };
    expect(page.value.map((c) => c.thumbprint)).toEqual(['b2', 'c3']);
    const next = new URL(page['odata.nextLink']);
    const second = await emulator.handle(
      signedRequest({ path: next.pathname + next.search, date: clock.now }),
    );
    expect(
      ((await second.json()) as { value: { thumbprint: string }[] }).value.map((c) => c.thumbprint),
    ).toEqual(['d4', 'e5']);
  });

  it.each([
    ["colour eq 'red'", "The property 'colour' does not exist on type 'Certificate'."],
    [
      "state gt 'active'",
      "The operator 'gt' cannot be used with 'state': List Certificates allows eq, ne on it.",
    ],
    ["state eq 'active' and", 'The $filter expression ends too early.'],
    ['state eq active', "The property 'active' does not exist on type 'Certificate'."],
    [
      "stateTransitionTime gt datetime'2020-02-30T00:00:00Z'",
      "The value '2020-02-30T00:00:00Z' of the datetime literal is not a valid date and time.",
    ],
  ])('answers the invalid filter %s with the service code InvalidQueryParameterValue', async (filter, reason) => {
    const response = await filtered(filter);
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('InvalidQueryParameterValue');
    expect(body.message.value.split('\n')[0]).toBe(
      'Value for one of the query parameters specified in the request URI is invalid.',
    );
    expect(body.values).toEqual([
      { key: 'QueryParameterName', value: '$filter' },
      { key: 'QueryParameterValue', value: filter },
      { key: 'Reason', value: reason },
    ]);
  });

  it.each([
    ["startswith(thumbprint, 'a')", "the function 'startswith'"],
    ["previousState eq 'active'", "filtering certificates on 'previousState'"],
    ["thumbprint lt 'c'", "the operator 'lt' on 'thumbprint'"],
    [
      "stateTransitionTime gt '2020-01-01T00:00:00Z'",
      "comparing 'stateTransitionTime' with a quoted string",
    ],
    ['state eq 3', "comparing 'state' with the number 3"],
  ])('answers %s, which it does not evaluate, with 400 UnsupportedByEmulator naming the emulator', async (filter, what) => {
    const response = await filtered(filter);
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('UnsupportedByEmulator');
    const message = body.message.value.split('\n')[0]!;
    expect(message).toMatch(
      new RegExp(`^The Batch emulator does not support ${what.replace(/[()]/g, '\\$&')}`),
    );
    expect(detail(body, 'QueryParameterName')).toBe('$filter');
    expect(detail(body, 'QueryParameterValue')).toBe(filter);
    expect(detail(body, 'Reason')).toBe(message);
  });

  it('reaches a client as a BatchServiceError that says the emulator does not support it', async () => {
    const { emulator } = testEmulator({ now: () => Date.now() });
    const client = new BatchClient(
      ACCOUNT_URL,
      new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY),
      {
        deprecationWarnings: 'off',
        retry: { maxRetries: 0 },
        fetch: (input, init) => emulator.handle(new Request(input, init)),
      },
    );
    const error = await (async () => {
      for await (const _ of client.certificate.list({ filter: "startswith(thumbprint, 'a')" })) {
        // not reached
      }
    })().catch((e: unknown) => e);
    expect(isBatchServiceError(error) && [error.statusCode, error.code]).toEqual([
      400,
      'UnsupportedByEmulator',
    ]);
    expect((error as Error).message).toContain(
      "The Batch emulator does not support the function 'startswith' in $filter",
    );
  });
});
