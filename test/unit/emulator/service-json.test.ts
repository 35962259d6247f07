/**
 * The service's JSON layout (see src/emulator/service-json.ts for the recordings it comes from):
 * CRLF and two spaces per level after every opening bracket, members on one line.
 */
import { describe, expect, it } from '@jest/globals';
import { serviceJson } from '../../../src/emulator/service-json.js';

describe('serviceJson', () => {
  it('lays out a certificate like the recorded Get body', () => {
    const text = serviceJson({
      'odata.metadata': 'https://acct.region.batch.azure.com/$metadata#certificates/@Element',
      thumbprint: 'ab12',
      state: 'deleting',
      previousState: 'active',
    });
    expect(text).toBe(
      '{\r\n  "odata.metadata":"https://acct.region.batch.azure.com/$metadata#certificates/@Element",' +
        '"thumbprint":"ab12","state":"deleting","previousState":"active"\r\n}',
    );
  });

  it('lays out a list like the recorded List body (objects in an array, deeper indents)', () => {
    const text = serviceJson({ 'odata.metadata': 'm', value: [{ thumbprint: 'ab12' }] });
    expect(text).toBe(
      '{\r\n  "odata.metadata":"m","value":[\r\n    {\r\n      "thumbprint":"ab12"\r\n    }\r\n  ]\r\n}',
    );
  });

  it('joins several array elements with a comma, without a line break between them', () => {
    expect(serviceJson({ value: [{ a: 1 }, { b: 2 }] })).toBe(
      '{\r\n  "value":[\r\n    {\r\n      "a":1\r\n    },{\r\n      "b":2\r\n    }\r\n  ]\r\n}',
    );
    expect(serviceJson(['x', 'y'])).toBe('[\r\n  "x","y"\r\n]');
  });

  it('keeps both line breaks of an empty object or array', () => {
    expect(serviceJson({ value: [] })).toBe('{\r\n  "value":[\r\n    \r\n  ]\r\n}');
    expect(serviceJson({})).toBe('{\r\n  \r\n}');
  });

  it('lays out an error body so its length is the compact length plus the line breaks', () => {
    const body = {
      'odata.metadata': 'm',
      code: 'CertificateBeingDeleted',
      message: { lang: 'en-US', value: 'text\nRequestId:r\nTime:t' },
    };
    const text = serviceJson(body);
    expect(text).toBe(
      '{\r\n  "odata.metadata":"m","code":"CertificateBeingDeleted","message":{\r\n' +
        '    "lang":"en-US","value":"text\\nRequestId:r\\nTime:t"\r\n  }\r\n}',
    );
    // Root: "{\r\n  " and "\r\n}" (6); message: "{\r\n    " and "\r\n  }" (10).
    expect(text.length).toBe(JSON.stringify(body).length + 16);
  });

  it('escapes strings like JSON.stringify, writes primitives, and leaves out undefined members', () => {
    expect(serviceJson({ q: 'a"b\\c', n: 1.5, t: true, z: null, gone: undefined })).toBe(
      '{\r\n  "q":"a\\"b\\\\c","n":1.5,"t":true,"z":null\r\n}',
    );
    expect(serviceJson('plain')).toBe('"plain"');
  });

  it('is valid JSON that parses back to the same value', () => {
    const value = { a: [{ b: [1, 2, { c: 'd' }] }, []], e: { f: {} } };
    expect(JSON.parse(serviceJson(value))).toEqual(value);
  });
});
