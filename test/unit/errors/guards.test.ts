import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import {
  BatchAbortError,
  BatchNetworkError,
  BatchServiceError,
  BatchTimeoutError,
  BatchValidationError,
  isBatchAbortError,
  isBatchNetworkError,
  isBatchServiceError,
  isBatchTimeoutError,
  isBatchValidationError,
} from '../../../src/errors/index.js';

const guards = {
  BatchServiceError: isBatchServiceError,
  BatchValidationError: isBatchValidationError,
  BatchTimeoutError: isBatchTimeoutError,
  AbortError: isBatchAbortError,
  BatchNetworkError: isBatchNetworkError,
} as const;

const instances: Record<keyof typeof guards, Error> = {
  BatchServiceError: new BatchServiceError({ statusCode: 409, message: 'exists' }),
  BatchValidationError: new BatchValidationError([{ path: 'a', rule: 'required', message: 'x' }]),
  BatchTimeoutError: new BatchTimeoutError({ timeoutInMs: 1000 }),
  AbortError: new BatchAbortError(),
  BatchNetworkError: new BatchNetworkError(),
};

describe('type guards', () => {
  for (const [name, guard] of Object.entries(guards)) {
    describe(guard.name, () => {
      it('accepts its own class and rejects the other classes', () => {
        for (const [otherName, instance] of Object.entries(instances)) {
          expect(guard(instance)).toBe(otherName === name);
        }
      });

      it('accepts a plain object or an error from another realm with the right name', () => {
        expect(guard({ name })).toBe(true);
        expect(guard(runInNewContext(`({ name: ${JSON.stringify(name)}, message: 'm' })`))).toBe(
          true,
        );
        const foreign = runInNewContext(
          `class E extends Error { constructor() { super('m'); this.name = ${JSON.stringify(name)}; } }; new E()`,
        );
        expect(foreign instanceof Error).toBe(false);
        expect(guard(foreign)).toBe(true);
      });

      it('rejects values without the right name', () => {
        for (const value of [
          undefined,
          null,
          name,
          42,
          {},
          { name: name.toLowerCase() },
          { name: `${name} ` },
          new Error(name),
          new TypeError('x'),
          runInNewContext('new Error("x")'),
        ]) {
          expect(guard(value)).toBe(false);
        }
      });
    });
  }

  it('treats every AbortError as an abort, and nothing else', () => {
    expect(isBatchAbortError(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isBatchAbortError(AbortSignal.abort().reason)).toBe(true);
    expect(isBatchAbortError(new DOMException('late', 'TimeoutError'))).toBe(false);
    expect(isBatchTimeoutError(new DOMException('late', 'TimeoutError'))).toBe(false);
  });

  it('narrows the type', () => {
    const value: unknown = instances.BatchServiceError;
    if (!isBatchServiceError(value)) throw new Error('guard failed');
    expect(value.statusCode).toBe(409);
  });
});
