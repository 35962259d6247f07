import { describe, expect, it } from '@jest/globals';
import { DEFAULT_DELETE_DELAY_IN_MS, EMULATOR_ACCOUNT_NAME } from '../../../src/testing/index.js';
import { addRequest, errorBody, testEmulator } from './support/emulator-fixture.js';
import {
  ACCOUNT_URL,
  API_VERSION,
  certificatePath,
  signedRequest,
  T0,
} from './support/signed-request.js';

const TP = '0123456789abcdef0123456789abcdef01234567';
const CER = {
  thumbprint: TP,
  thumbprintAlgorithm: 'sha1',
  data: 'Y2VydA==',
  certificateFormat: 'cer',
};
const RESOURCE = `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${TP})`;
/** DataServiceId and Location spell the keys capitalised, as the recorded service does. */
const HEADER_ID = `${ACCOUNT_URL}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${TP})`;
const headerNames = (response: Response) => [...response.headers.keys()].sort();

const get = (date = T0) => signedRequest({ path: certificatePath(TP), date });
const del = (date = T0) => signedRequest({ method: 'DELETE', path: certificatePath(TP), date });
const cancel = (date = T0) =>
  signedRequest({ method: 'POST', path: certificatePath(TP, '/canceldelete'), date });

describe('add', () => {
  it('answers 201 with the recorded service headers and stores an active certificate', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(addRequest(CER));
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
    expect(headerNames(response)).toEqual([
      'dataserviceid',
      'dataserviceversion',
      'location',
      'request-id',
    ]);
    expect(response.headers.get('Location')).toBe(HEADER_ID);
    expect(response.headers.get('DataServiceId')).toBe(HEADER_ID);
    expect(response.headers.get('DataServiceVersion')).toBe('3.0');
    expect(response.headers.get('request-id')).toBe('00000000-0000-4000-8000-000000000001');
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)).toMatchObject({
      state: 'active',
      certificateFormat: 'cer',
      publicData: 'Y2VydA==',
      stateTransitionTime: T0,
    });
  });

  it('normalises the thumbprint: spaces removed, case-insensitive', async () => {
    const { emulator } = testEmulator();
    const spaced = `${TP.slice(0, 10).toUpperCase()} ${TP.slice(10, 20)}  ${TP.slice(20)}`;
    expect((await emulator.handle(addRequest({ ...CER, thumbprint: spaced }))).status).toBe(201);
    expect(emulator.certificates().map((c) => c.thumbprint)).toEqual([TP]);
    const upper = signedRequest({ path: certificatePath(TP.toUpperCase()) });
    expect(
      ((await (await emulator.handle(upper)).json()) as { thumbprint: string }).thumbprint,
    ).toBe(TP);
    const again = await emulator.handle(addRequest({ ...CER, thumbprint: TP.toUpperCase() }));
    expect(again.status).toBe(409);
    expect((await errorBody(again)).code).toBe('CertificateExists');
  });

  it('keeps neither the password nor pfx data, and gives pfx no publicData', async () => {
    const { emulator } = testEmulator();
    const pfx = {
      thumbprint: TP,
      thumbprintAlgorithm: 'sha1',
      data: 'c2VjcmV0LXBmeA==',
      password: 'hunter2',
    };
    expect((await emulator.handle(addRequest(pfx))).status).toBe(201);
    const stored = emulator.certificate(EMULATOR_ACCOUNT_NAME, TP);
    expect(stored?.certificateFormat).toBe('pfx');
    const printed = JSON.stringify({
      stored,
      log: emulator.requests,
      body: await (await emulator.handle(get())).json(),
    });
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain('c2VjcmV0LXBmeA==');
  });
});

