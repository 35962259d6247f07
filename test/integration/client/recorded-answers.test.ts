/**
 * The client against answers shaped like the public recordings of the live service (the Azure
 * CLI's `test_batch_certificate_cmd.yaml`, api-version 2024-02-01.19.0, and the Azure SDKs'
 * certificate recordings): a 201 Add with `DataServiceId`, `Location` and `request-id` but no
 * `ETag`/`Last-Modified`; Get and List bodies pretty-printed with `\r\n`; seven-digit fractions
 * in times; a Get right after Delete showing `deleting`; a Cancel Deletion right after Delete
 * answered `409 CertificateBeingDeleted`. The bodies and values are written by us in that shape,
 * as exact text, and the client's results are asserted exactly.
 */
import { describe, expect, it } from '@jest/globals';
import { HttpResponse, http } from 'msw';
import { isBatchServiceError } from '../../../src/index.js';
import { useMswServer } from '../../support/msw-server.js';
import { ACCOUNT_URL, testClient } from '../../support/test-client.js';

const { server, requests } = useMswServer();

const THUMB = '59a3c1e2f0d4b5a6978877665544332211009988';
const PATH = `certificates(thumbprintAlgorithm=sha1,thumbprint=${THUMB})`;
const URL_ITEM = `${ACCOUNT_URL}/${PATH}`;
/** The recordings spell the keys capitalised in DataServiceId and Location. */
const HEADER_ITEM = `${ACCOUNT_URL}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${THUMB})`;
const PUBLIC_DATA = 'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVEYXRh';
const ADDED_AT = '2024-04-18T00:22:09.8192505Z';
const DELETED_AT = '2024-04-18T00:22:31.2818737Z';
const OTHER_THUMB = '00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff';

/** Transport headers every recorded answer carries (none of them means anything to the client). */
const TRANSPORT = {
  DataServiceVersion: '3.0',
  Date: 'Thu, 18 Apr 2024 00:22:09 GMT',
  Server: 'Microsoft-HTTPAPI/2.0',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
};
const JSON_TYPE = { 'Content-Type': 'application/json;odata=minimalmetadata' };

const GET_BODY =
  `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates/@Element",` +
  `"thumbprint":"${THUMB}","thumbprintAlgorithm":"sha1","url":"${URL_ITEM}","state":"active",` +
  `"stateTransitionTime":"${ADDED_AT}","publicData":"${PUBLIC_DATA}"\r\n}`;

const LIST_PAGE_1 =
  `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates","value":[\r\n    {\r\n      ` +
  `"thumbprint":"${OTHER_THUMB}","thumbprintAlgorithm":"sha1",` +
  `"url":"${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${OTHER_THUMB})",` +
  `"state":"deletefailed","stateTransitionTime":"2024-04-17T10:00:00Z","previousState":"deleting",` +
  `"previousStateTransitionTime":"2024-04-17T09:59:30.5Z","deleteCertificateError":{\r\n        ` +
  `"code":"CertificateInUse","message":"In use.","values":[\r\n          {\r\n            ` +
  `"name":"Pool","value":"pool-a"\r\n          },{\r\n            "name":"Pool","value":"pool-b"` +
  `\r\n          }\r\n        ]\r\n      }\r\n    }\r\n  ],` +
  `"odata.nextLink":"${ACCOUNT_URL}/certificates?api-version=2024-07-01.20.0&maxresults=1&$skiptoken=p2"\r\n}`;

const LIST_PAGE_2 =
  `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates","value":[\r\n    {\r\n      ` +
  `"thumbprint":"${THUMB}","thumbprintAlgorithm":"sha1","url":"${URL_ITEM}","state":"active",` +
  `"stateTransitionTime":"${ADDED_AT}","publicData":"${PUBLIC_DATA}"\r\n    }\r\n  ]\r\n}`;

const DELETING_BODY =
  `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#certificates/@Element",` +
  `"thumbprint":"${THUMB}","thumbprintAlgorithm":"sha1","url":"${URL_ITEM}","state":"deleting",` +
  `"stateTransitionTime":"${DELETED_AT}","previousState":"active",` +
  `"previousStateTransitionTime":"${ADDED_AT}","publicData":"${PUBLIC_DATA}"\r\n}`;

const BEING_DELETED =
  `{\r\n  "odata.metadata":"${ACCOUNT_URL}/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element",` +
  `"code":"CertificateBeingDeleted","message":{\r\n    "lang":"en-US",` +
  `"value":"The specified certificate has been marked for deletion and is being deleted.\\nRequestId:a1f0c2d3-0000-4000-8000-000000000005\\nTime:2024-04-18T00:22:31.6000000Z"` +
  '\r\n  }\r\n}';

function text(body: string, status: number, requestId: string): HttpResponse<string> {
  return new HttpResponse(body, {
    status,
    headers: {
      ...TRANSPORT,
      ...JSON_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      'request-id': requestId,
    },
  });
}

