import { describe, expect, it } from '@jest/globals';
import {
  CERTIFICATE_RETIRED_MESSAGE,
  CERTIFICATE_RETIRED_REASON,
} from '../../../src/testing/index.js';
import { addRequest, errorBody, testEmulator } from './support/emulator-fixture.js';
import {
  ACCOUNT_URL,
  API_VERSION,
  certificatePath,
  signedRequest,
  T0,
} from './support/signed-request.js';

const TP = 'abcdef';
const CER = { thumbprint: TP, thumbprintAlgorithm: 'sha1', data: 'AAAA', certificateFormat: 'cer' };

const CALLS: [string, () => Request][] = [
  ['add', () => addRequest(CER)],
  ['list', () => signedRequest({ path: `/certificates?api-version=${API_VERSION}` })],
  ['get', () => signedRequest({ path: certificatePath(TP) })],
  ['delete', () => signedRequest({ method: 'DELETE', path: certificatePath(TP) })],
  [
    'cancelDeletion',
    () => signedRequest({ method: 'POST', path: certificatePath(TP, '/canceldelete') }),
  ],
];

describe('retired mode', () => {
  it.each(CALLS)('%s answers 400 CertificateRetired with a Reason', async (_name, request) => {
    const { emulator } = testEmulator({ mode: 'retired' });
    const response = await emulator.handle(request());
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.code).toBe('CertificateRetired');
    expect(body.message.value.split('\n')[0]).toBe(
      "The 'Azure Batch Certificates' feature was retired on 02/29/2024.",
    );
    expect(CERTIFICATE_RETIRED_MESSAGE).toBe(body.message.value.split('\n')[0]);
    expect(body.values).toEqual([{ key: 'Reason', value: CERTIFICATE_RETIRED_REASON }]);
  });

  it('checks api-version and authentication first', async () => {
    const { emulator } = testEmulator({ mode: 'retired' });
    const badVersion = await emulator.handle(
      signedRequest({ path: '/certificates?api-version=1.0' }),
    );
    expect((await errorBody(badVersion)).code).toBe('InvalidQueryParameterValue');
    const unsigned = await emulator.handle(
      signedRequest({ path: `/certificates?api-version=${API_VERSION}`, unsigned: true }),
    );
    expect((await errorBody(unsigned)).code).toBe('AuthenticationFailed');
  });

  it('answers before looking at the body', async () => {
    const { emulator } = testEmulator({ mode: 'retired' });
    const response = await emulator.handle(addRequest({ nonsense: true }));
    expect((await errorBody(response)).code).toBe('CertificateRetired');
  });

  it('can be switched at runtime, keeping stored certificates', async () => {
    const { emulator } = testEmulator();
    expect(emulator.mode).toBe('classic');
    await emulator.handle(addRequest(CER));
    emulator.setMode('retired');
    expect((await emulator.handle(signedRequest({ path: certificatePath(TP) }))).status).toBe(400);
    emulator.setMode('classic');
    expect((await emulator.handle(signedRequest({ path: certificatePath(TP) }))).status).toBe(200);
    expect(() => emulator.setMode('modern' as 'classic')).toThrow(TypeError);
  });
});

describe('error bodies', () => {
  it('have the service shape, with the request id and the clock in the message', async () => {
    const { emulator, clock } = testEmulator();
    clock.now = T0 + 123;
    const response = await emulator.handle(
      signedRequest({ path: certificatePath(TP), date: clock.now }),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/json;odata=minimalmetadata');
    const requestId = response.headers.get('request-id');
    expect(requestId).toBe('00000000-0000-4000-8000-000000000001');
    expect(await response.json()).toEqual({
      'odata.metadata': `${ACCOUNT_URL}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element`,
      code: 'CertificateNotFound',
      message: {
        lang: 'en-US',
        value: `The specified certificate does not exist.\nRequestId:${requestId}\nTime:2023-11-14T22:13:20.1230000Z`,
      },
    });
  });

  it('are laid out like the service writes them: CRLF and two-space indents per level', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(signedRequest({ path: certificatePath(TP) }));
    const requestId = response.headers.get('request-id');
    expect(await response.text()).toBe(
      `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",` +
        '"code":"CertificateNotFound","message":{\r\n    "lang":"en-US",' +
        `"value":"The specified certificate does not exist.\\nRequestId:${requestId}\\nTime:2023-11-14T22:13:20.0000000Z"` +
        '\r\n  }\r\n}',
    );
  });
});

describe('client-request-id', () => {
  const ID = '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0';
  const list = (headers: Record<string, string>) =>
    signedRequest({ path: `/certificates?api-version=${API_VERSION}`, headers });

  it.each([
    ['true', ID],
    ['TRUE', ID],
    ['false', null],
  ])('return-client-request-id: %s → echo %s', async (flag, expected) => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      list({ 'client-request-id': ID, 'return-client-request-id': flag }),
    );
    expect(response.headers.get('client-request-id')).toBe(expected);
  });

  it('is not echoed unless asked', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(list({ 'client-request-id': ID }));
    expect(response.headers.get('client-request-id')).toBeNull();
  });

  it('is echoed on error responses too', async () => {
    const { emulator } = testEmulator();
    const response = await emulator.handle(
      signedRequest({
        path: certificatePath(TP),
        headers: { 'client-request-id': ID, 'return-client-request-id': 'true' },
      }),
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('client-request-id')).toBe(ID);
  });
});

describe('request log', () => {
  it('records method, url, operation, status, request id and error code', async () => {
    const { emulator } = testEmulator();
    await emulator.handle(addRequest(CER));
    await emulator.handle(signedRequest({ path: certificatePath('ff') }));
    await emulator.handle(signedRequest({ path: '/nowhere' }));
    expect(emulator.requests.map((e) => [e.method, e.operationId, e.status, e.errorCode])).toEqual([
      ['POST', 'Certificate_Add', 201, undefined],
      ['GET', 'Certificate_Get', 404, 'CertificateNotFound'],
      ['GET', undefined, 400, 'UnsupportedByEmulator'],
    ]);
    expect(emulator.requests[0]?.url).toBe(
      `${ACCOUNT_URL}/certificates?api-version=${API_VERSION}`,
    );
    expect(emulator.requests[0]?.requestId).toBe('00000000-0000-4000-8000-000000000001');
    expect(emulator.requests[0]?.headers['ocp-date']).toBe(new Date(T0).toUTCString());
    emulator.clearRequests();
    expect(emulator.requests).toEqual([]);
  });
});
