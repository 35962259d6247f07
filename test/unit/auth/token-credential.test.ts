import { describe, expect, it } from '@jest/globals';
import { BatchSharedKeyCredential } from '../../../src/auth/batch-shared-key-credential.js';
import { isTokenCredential } from '../../../src/auth/token-credential.js';

describe('isTokenCredential', () => {
  it('accepts objects with getToken', () => {
    expect(isTokenCredential({ getToken: async () => null })).toBe(true);
    expect(isTokenCredential({ getToken: async (_s: string) => null, signRequest: () => 0 })).toBe(
      true,
    );
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'token'],
    ['an object without getToken', { token: 'x' }],
    ['getToken that is not a function', { getToken: 'x' }],
    ['a legacy ServiceClientCredentials shape', { getToken: () => null, signRequest: () => 0 }],
    ['a BatchSharedKeyCredential', new BatchSharedKeyCredential('a', 'AAAA')],
  ])('rejects %s', (_label, value) => {
    expect(isTokenCredential(value)).toBe(false);
  });
});
