import { inspect } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { BatchServiceError, isBatchServiceError } from '../../../src/errors/index.js';

describe('BatchServiceError', () => {
  const err = new BatchServiceError({
    statusCode: 409,
    code: 'CertificateExists',
    message: 'The specified certificate already exists.',
    serviceMessage: 'The specified certificate already exists.\nRequestId:abc\nTime:t',
    lang: 'en-US',
    requestId: 'abc',
    clientRequestId: 'def',
    operation: 'addCertificate',
    request: { method: 'post', url: 'https://a.b/certificates?api-version=1' },
  });

  it('is an Error with the given fields', () => {
    expect(err).toBeInstanceOf(Error);
    expect(isBatchServiceError(err)).toBe(true);
    expect(String(err)).toBe('BatchServiceError: The specified certificate already exists.');
    expect(err.stack?.split('\n')[0]).toBe(
      'BatchServiceError: The specified certificate already exists.',
    );
    expect(err.values).toEqual([]);
    expect(err.retired).toBe(false);
  });

  it('serialises to its safe view', () => {
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: 'BatchServiceError',
      message: 'The specified certificate already exists.',
      statusCode: 409,
      code: 'CertificateExists',
      retired: false,
      operation: 'addCertificate',
      requestId: 'abc',
      clientRequestId: 'def',
      lang: 'en-US',
      serviceMessage: 'The specified certificate already exists.\nRequestId:abc\nTime:t',
      values: [],
      request: { method: 'POST', url: 'https://a.b/certificates?api-version=1' },
    });
  });

  it('shows its message, stack and fields in util.inspect', () => {
    const printed = inspect(err);
    expect(
      printed.startsWith('BatchServiceError: The specified certificate already exists.\n'),
    ).toBe(true);
    expect(printed).toMatch(/\n {4}at /);
    expect(printed).toContain('statusCode: 409');
    expect(printed).toContain("code: 'CertificateExists'");
    expect(printed).toContain("requestId: 'abc'");
    expect(printed).not.toContain('undefined');
  });
});
