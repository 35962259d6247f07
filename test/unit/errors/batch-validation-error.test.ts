import { describe, expect, it } from '@jest/globals';
import {
  BatchValidationError,
  type BatchValidationIssue,
  formatValidationMessage,
  isBatchValidationError,
  MAX_LISTED_ISSUES,
} from '../../../src/errors/index.js';

const thumbprint: BatchValidationIssue = {
  path: 'certificate.thumbprint',
  rule: 'pattern',
  message: 'must be up to 40 hexadecimal digits',
};
const timeout: BatchValidationIssue = {
  path: 'options.timeout',
  rule: 'range',
  message: 'must be an integer from 1 to 30',
};

describe('BatchValidationError', () => {
  it('is a TypeError named BatchValidationError', () => {
    const err = new BatchValidationError([thumbprint]);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).toBeInstanceOf(BatchValidationError);
    expect(err.name).toBe('BatchValidationError');
    expect(isBatchValidationError(err)).toBe(true);
  });

  it('lists a single issue', () => {
    expect(new BatchValidationError([thumbprint]).message).toBe(
      'Invalid arguments (1 issue):\n- certificate.thumbprint: must be up to 40 hexadecimal digits [pattern]',
    );
  });

  it('lists every issue with its path and rule', () => {
    const err = new BatchValidationError([thumbprint, timeout]);
    expect(err.message).toBe(
      'Invalid arguments (2 issues):\n' +
        '- certificate.thumbprint: must be up to 40 hexadecimal digits [pattern]\n' +
        '- options.timeout: must be an integer from 1 to 30 [range]',
    );
    expect(err.issues).toEqual([thumbprint, timeout]);
  });

  it('lists the first few and counts the rest', () => {
    expect(MAX_LISTED_ISSUES).toBe(5);
    const issues = Array.from({ length: 8 }, (_, i) => ({
      path: `certificates.${i}.data`,
      rule: 'required',
      message: 'is required',
    }));
    const err = new BatchValidationError(issues);
    expect(err.message).toBe(
      [
        'Invalid arguments (8 issues):',
        '- certificates.0.data: is required [required]',
        '- certificates.1.data: is required [required]',
        '- certificates.2.data: is required [required]',
        '- certificates.3.data: is required [required]',
        '- certificates.4.data: is required [required]',
        '- … and 3 more',
      ].join('\n'),
    );
    expect(err.issues).toHaveLength(8);
  });

  it('lists exactly MAX_LISTED_ISSUES issues without a summary line', () => {
    const issues = Array.from({ length: MAX_LISTED_ISSUES }, (_, i) => ({
      path: `p${i}`,
      rule: 'type',
      message: 'must be a string',
    }));
    const message = formatValidationMessage(issues);
    expect(message.split('\n')).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(message).not.toContain('more');
  });

  it('has a message even without issues', () => {
    expect(new BatchValidationError([]).message).toBe('Invalid arguments.');
  });

  it('keeps only path, rule and message, frozen, and does not alias the input', () => {
    const withValue = { ...thumbprint, value: 'SECRET-VALUE', password: 'SECRET-PW' };
    const input = [withValue];
    const err = new BatchValidationError(input);
    input.push({ ...timeout, value: '', password: '' });
    expect(err.issues).toHaveLength(1);
    expect(Object.keys(err.issues[0]!)).toEqual(['path', 'rule', 'message']);
    expect(Object.isFrozen(err.issues)).toBe(true);
    expect(Object.isFrozen(err.issues[0])).toBe(true);
    expect(JSON.stringify(err)).not.toContain('SECRET');
    expect(JSON.stringify(err)).toBe(
      JSON.stringify({ name: 'BatchValidationError', message: err.message, issues: [thumbprint] }),
    );
  });
});
