/**
 * Judges one runtime's report: it ran on the runtime the runner started, and each step observed
 * what expected-steps.ts says. A failure names the step, what was expected and what was seen
 * (an error with its status, code and the service's details); the requests the emulator refused
 * to authenticate are listed as they arrived on the wire, since their framing is the usual cause.
 */
import { isDeepStrictEqual } from 'node:util';
import type { WireRecord } from '../browser/test-server.ts';
import { type ExpectedStep, expectedSteps } from './expected-steps.ts';
import type { LifecycleReport, StepOutcome } from './lifecycle.ts';
import type { LocatedRuntime } from './runtime-target.ts';

/** Checks passed of all, the failed ones described, and the 403 requests as sent. */
export interface ReportVerdict {
  readonly passed: number;
  readonly total: number;
  readonly failures: readonly string[];
  readonly refusedOnTheWire: readonly string[];
}

function describeOutcome(outcome: StepOutcome): string {
  if ('value' in outcome) return JSON.stringify(outcome.value);
  const { name, message, statusCode, code, values } = outcome.error;
  const status = statusCode === undefined ? '' : ` ${statusCode} ${code ?? ''}`;
  const details = (values ?? []).map(({ key, value }) => `${key}=${JSON.stringify(value)}`);
  return `${name}${status}: ${message}${details.length > 0 ? ` [${details.join('; ')}]` : ''}`;
}

function matches(expected: ExpectedStep, observed: StepOutcome | undefined): boolean {
  if (!observed || observed.step !== expected.step) return false;
  if ('value' in expected) {
    return (
      'value' in observed &&
      isDeepStrictEqual(JSON.parse(JSON.stringify(observed.value)), expected.value)
    );
  }
  if (!('error' in observed)) return false;
  const { name, statusCode, code, retired } = observed.error;
  return isDeepStrictEqual({ name, statusCode, code, retired }, expected.error);
}

/** Checks the report: it ran on the runtime we started, and every step saw what it must. */
export function checkReport(
  report: LifecycleReport,
  located: LocatedRuntime,
  url: string,
  wire: readonly WireRecord[],
): ReportVerdict {
  const failures: string[] = [];
  const { name, version } = report.runtime;
  const exact = located.version.replace(/^v/, '');
  // Browsers report a reduced user agent (`Chrome/156.0.0.0`): there, the major version is compared.
  const sameVersion =
    version === '' ||
    version.includes(exact) ||
    (name === 'browser' && version.includes(`Chrome/${exact.split('.')[0]}.`));
  if (name !== located.reportsAs || !sameVersion) {
    failures.push(
      `runs on ${located.reportsAs} ${located.version}: it reported ${name} ${version}`,
    );
  }
  const expected = expectedSteps(url);
  expected.forEach((step, index) => {
    const observed = report.steps[index];
    if (matches(step, observed)) return;
    const wanted = 'value' in step ? JSON.stringify(step.value) : JSON.stringify(step.error);
    failures.push(
      `${step.step}: expected ${wanted}, got ${observed ? describeOutcome(observed) : 'nothing'}`,
    );
  });
  const refusedOnTheWire = wire
    .filter((record) => record.status === 403)
    .map((record) => {
      const length = record.headers['content-length'] ?? '(none)';
      const path = decodeURIComponent(new URL(record.href).pathname);
      return `${record.method} ${path} arrived with content-length ${length} → 403`;
    });
  const total = expected.length + 1;
  return { passed: total - failures.length, total, failures, refusedOnTheWire };
}