describe('get', () => {
  it('answers the certificate like the service, with odata.metadata and headers', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    const response = await emulator.handle(get());
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json;odata=minimalmetadata');
    expect(headerNames(response)).toEqual(['content-type', 'dataserviceversion', 'request-id']);
    expect(await response.json()).toEqual({
      'odata.metadata': `${ACCOUNT_URL}/$metadata#certificates/@Element`,
      thumbprint: TP,
      thumbprintAlgorithm: 'sha1',
      url: RESOURCE,
      state: 'active',
      stateTransitionTime: new Date(T0).toISOString(),
      publicData: 'Y2VydA==',
    });
  });

  it('writes the body like the service: CRLF and two-space indents, members on one line', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    const text = await (await emulator.handle(get())).text();
    expect(text).toBe(
      `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates/@Element","thumbprint":"${TP}",` +
        `"thumbprintAlgorithm":"sha1","url":"${RESOURCE}","state":"active",` +
        `"stateTransitionTime":"${new Date(T0).toISOString()}","publicData":"Y2VydA=="\r\n}`,
    );
  });

  it('answers 404 CertificateNotFound for an unknown thumbprint', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(get());
    expect(response.status).toBe(404);
    expect((await errorBody(response)).code).toBe('CertificateNotFound');
  });

  it('applies $select', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    const response = await emulator.handle(
      signedRequest({ path: `${certificatePath(TP)}&$select=state,url` }),
    );
    expect(await response.json()).toEqual({
      'odata.metadata': `${ACCOUNT_URL}/$metadata#certificates/@Element`,
      url: RESOURCE,
      state: 'active',
    });
    const bad = await emulator.handle(
      signedRequest({ path: `${certificatePath(TP)}&$select=colour` }),
    );
    expect(bad.status).toBe(400);
    expect((await errorBody(bad)).code).toBe('InvalidQueryParameterValue');
  });
});

