/**
 * Child process of `run.ts`: nanoseconds per call of the generated `Certificate_Add_body` validator
 * and of the facade's whole `validateCall` (parameters + body + error mapping), for a valid and an
 * invalid `CertificateAddParameter` with 4 KB of data. Each figure is the median of 7 timed runs
 * of ≥ 100 ms after a warm-up. Prints one JSON line.
 */
import { emitResult } from './child-process.ts';
import { CERTIFICATE, INVALID_CERTIFICATE } from './fixtures.ts';
import type { Bundles } from './implementations.ts';
import type * as Internals from './internals-entry.ts';
import { median } from './stats.ts';

export interface ValidationResult {
  readonly validatorValidNs: number;
  readonly validatorInvalidNs: number;
  readonly validateCallValidNs: number;
  readonly validateCallInvalidNs: number;
}

/** Prevents the optimiser from dropping the measured call. */
let sink = 0;

function nsPerCall(fn: () => unknown): number {
  const run = (iterations: number): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) if (fn()) sink++;
    return Number(process.hrtime.bigint() - started);
  };
  let iterations = 1000;
  run(iterations);
  while (run(iterations) < 100e6) iterations *= 2;
  const samples = Array.from({ length: 7 }, () => run(iterations) / iterations);
  return median(samples);
}

async function main(bundles: Bundles): Promise<ValidationResult> {
  const { validators, operations, validateCall } = (await import(
    bundles.internals
  )) as typeof Internals;
  const validate = validators.Certificate_Add_body as (data: unknown) => boolean;
  if (!validate(CERTIFICATE) || validate(INVALID_CERTIFICATE)) {
    throw new Error('the validator does not tell the valid body from the invalid one');
  }
  const operation = operations.Certificate_Add;
  const call = (body: unknown) => () => {
    try {
      validateCall(operation, validators, { path: {}, body, options: {} });
      return true;
    } catch {
      return false;
    }
  };
  if (!call(CERTIFICATE)() || call(INVALID_CERTIFICATE)()) {
    throw new Error('validateCall does not tell the valid body from the invalid one');
  }
  const result = {
    validatorValidNs: nsPerCall(() => validate(CERTIFICATE)),
    validatorInvalidNs: nsPerCall(() => validate(INVALID_CERTIFICATE)),
    validateCallValidNs: nsPerCall(call(CERTIFICATE)),
    validateCallInvalidNs: nsPerCall(call(INVALID_CERTIFICATE)),
  };
  if (sink < 0) throw new Error('unreachable');
  return result;
}

emitResult(await main(JSON.parse(process.argv[2] ?? '{}') as Bundles));
