import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BatchServiceError, parseBatchError } from '../../../src/errors/index.js';
import {
  AUTHENTICATION_FAILED,
  batchErrorBody,
  CERTIFICATE_BEING_DELETED,
  CERTIFICATE_EXISTS,
  CERTIFICATE_RETIRED,
  CLIENT_REQUEST_ID,
  HTML_502,
  MAC_SIGNATURE,
  REQUEST_ID,
  RETIRED_SERVICE_TEXT,
  STRING_TO_SIGN,
  TRAILER,
} from './fixtures.js';

const ids = { 'request-id': REQUEST_ID, 'client-request-id': CLIENT_REQUEST_ID };
const json = { 'content-type': 'application/json;odata=minimalmetadata', ...ids };

describe('parseBatchError: Batch OData errors', () => {
  it('reads 409 CertificateExists without values', () => {
    const err = parseBatchError({
      status: 409,
      statusText: 'Conflict',
      headers: json,
      bodyText: CERTIFICATE_EXISTS,
    });
    expect(err).toBeInstanceOf(BatchServiceError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('BatchServiceError');
    expect(err.statusCode).toBe(409);
    expect(err.code).toBe('CertificateExists');
    expect(err.message).toBe('The specified certificate already exists.');
    expect(err.serviceMessage).toBe(`The specified certificate already exists.${TRAILER}`);
    expect(err.lang).toBe('en-US');
    expect(err.values).toEqual([]);
    expect(err.requestId).toBe(REQUEST_ID);
    expect(err.clientRequestId).toBe(CLIENT_REQUEST_ID);
    expect(err.retired).toBe(false);
  });

  it('reads 409 CertificateBeingDeleted', () => {
    const err = parseBatchError({
      status: 409,
      statusText: 'Conflict',
      headers: new Headers(json),
      bodyText: CERTIFICATE_BEING_DELETED,
    });
    expect(err.code).toBe('CertificateBeingDeleted');
    expect(err.message).toBe(
      'The specified certificate has been marked for deletion and is being deleted.',
    );
    expect(err.values).toEqual([]);
    expect(err.requestId).toBe(REQUEST_ID);
    expect(err.clientRequestId).toBe(CLIENT_REQUEST_ID);
  });

  it('reads 403 AuthenticationFailed values, hiding the request signature', () => {
    const err = parseBatchError({
      status: 403,
      statusText: 'Server failed to authenticate the request.',
      headers: json,
      bodyText: AUTHENTICATION_FAILED,
    });
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('AuthenticationFailed');
    expect(err.message).toBe(
      'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    );
    expect(err.values).toEqual([
      {
        key: 'AuthenticationErrorDetail',
        value: `The MAC signature found in the HTTP request 'REDACTED' is not the same as any computed signature. ${STRING_TO_SIGN}`,
      },
    ]);
    expect(JSON.stringify(err)).not.toContain(MAC_SIGNATURE);
  });

  it('accepts a message that is a plain string', () => {
    const err = parseBatchError({
      status: 400,
      statusText: 'Bad Request',
      headers: {},
      bodyText: JSON.stringify({ code: 'InvalidHeaderValue', message: 'A header is invalid.' }),
    });
    expect(err.code).toBe('InvalidHeaderValue');
    expect(err.message).toBe('A header is invalid.');
    expect(err.serviceMessage).toBe('A header is invalid.');
    expect(err.lang).toBeUndefined();
  });

  it('ignores unknown extra fields and malformed values entries', () => {
    const err = parseBatchError({
      status: 400,
      statusText: 'Bad Request',
      headers: ids,
      bodyText: batchErrorBody('InvalidPropertyValue', `Bad value.${TRAILER}`, {
        innererror: { trace: 'x' },
        future: [1, 2, 3],
        values: [
          { key: 'PropertyName', value: 'thumbprintAlgorithm', extra: true },
          { key: 'PropertyValue', value: 'md5' },
          { key: 'Count', value: 3 },
          { value: 'no key' },
          { key: 'Nested', value: { deep: 1 } },
          'not an object',
          null,
        ],
      }),
    });
    expect(err.code).toBe('InvalidPropertyValue');
    expect(err.values).toEqual([
      { key: 'PropertyName', value: 'thumbprintAlgorithm' },
      { key: 'PropertyValue', value: 'md5' },
      { key: 'Count', value: '3' },
    ]);
    expect(Object.isFrozen(err.values)).toBe(true);
    expect(Object.isFrozen(err.values[0])).toBe(true);
  });

  it('unwraps the {"error": {...}} envelope of newer Azure APIs', () => {
    const err = parseBatchError({
      status: 404,
      statusText: 'Not Found',
      headers: {},
      bodyText: JSON.stringify({ error: { code: 'CertificateNotFound', message: 'Gone.' } }),
    });
    expect(err.code).toBe('CertificateNotFound');
    expect(err.message).toBe('Gone.');
  });

  it('ignores a code that is not a string identifier', () => {
    const err = parseBatchError({
      status: 400,
      statusText: 'Bad Request',
      headers: {},
      bodyText: JSON.stringify({ code: 42, message: { value: 'Odd.' } }),
    });
    expect(err.code).toBeUndefined();
    expect(err.message).toBe('Odd.');
  });

  it('falls back to the status and code when the message is empty', () => {
    const err = parseBatchError({
      status: 500,
      statusText: 'Internal Server Error',
      headers: {},
      bodyText: batchErrorBody('InternalError', TRAILER),
    });
    expect(err.code).toBe('InternalError');
    expect(err.message).toBe('500 Internal Server Error (InternalError, no message)');
  });
});

describe('parseBatchError: bodies that are not Batch errors', () => {
  it('does not copy an HTML 502 page into the message', () => {
    const err = parseBatchError({
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      bodyText: HTML_502,
    });
    expect(err.statusCode).toBe(502);
    expect(err.message).toBe('502 Bad Gateway (non-JSON response body, text/html)');
    expect(err.code).toBeUndefined();
    expect(err.serviceMessage).toBeUndefined();
    expect(err.values).toEqual([]);
    expect(JSON.stringify(err)).not.toContain('upstream');
  });

  it('omits a content type that is not a plain media type', () => {
    const err = parseBatchError({
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'content-type': '<script>alert(1)</script>' },
      bodyText: 'oops',
    });
    expect(err.message).toBe('502 Bad Gateway (non-JSON response body)');
  });

  it('reports an empty 500', () => {
    const err = parseBatchError({
      status: 500,
      statusText: 'Internal Server Error',
      headers: {},
      bodyText: '',
    });
    expect(err.message).toBe('500 Internal Server Error (empty response body)');
    expect(err.requestId).toBeUndefined();
    expect(err.clientRequestId).toBeUndefined();
  });

  it('uses the standard reason phrase when statusText is empty (HTTP/2)', () => {
    const err = parseBatchError({ status: 503, statusText: '', headers: {}, bodyText: '  \n' });
    expect(err.message).toBe('503 Service Unavailable (empty response body)');
    const unknown = parseBatchError({ status: 599, headers: {}, bodyText: '' });
    expect(unknown.message).toBe('599 (empty response body)');
  });

  it('salvages code and message from truncated JSON', () => {
    const full = batchErrorBody('ServerBusy', `The server is busy.${TRAILER}`);
    const err = parseBatchError({
      status: 503,
      statusText: 'Service Unavailable',
      headers: {},
      bodyText: full.slice(0, full.indexOf('RequestId') + 3),
    });
    expect(err.code).toBe('ServerBusy');
    expect(err.lang).toBe('en-US');
    expect(err.message).toBe('503 Service Unavailable (ServerBusy, no message)');
    const cutAfterMessage = `${batchErrorBody('ServerBusy', 'The server is busy.').slice(0, -1)},"values":[{"ke`;
    const salvaged = parseBatchError({
      status: 503,
      statusText: 'Service Unavailable',
      headers: {},
      bodyText: cutAfterMessage,
    });
    expect(salvaged.code).toBe('ServerBusy');
    expect(salvaged.message).toBe('The server is busy.');
  });

  it('reports JSON that is truncated before anything useful', () => {
    const err = parseBatchError({
      status: 500,
      statusText: 'Internal Server Error',
      headers: {},
      bodyText: '{"odata.metadata":"https://x/$metad',
    });
    expect(err.code).toBeUndefined();
    expect(err.message).toBe('500 Internal Server Error (malformed JSON response body)');
  });

  it('reports JSON that is not a Batch error without copying it', () => {
    for (const bodyText of ['{"foo":"bar-marker"}', '["bar-marker"]', 'null']) {
      const err = parseBatchError({ status: 500, statusText: 'Oops', headers: {}, bodyText });
      expect(err.message).not.toContain('bar-marker');
    }
    const err = parseBatchError({
      status: 500,
      statusText: 'Internal Server Error',
      headers: {},
      bodyText: '{"foo":"bar"}',
    });
    expect(err.message).toBe('500 Internal Server Error (response body is not a Batch error)');
  });

  it('never throws and never copies a non-Batch body, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.string(),
        fc.string(),
        (status, statusText, tail) => {
          const bodyText = `<html>MARKER-${tail}</html>`;
          const err = parseBatchError({ status, statusText, headers: {}, bodyText });
          expect(err.statusCode).toBe(status);
          expect(err.message).not.toContain('MARKER-');
          expect(err.message.length).toBeGreaterThan(0);
        },
      ),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 200 }), (value, cut) => {
        const text = JSON.stringify(value) ?? '';
        const err = parseBatchError({ status: 500, headers: {}, bodyText: text.slice(0, cut) });
        expect(err).toBeInstanceOf(BatchServiceError);
        expect(typeof err.message).toBe('string');
      }),
    );
  });
});

