import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  BatchServiceError,
  REDACTED,
  SAFE_QUERY_PARAMETERS,
  sanitizeHeaders,
  sanitizeRequest,
  sanitizeUrl,
  scrubSecrets,
} from '../../../src/errors/index.js';
import { FAKE_ACCOUNT_KEY, FAKE_BEARER_TOKEN, FAKE_CERT_DATA, FAKE_PASSWORD } from './fixtures.js';

describe('sanitizeHeaders', () => {
  const raw = {
    Authorization: `SharedKey myaccount:${FAKE_ACCOUNT_KEY}`,
    'Content-Type': 'application/json; odata=minimalmetadata',
    'ocp-date': 'Mon, 01 Jul 2024 10:00:00 GMT',
    'client-request-id': 'c-1',
    'x-ms-encryption-key': FAKE_ACCOUNT_KEY,
    Cookie: 'session=abc',
  };

  it('prints allow-listed values and REDACTED for the rest, with lower-case names', () => {
    expect(sanitizeHeaders(raw)).toEqual({
      authorization: REDACTED,
      'content-type': 'application/json; odata=minimalmetadata',
      'ocp-date': 'Mon, 01 Jul 2024 10:00:00 GMT',
      'client-request-id': 'c-1',
      'x-ms-encryption-key': REDACTED,
      cookie: REDACTED,
    });
  });

  it('accepts Headers, pairs and array values, and does not modify the input', () => {
    const headers = new Headers({ Authorization: `Bearer ${FAKE_BEARER_TOKEN}`, ETag: '"0x1"' });
    expect(sanitizeHeaders(headers)).toEqual({ authorization: REDACTED, etag: '"0x1"' });
    expect(headers.get('authorization')).toBe(`Bearer ${FAKE_BEARER_TOKEN}`);
    expect(sanitizeHeaders([['Retry-After', '5']])).toEqual({ 'retry-after': '5' });
    expect(sanitizeHeaders({ 'set-cookie': ['a=1', 'b=2'], date: 'x', skip: undefined })).toEqual({
      'set-cookie': REDACTED,
      date: 'x',
    });
  });

  it('lets the caller allow further names', () => {
    expect(sanitizeHeaders({ 'X-Custom': 'v', Authorization: 'a' }, ['x-custom'])).toEqual({
      'x-custom': 'v',
      authorization: REDACTED,
    });
  });
});

describe('sanitizeUrl', () => {
  it('keeps allow-listed query parameters and redacts the others', () => {
    const url =
      "https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0&$filter=state%20eq%20'active'&$select=thumbprint,state&maxresults=10&timeout=30&sig=abc";
    expect(sanitizeUrl(url)).toBe(
      'https://acct.region.batch.azure.com/certificates?api-version=2024-07-01.20.0&$filter=REDACTED&$select=thumbprint,state&maxresults=10&timeout=30&sig=REDACTED',
    );
    expect(SAFE_QUERY_PARAMETERS.has('$filter')).toBe(false);
  });

  it('matches percent-encoded names and keeps the path', () => {
    expect(
      sanitizeUrl(
        new URL(
          'https://a.b/certificates(thumbprintAlgorithm=sha1,thumbprint=abc)?%24select=x&%24filter=y&flag',
        ),
      ),
    ).toBe(
      'https://a.b/certificates(thumbprintAlgorithm=sha1,thumbprint=abc)?%24select=x&%24filter=REDACTED&flag=REDACTED',
    );
  });

  it('drops user info and fragments, keeps relative URLs relative', () => {
    expect(sanitizeUrl(`https://user:${FAKE_PASSWORD}@a.b:8443/p?timeout=5#frag`)).toBe(
      'https://a.b:8443/p?timeout=5',
    );
    expect(sanitizeUrl('/certificates?api-version=1&token=t')).toBe(
      '/certificates?api-version=1&token=REDACTED',
    );
  });

  it('returns REDACTED for a URL it cannot parse', () => {
    expect(sanitizeUrl(`http://[bad${FAKE_PASSWORD}`)).toBe(REDACTED);
  });

  it('never prints the value of a parameter outside the allow-list', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((n) => !SAFE_QUERY_PARAMETERS.has(n.toLowerCase())),
        fc.string(),
        (name, value) => {
          const url = new URL('https://a.b/p');
          url.searchParams.set(name, `MARK${value}`);
          url.searchParams.set('api-version', '1');
          const out = sanitizeUrl(url);
          expect(out).not.toContain('MARK');
          expect(out).toContain('api-version=1');
        },
      ),
    );
  });
});