describe('delete and cancelDeletion', () => {
  it('delete → deleting → gone after deleteDelayInMs on the injected clock', async () => {
    const { emulator, clock } = testEmulator({ deleteDelayInMs: 5000 });
    await emulator.handle(addRequest(CER));
    clock.now = T0 + 1000;
    const response = await emulator.handle(del(clock.now));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    expect(headerNames(response)).toEqual(['dataserviceversion', 'request-id']);

    clock.now = T0 + 5999;
    const deleting = (await (await emulator.handle(get(clock.now))).json()) as Record<
      string,
      unknown
    >;
    expect(deleting).toMatchObject({
      state: 'deleting',
      stateTransitionTime: new Date(T0 + 1000).toISOString(),
      previousState: 'active',
      previousStateTransitionTime: new Date(T0).toISOString(),
    });
    const conflict = await emulator.handle(addRequest(CER, { date: clock.now }));
    expect(conflict.status).toBe(409);
    expect((await errorBody(conflict)).code).toBe('CertificateBeingDeleted');
    const twice = await emulator.handle(del(clock.now));
    expect((await errorBody(twice)).code).toBe('CertificateBeingDeleted');
    const cancelWhileDeleting = await emulator.handle(cancel(clock.now));
    expect(cancelWhileDeleting.status).toBe(409);
    expect((await errorBody(cancelWhileDeleting)).code).toBe('CertificateBeingDeleted');

    clock.now = T0 + 6000;
    expect((await emulator.handle(get(clock.now))).status).toBe(404);
    expect(emulator.certificates()).toEqual([]);
  });

  it('by default takes DEFAULT_DELETE_DELAY_IN_MS, so the calls right after Delete see what the service shows', async () => {
    expect(DEFAULT_DELETE_DELAY_IN_MS).toBe(30_000);
    const { emulator, clock } = testEmulator();
    await emulator.handle(addRequest(CER));
    const deletedAt = T0 + 21_000;
    clock.now = deletedAt;
    expect((await emulator.handle(del(clock.now))).status).toBe(202);

    // The recording: a Get right after the 202 shows deleting, previousState and its time.
    const got = await emulator.handle(get(clock.now));
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({
      state: 'deleting',
      stateTransitionTime: new Date(deletedAt).toISOString(),
      previousState: 'active',
      previousStateTransitionTime: new Date(T0).toISOString(),
    });
    // Microsoft's SDK tests: cancelDeletion right after delete is 409 CertificateBeingDeleted.
    const cancelled = await emulator.handle(cancel(clock.now));
    expect(cancelled.status).toBe(409);
    expect((await errorBody(cancelled)).code).toBe('CertificateBeingDeleted');
    const listed = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}`, date: clock.now }),
    );
    expect(((await listed.json()) as { value: { state: string }[] }).value).toMatchObject([
      { state: 'deleting', previousState: 'active' },
    ]);

    clock.now = deletedAt + DEFAULT_DELETE_DELAY_IN_MS - 1;
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)?.state).toBe('deleting');
    clock.now = deletedAt + DEFAULT_DELETE_DELAY_IN_MS;
    expect((await emulator.handle(get(clock.now))).status).toBe(404);
  });

  it('deleteDelayInMs: 0 completes the deletion on the next request', async () => {
    const { emulator } = testEmulator({ deleteDelayInMs: 0 });
    await emulator.handle(addRequest(CER));
    await emulator.handle(del());
    expect((await emulator.handle(get())).status).toBe(404);
  });

  it.each([-1, Number.NaN])('refuses deleteDelayInMs %s', (deleteDelayInMs) => {
    expect(() => testEmulator({ deleteDelayInMs })).toThrow(
      new TypeError('deleteDelayInMs must be a number of milliseconds, 0 or more.'),
    );
  });

  it('records previousState and previousStateTransitionTime on every transition', async () => {
    const { emulator, clock } = testEmulator();
    const at = async (ms: number, request: (date: number) => Request) => {
      clock.now = T0 + ms;
      return emulator.handle(request(clock.now));
    };
    const state = async () => {
      const body = (await (await emulator.handle(get(clock.now))).json()) as Record<
        string,
        unknown
      >;
      return [
        body.state,
        body.stateTransitionTime,
        body.previousState,
        body.previousStateTransitionTime,
      ];
    };
    const iso = (ms: number) => new Date(T0 + ms).toISOString();
    await emulator.handle(addRequest(CER));
    expect(await state()).toEqual(['active', iso(0), undefined, undefined]);
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, TP);
    await at(1_000, del);
    expect(await state()).toEqual(['deleting', iso(1_000), 'active', iso(0)]);
    clock.now = T0 + 1_000 + DEFAULT_DELETE_DELAY_IN_MS;
    expect(await state()).toEqual([
      'deletefailed',
      iso(1_000 + DEFAULT_DELETE_DELAY_IN_MS),
      'deleting',
      iso(1_000),
    ]);
    await at(40_000, cancel);
    expect(await state()).toEqual([
      'active',
      iso(40_000),
      'deletefailed',
      iso(1_000 + DEFAULT_DELETE_DELAY_IN_MS),
    ]);
    await at(50_000, del);
    clock.now = T0 + 55_000;
    emulator.completeDeletions();
    expect(await state()).toEqual(['deletefailed', iso(55_000), 'deleting', iso(50_000)]);
    await at(60_000, del);
    expect(await state()).toEqual(['deleting', iso(60_000), 'deletefailed', iso(55_000)]);
  });

  it('completeDeletions() finishes pending deletions whatever the clock says', async () => {
    const { emulator } = testEmulator({ deleteDelayInMs: 3_600_000 });
    await emulator.handle(addRequest(CER));
    await emulator.handle(del());
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)?.state).toBe('deleting');
    emulator.completeDeletions();
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)).toBeUndefined();
  });

  it('a certificate in use ends in deletefailed; cancelDeletion makes it active again', async () => {
    const { emulator, clock } = testEmulator({ deleteDelayInMs: 10 });
    await emulator.handle(addRequest(CER));
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, TP, ['pool-a', 'pool-b']);
    clock.now = T0 + 100;
    await emulator.handle(del(clock.now));
    clock.now = T0 + 200;
    const failed = (await (await emulator.handle(get(clock.now))).json()) as Record<
      string,
      unknown
    >;
    expect(failed).toMatchObject({
      state: 'deletefailed',
      stateTransitionTime: new Date(T0 + 200).toISOString(),
      previousState: 'deleting',
      previousStateTransitionTime: new Date(T0 + 100).toISOString(),
      deleteCertificateError: {
        code: 'CertificateInUse',
        values: [
          { name: 'Pool', value: 'pool-a' },
          { name: 'Pool', value: 'pool-b' },
        ],
      },
    });

    const cancelled = await emulator.handle(cancel(clock.now));
    expect(cancelled.status).toBe(204);
    expect(cancelled.headers.get('DataServiceId')).toBe(HEADER_ID);
    const active = (await (await emulator.handle(get(clock.now))).json()) as Record<
      string,
      unknown
    >;
    expect(active.state).toBe('active');
    expect(active.previousState).toBe('deletefailed');
    expect(active.deleteCertificateError).toBeUndefined();
  });

  it('a failed deletion can be retried once the certificate is no longer used', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, TP);
    await emulator.handle(del());
    emulator.completeDeletions();
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)?.state).toBe('deletefailed');
    const exists = await emulator.handle(addRequest(CER));
    expect((await errorBody(exists)).code).toBe('CertificateExists');
    emulator.markNotInUse(EMULATOR_ACCOUNT_NAME, TP);
    expect((await emulator.handle(del())).status).toBe(202);
    expect(await (await emulator.handle(get())).json()).toMatchObject({
      state: 'deleting',
      previousState: 'deletefailed',
    });
    emulator.completeDeletions();
    expect((await emulator.handle(get())).status).toBe(404);
  });

  it('cancelDeletion of an active certificate answers 409 CertificateStateActive', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    const response = await emulator.handle(cancel());
    expect(response.status).toBe(409);
    expect((await errorBody(response)).code).toBe('CertificateStateActive');
  });

  it('delete and cancelDeletion of an unknown certificate answer 404', async () => {
    const { emulator } = testEmulator();
    expect((await errorBody(await emulator.handle(del()))).code).toBe('CertificateNotFound');
    expect((await errorBody(await emulator.handle(cancel()))).code).toBe('CertificateNotFound');
  });

  it('sends no ETag or Last-Modified on any certificate response, like the recorded service', async () => {
    const { emulator } = testEmulator({ deleteDelayInMs: 0 });
    const list = () => signedRequest({ path: `/certificates?api-version=${API_VERSION}` });
    const responses = [await emulator.handle(addRequest(CER))];
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, TP);
    for (const request of [get, list, del, get, cancel, get]) {
      responses.push(await emulator.handle(request()));
    }
    expect(responses.map((r) => r.status)).toEqual([201, 200, 200, 202, 200, 204, 200]);
    for (const response of responses) {
      expect(response.headers.get('ETag')).toBeNull();
      expect(response.headers.get('Last-Modified')).toBeNull();
    }
  });

  it('the test hooks take a thumbprint in any form the client accepts', async () => {
    const { emulator } = testEmulator({ deleteDelayInMs: 0 });
    await emulator.handle(addRequest(CER));
    const pairs = TP.toUpperCase().match(/../g)!;
    for (const form of [TP.toUpperCase(), pairs.join(' '), pairs.join(':'), `\u200e${TP}`]) {
      expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, form)?.thumbprint).toBe(TP);
    }
    emulator.markInUse(EMULATOR_ACCOUNT_NAME, pairs.join(':'), ['render']);
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)?.inUseBy).toEqual(['render']);
    emulator.markNotInUse(EMULATOR_ACCOUNT_NAME, `\u200e${pairs.join(' ')}`);
    expect(emulator.certificate(EMULATOR_ACCOUNT_NAME, TP)?.inUseBy).toEqual([]);
  });

  it('markInUse of an unknown certificate throws', () => {
    const { emulator } = testEmulator();
    expect(() => emulator.markInUse(EMULATOR_ACCOUNT_NAME, TP)).toThrow(/No certificate/);
  });

  it('reset() forgets certificates, faults and the log but keeps the mode', async () => {
    const { emulator } = testEmulator({ mode: 'retired' });
    emulator.setMode('classic');
    await emulator.handle(addRequest(CER));
    emulator.faults.failNext(2);
    emulator.setMode('retired');
    emulator.reset();
    expect(emulator.certificates()).toEqual([]);
    expect(emulator.faults.pending).toBe(0);
    expect(emulator.requests).toEqual([]);
    expect(emulator.mode).toBe('retired');
  });
});
