import { describe, expect, it } from '@jest/globals';
import { sharedKeyStringToSign } from '../../../../src/auth/shared-key/string-to-sign.js';

const BASE = 'https://myaccount.westus.batch.azure.com';
const OCP_DATE = 'Mon, 01 Jul 2024 00:00:00 GMT';
const EMPTY_STANDARD = '\n'.repeat(12); // after the verb, then one per standard header

describe('sharedKeyStringToSign', () => {
  it('lays out verb, standard headers, ocp-* headers and resource in the documented order', () => {
    const stringToSign = sharedKeyStringToSign(
      {
        method: 'POST',
        url: `${BASE}/certificates?api-version=2024-07-01.20.0&timeout=30`,
        headers: {
          'Content-Type': 'application/json; odata=minimalmetadata; charset=utf-8',
          'Content-Length': '126',
          'ocp-date': OCP_DATE,
        },
      },
      'myaccount',
    );
    expect(stringToSign).toBe(
      [
        'POST',
        '', // Content-Encoding
        '', // Content-Language
        '126',
        '', // Content-MD5
        'application/json; odata=minimalmetadata; charset=utf-8',
        '', // Date
        '', // If-Modified-Since
        '', // If-Match
        '', // If-None-Match
        '', // If-Unmodified-Since
        '', // Range
        `ocp-date:${OCP_DATE}`,
        '/myaccount/certificates',
        'api-version:2024-07-01.20.0',
        'timeout:30',
      ].join('\n'),
    );
  });

  it('puts every standard header value in its slot, matching names case-insensitively', () => {
    const stringToSign = sharedKeyStringToSign(
      {
        method: 'put',
        url: `${BASE}/x`,
        headers: {
          RANGE: 'bytes=0-1',
          'if-unmodified-since': 'S',
          'If-None-Match': '"n"',
          'if-match': '"m"',
          'If-Modified-Since': 'M',
          date: 'D',
          'content-type': 'T',
          'Content-MD5': 'Q==',
          'content-length': '5',
          'Content-Language': 'en',
          'CONTENT-ENCODING': 'gzip',
        },
      },
      'acct',
    );
    expect(stringToSign).toBe('PUT\ngzip\nen\n5\nQ==\nT\nD\nM\n"m"\n"n"\nS\nbytes=0-1\n/acct/x');
  });

  it('signs Date as empty when ocp-date is present, and signs Date when it is absent', () => {
    const withOcp = sharedKeyStringToSign(
      { method: 'GET', url: `${BASE}/`, headers: { Date: 'D', 'Ocp-Date': OCP_DATE } },
      'a',
    );
    expect(withOcp).toBe(`GET${EMPTY_STANDARD}ocp-date:${OCP_DATE}\n/a/`);
    const withoutOcp = sharedKeyStringToSign(
      { method: 'GET', url: `${BASE}/`, headers: { Date: 'D' } },
      'a',
    );
    expect(withoutOcp).toBe('GET\n\n\n\n\n\nD\n\n\n\n\n\n/a/');
  });

  it('signs Content-Length "0" as 0 and an absent Content-Length as empty', () => {
    const zero = sharedKeyStringToSign(
      { method: 'POST', url: `${BASE}/x`, headers: { 'Content-Length': '0' } },
      'a',
    );
    expect(zero.split('\n')[3]).toBe('0');
    const absent = sharedKeyStringToSign({ method: 'DELETE', url: `${BASE}/x`, headers: {} }, 'a');
    expect(absent.split('\n')[3]).toBe('');
  });

  it('lower-cases ocp-* names (ASCII only), sorts them by code unit and trims values', () => {
    const stringToSign = sharedKeyStringToSign(
      {
        method: 'GET',
        url: `${BASE}/`,
        headers: {
          'OCP-Zeta': '  z  ',
          'ocp-B': 'b',
          'Ocp-a': 'a\r\n  folded',
          'ocp-empty': '',
          'x-ocp-not': 'ignored',
          'ocp-İ': 'dotted', // U+0130 has no ASCII lower case: kept as is, sorted after ASCII
        },
      },
      'a',
    );
    expect(stringToSign).toBe(
      `GET${EMPTY_STANDARD}ocp-a:a folded\nocp-b:b\nocp-empty:\nocp-zeta:z\nocp-İ:dotted\n/a/`,
    );
  });

  it('keeps the path percent-encoded as fetch sends it, including certificate paths', () => {
    const cert = sharedKeyStringToSign(
      {
        method: 'GET',
        url: `${BASE}/certificates(thumbprintAlgorithm=sha1,thumbprint=0123abcd)?api-version=v`,
        headers: {},
      },
      'a',
    );
    expect(
      cert.endsWith('/a/certificates(thumbprintAlgorithm=sha1,thumbprint=0123abcd)\napi-version:v'),
    ).toBe(true);
    const raw = sharedKeyStringToSign(
      { method: 'GET', url: `${BASE}/a b/é/%41`, headers: {} },
      'a',
    );
    expect(raw.endsWith('\n/a/a%20b/%C3%A9/%41')).toBe(true);
    const root = sharedKeyStringToSign({ method: 'GET', url: BASE, headers: {} }, 'a');
    expect(root.endsWith('\n/a/')).toBe(true);
  });

  it('decodes query names and values, lower-cases names, sorts names and joins sorted repeats', () => {
    const stringToSign = sharedKeyStringToSign(
      {
        method: 'GET',
        url: `${BASE}/p?Timeout=30&%24filter=a%20eq%20%27%C3%A9%27&b=2&B=1&b=10&plus=a+b&empty=&flag&api-version=x`,
        headers: {},
      },
      'a',
    );
    expect(stringToSign.slice(stringToSign.indexOf('/a/'))).toBe(
      [
        '/a/p',
        "$filter:a eq 'é'",
        'api-version:x',
        'b:1,10,2',
        'empty:',
        'flag:',
        'plus:a b',
        'timeout:30',
      ].join('\n'),
    );
  });

  it('does not modify the request', () => {
    const headers = { 'Content-Length': '3', 'OCP-Date': OCP_DATE };
    const request = { method: 'post', url: `${BASE}/x?B=1`, headers };
    const before = JSON.stringify(request);
    sharedKeyStringToSign(Object.freeze({ ...request, headers: Object.freeze(headers) }), 'a');
    expect(JSON.stringify(request)).toBe(before);
  });

  it('rejects a relative URL and header names that differ only in case', () => {
    expect(() => sharedKeyStringToSign({ method: 'GET', url: '/x', headers: {} }, 'a')).toThrow(
      new TypeError('request.url must be an absolute URL.'),
    );
    expect(() =>
      sharedKeyStringToSign(
        { method: 'GET', url: `${BASE}/`, headers: { 'ocp-date': 'x', 'OCP-DATE': 'secret-ish' } },
        'a',
      ),
    ).toThrow(
      new TypeError('Header "ocp-date" is given more than once (names differ only in case).'),
    );
  });
});