describe('parseBatchError: request ids', () => {
  it('reads ids from a Headers object or a record, case-insensitively', () => {
    const record = parseBatchError({
      status: 409,
      headers: { 'Request-Id': REQUEST_ID, 'CLIENT-REQUEST-ID': CLIENT_REQUEST_ID },
      bodyText: CERTIFICATE_EXISTS,
    });
    expect(record.requestId).toBe(REQUEST_ID);
    expect(record.clientRequestId).toBe(CLIENT_REQUEST_ID);
    const headers = parseBatchError({
      status: 409,
      headers: new Headers({ 'Request-Id': 'aaaa-0002', 'Client-Request-Id': 'cccc-0002' }),
      bodyText: CERTIFICATE_EXISTS,
    });
    expect(headers.requestId).toBe('aaaa-0002');
    expect(headers.clientRequestId).toBe('cccc-0002');
  });

  it('falls back to x-ms-* headers, then to the RequestId line of the message', () => {
    const xms = parseBatchError({
      status: 409,
      headers: { 'x-ms-request-id': 'aaaa-0003', 'x-ms-client-request-id': 'cccc-0003' },
      bodyText: CERTIFICATE_EXISTS,
    });
    expect(xms.requestId).toBe('aaaa-0003');
    expect(xms.clientRequestId).toBe('cccc-0003');
    const trailer = parseBatchError({ status: 409, headers: {}, bodyText: CERTIFICATE_EXISTS });
    expect(trailer.requestId).toBe(REQUEST_ID);
    expect(trailer.clientRequestId).toBeUndefined();
  });

  it('drops an id header that does not look like an id', () => {
    const err = parseBatchError({
      status: 500,
      headers: { 'request-id': 'Bearer abc def', 'client-request-id': 'x'.repeat(500) },
      bodyText: '',
    });
    expect(err.requestId).toBeUndefined();
    expect(err.clientRequestId).toBeUndefined();
  });
});