describe('sanitizeRequest', () => {
  it('keeps the upper-cased method and the sanitized URL only', () => {
    const summary = sanitizeRequest({ method: 'post', url: 'https://a.b/c?password=pw' });
    expect(summary).toEqual({ method: 'POST', url: 'https://a.b/c?password=REDACTED' });
    expect(Object.isFrozen(summary)).toBe(true);
    expect(sanitizeRequest({ method: 'GET /x HTTP/1.1', url: '/' }).method).toBe(REDACTED);
  });
});

describe('scrubSecrets', () => {
  it('hides credentials in service text', () => {
    expect(scrubSecrets(`Authorization: Bearer ${FAKE_BEARER_TOKEN}`)).toBe(
      'Authorization: Bearer REDACTED',
    );
    expect(scrubSecrets(`SharedKey myaccount:${FAKE_ACCOUNT_KEY}`)).toBe('SharedKey REDACTED');
    expect(scrubSecrets(`token ${FAKE_BEARER_TOKEN} end`)).toBe('token REDACTED end');
    expect(scrubSecrets(`AccountKey=${FAKE_ACCOUNT_KEY};x`)).toBe('AccountKey=REDACTED;x');
    expect(scrubSecrets(`password=${FAKE_PASSWORD}&a=1`)).toBe('password=REDACTED&a=1');
    expect(scrubSecrets(`data ${FAKE_CERT_DATA}`)).toBe('data REDACTED');
  });

  it('leaves ordinary Batch text alone', () => {
    const text =
      'The specified certificate 0123456789abcdef0123456789abcdef01234567 already exists.\nRequestId:5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c\nTime:2024-07-01T10:00:00.0000000Z. The bearer token is invalid; basic checks failed.';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('cuts very long text after redacting', () => {
    const out = scrubSecrets(`${'a '.repeat(1500)}Bearer ${FAKE_BEARER_TOKEN}`);
    expect(out).toHaveLength(2000);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('BatchServiceError values', () => {
  it('redacts paired values whose name is not known to be safe', () => {
    const err = new BatchServiceError({
      statusCode: 400,
      code: 'InvalidHeaderValue',
      message: 'The value for one of the HTTP headers is not in the correct format.',
      values: [
        { key: 'HeaderName', value: 'Authorization' },
        { key: 'HeaderValue', value: `SharedKey acct:${FAKE_ACCOUNT_KEY}` },
        { key: 'QueryParameterName', value: 'timeout' },
        { key: 'QueryParameterValue', value: 'abc' },
        { key: 'PropertyName', value: 'password' },
        { key: 'PropertyValue', value: FAKE_PASSWORD },
      ],
    });
    expect(err.values).toEqual([
      { key: 'HeaderName', value: 'Authorization' },
      { key: 'HeaderValue', value: REDACTED },
      { key: 'QueryParameterName', value: 'timeout' },
      { key: 'QueryParameterValue', value: 'abc' },
      { key: 'PropertyName', value: 'password' },
      { key: 'PropertyValue', value: REDACTED },
    ]);
  });

  it('keeps paired values for safe names and redacts orphans', () => {
    const err = new BatchServiceError({
      statusCode: 400,
      message: 'Bad.',
      values: [
        { key: 'HeaderName', value: 'ocp-date' },
        { key: 'HeaderValue', value: 'yesterday' },
        { key: 'PropertyName', value: 'thumbprintAlgorithm' },
        { key: 'PropertyValue', value: 'md5' },
        { key: 'OrphanValue', value: 'x' },
      ],
    });
    expect(err.values.map((v) => v.value)).toEqual([
      'ocp-date',
      'yesterday',
      'thumbprintAlgorithm',
      'md5',
      REDACTED,
    ]);
  });
});
