/**
 * A retired operation's answer becomes an error that says what to do. Which answer and which
 * words come from the operation table (the overlay's x-batch-deprecation), not from src/.
 */
import { describe, expect, it } from '@jest/globals';
import { BatchServiceError, parseBatchError } from '../../../src/errors/index.js';

const NOTICE = {
  errorCode: 'FeatureRetired',
  message: 'Use the new thing instead: https://example.test/guide',
};
const body = (code: string) =>
  JSON.stringify({ code, message: { lang: 'en-US', value: 'The feature was retired.' } });

describe('retirement (driven by the table)', () => {
  it('the notice matching the answer code sets retired and replaces the message', () => {
    const err = parseBatchError({
      status: 400,
      headers: {},
      bodyText: body('FeatureRetired'),
      operation: 'thing.add',
      retirement: NOTICE,
    });
    expect(err.retired).toBe(true);
    expect(err.message).toBe(NOTICE.message);
    expect(err.serviceMessage).toBe('The feature was retired.');
    expect(String(err)).toBe(`BatchServiceError: ${NOTICE.message}`);
  });

  it('another code, or no notice, is an ordinary service error', () => {
    const other = parseBatchError({
      status: 409,
      headers: {},
      bodyText: body('ThingExists'),
      retirement: NOTICE,
    });
    expect(other.retired).toBe(false);
    expect(other.message).toBe('The feature was retired.');
    const without = parseBatchError({ status: 400, headers: {}, bodyText: body('FeatureRetired') });
    expect(without.retired).toBe(false);
  });

  it('a BatchServiceError built by hand is retired exactly when given a retirement message', () => {
    const err = new BatchServiceError({
      statusCode: 400,
      code: 'CertificateRetired',
      message: 'the service text',
      retirementMessage: 'what to do instead',
    });
    expect(err).toMatchObject({ retired: true, message: 'what to do instead' });
    expect(
      new BatchServiceError({ statusCode: 400, code: 'CertificateRetired', message: 'm' }).retired,
    ).toBe(false);
  });

  it('scrubs secrets from a retirement message like from any other', () => {
    const err = new BatchServiceError({
      statusCode: 400,
      message: 'm',
      retirementMessage: 'see sig=abcdef0123456789abcdef0123456789 here',
    });
    expect(err.message).not.toContain('abcdef0123456789abcdef0123456789');
  });
});