describe('parseBatchError: retirement', () => {
  it('turns 400 CertificateRetired into the retirement guidance', () => {
    const err = parseBatchError({
      status: 400,
      statusText: 'Bad Request',
      headers: json,
      bodyText: CERTIFICATE_RETIRED,
      operation: 'addCertificate',
      request: {
        method: 'post',
        url: 'https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0',
      },
      retirement: { errorCode: 'CertificateRetired', message: 'what to do instead' },
    });
    expect(err.retired).toBe(true);
    expect(err.code).toBe('CertificateRetired');
    expect(err.statusCode).toBe(400);
    expect(err.operation).toBe('addCertificate');
    expect(err.message).toBe('what to do instead');
    expect(err.serviceMessage).toBe(`${RETIRED_SERVICE_TEXT}${TRAILER}`);
    expect(err.values).toEqual([{ key: 'Reason', value: RETIRED_SERVICE_TEXT }]);
    expect(err.requestId).toBe(REQUEST_ID);
    expect(err.request).toEqual({
      method: 'POST',
      url: 'https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0',
    });
  });

  it('is not retired for other codes', () => {
    const err = parseBatchError({ status: 409, headers: {}, bodyText: CERTIFICATE_EXISTS });
    expect(err.retired).toBe(false);
    expect(err.operation).toBeUndefined();
    expect(err.request).toBeUndefined();
  });
});