describe('answers shaped like the recordings of the live service', () => {
  it('Add: a 201 with DataServiceId, Location and request-id, and no ETag or Last-Modified', async () => {
    server.use(
      http.post(
        `${ACCOUNT_URL}/certificates`,
        () =>
          new HttpResponse(null, {
            status: 201,
            headers: {
              ...TRANSPORT,
              DataServiceId: HEADER_ITEM,
              Location: HEADER_ITEM,
              'request-id': 'a1f0c2d3-0000-4000-8000-000000000001',
              'Transfer-Encoding': 'chunked',
            },
          }),
      ),
    );
    const result = await testClient().certificate.add({
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      data: PUBLIC_DATA,
      certificateFormat: 'cer',
    });
    expect(result).toStrictEqual({
      dataServiceId: HEADER_ITEM,
      requestId: 'a1f0c2d3-0000-4000-8000-000000000001',
    });
  });

  it('Get: a body pretty-printed with \\r\\n, times with seven fraction digits', async () => {
    expect(GET_BODY).toContain('\r\n');
    server.use(
      http.get(URL_ITEM, () => text(GET_BODY, 200, 'a1f0c2d3-0000-4000-8000-000000000002')),
    );
    const certificate = await testClient().certificate.get('sha1', THUMB);
    expect(certificate).toStrictEqual({
      'odata.metadata': `${ACCOUNT_URL}/$metadata#certificates/@Element`,
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      url: URL_ITEM,
      state: 'active',
      stateTransitionTime: new Date(ADDED_AT),
      publicData: PUBLIC_DATA,
    });
  });

  it('List: pretty-printed pages, nested objects and arrays, followed through odata.nextLink', async () => {
    server.use(
      http.get(`${ACCOUNT_URL}/certificates`, ({ request }) =>
        new URL(request.url).searchParams.get('$skiptoken') === 'p2'
          ? text(LIST_PAGE_2, 200, 'a1f0c2d3-0000-4000-8000-000000000004')
          : text(LIST_PAGE_1, 200, 'a1f0c2d3-0000-4000-8000-000000000003'),
      ),
    );
    const items = [];
    for await (const item of testClient().certificate.list({ maxResults: 1 })) items.push(item);
    expect(items).toStrictEqual([
      {
        thumbprint: OTHER_THUMB,
        thumbprintAlgorithm: 'sha1',
        url: `${ACCOUNT_URL}/certificates(thumbprintAlgorithm=sha1,thumbprint=${OTHER_THUMB})`,
        state: 'deletefailed',
        stateTransitionTime: new Date('2024-04-17T10:00:00Z'),
        previousState: 'deleting',
        previousStateTransitionTime: new Date('2024-04-17T09:59:30.5Z'),
        deleteCertificateError: {
          code: 'CertificateInUse',
          message: 'In use.',
          values: [
            { name: 'Pool', value: 'pool-a' },
            { name: 'Pool', value: 'pool-b' },
          ],
        },
      },
      {
        thumbprint: THUMB,
        thumbprintAlgorithm: 'sha1',
        url: URL_ITEM,
        state: 'active',
        stateTransitionTime: new Date(ADDED_AT),
        publicData: PUBLIC_DATA,
      },
    ]);
    expect(requests.map((r) => new URL(r.url).searchParams.get('$skiptoken'))).toEqual([
      null,
      'p2',
    ]);
  });

  it('Delete, then Get: a 202, then the certificate deleting with its previous state and time', async () => {
    server.use(
      http.delete(
        URL_ITEM,
        () =>
          new HttpResponse(null, {
            status: 202,
            headers: { ...TRANSPORT, 'request-id': 'a1f0c2d3-0000-4000-8000-000000000006' },
          }),
      ),
      http.get(URL_ITEM, () => text(DELETING_BODY, 200, 'a1f0c2d3-0000-4000-8000-000000000007')),
    );
    const client = testClient();
    expect(await client.certificate.delete('sha1', THUMB)).toStrictEqual({
      requestId: 'a1f0c2d3-0000-4000-8000-000000000006',
    });
    const certificate = await client.certificate.get('sha1', THUMB);
    expect(certificate).toStrictEqual({
      'odata.metadata': `${ACCOUNT_URL}/$metadata#certificates/@Element`,
      thumbprint: THUMB,
      thumbprintAlgorithm: 'sha1',
      url: URL_ITEM,
      state: 'deleting',
      stateTransitionTime: new Date(DELETED_AT),
      previousState: 'active',
      previousStateTransitionTime: new Date(ADDED_AT),
      publicData: PUBLIC_DATA,
    });
  });

  it('Cancel Deletion right after Delete: a pretty-printed 409 CertificateBeingDeleted', async () => {
    server.use(
      http.post(`${URL_ITEM}/canceldelete`, () =>
        text(BEING_DELETED, 409, 'a1f0c2d3-0000-4000-8000-000000000005'),
      ),
    );
    const error = await testClient()
      .certificate.cancelDeletion('sha1', THUMB)
      .catch((e: unknown) => e);
    expect(isBatchServiceError(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 409,
      code: 'CertificateBeingDeleted',
      message: 'The specified certificate has been marked for deletion and is being deleted.',
      lang: 'en-US',
      values: [],
      retired: false,
      requestId: 'a1f0c2d3-0000-4000-8000-000000000005',
      serviceMessage:
        'The specified certificate has been marked for deletion and is being deleted.\n' +
        'RequestId:a1f0c2d3-0000-4000-8000-000000000005\nTime:2024-04-18T00:22:31.6000000Z',
    });
    expect(requests).toHaveLength(1);
  });
});
