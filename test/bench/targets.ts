/**
 * The targets of the send path (in Node on the default transport and with an injected `fetch`,
 * in memory, the browser bundle) and the guardrails kept from earlier work (bundle contents,
 * validation cost, import cost, memory, generation, validator size), checked against one run's
 * figures. A miss is printed, never thrown: targets are read from the benchmark's output, not
 * asserted.
 */
import type { BuiltBundles } from './build-bundles.ts';
import { FULL_SPEC_VALIDATORS_BEFORE_BYTES, type GenerationResult } from './generation.ts';
import { type ImplementationName, OPERATIONS } from './implementations.ts';
import type { ImportTimeResult } from './import-time.ts';
import type { MemoryResult } from './memory.ts';
import type { OverheadResult } from './overhead.ts';
import { findRatio, type Ratio } from './summarize.ts';
import type { ValidationResult } from './validation.ts';

export interface TargetCheck {
  readonly name: string;
  /** The figure, formatted with its unit. */
  readonly value: string;
  /** The target, formatted. */
  readonly target: string;
  readonly pass: boolean;
}

export interface CheckInput {
  readonly ratios: readonly Ratio[];
  readonly modes: readonly string[];
  readonly overhead: OverheadResult;
  readonly validation: ValidationResult;
  readonly bundles: BuiltBundles;
  readonly importTime: ImportTimeResult;
  readonly memory: readonly MemoryResult[];
  readonly generation: GenerationResult;
}

const KB = 1024;
const MB = 1024 * 1024;
/** The browser consumer bundle's ceiling (min+gzip), and what to aim for. */
export const BUNDLE_LIMIT_BYTES = 15 * KB;
export const BUNDLE_AIM_BYTES = 12 * KB;

const check = (name: string, value: string, target: string, pass: boolean): TargetCheck => ({
  name,
  value,
  target,
  pass,
});

/** A throughput (`at least`) or CPU (`at most`) ratio target. */
interface RatioTarget {
  readonly numerator: ImplementationName;
  readonly denominator: ImplementationName;
  readonly field: 'throughput' | 'cpu';
  readonly limit: number;
}

/** Node, default transport; and the injected-fetch (browser) path, against the same floor. */
const RATIO_TARGETS: readonly RatioTarget[] = [
  { numerator: 'b', denominator: 'a', field: 'throughput', limit: 1.0 },
  { numerator: 'b', denominator: 'a', field: 'cpu', limit: 1.0 },
  { numerator: 'b', denominator: 'd', field: 'throughput', limit: 1.2 },
  { numerator: 'b-fetch', denominator: 'a', field: 'throughput', limit: 0.85 },
  { numerator: 'b-fetch', denominator: 'a', field: 'cpu', limit: 1.2 },
];

/** In memory, ours (on its fetch path) against bare hey-api with the same signer: CPU per call. */
const IN_MEMORY_LIMIT = 1.5;

export function checkTargets(input: CheckInput): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const operation of OPERATIONS) {
    for (const mode of input.modes) {
      for (const t of RATIO_TARGETS) {
        const r = findRatio(input.ratios, operation, mode, t.numerator, t.denominator);
        if (!r) continue;
        const value = r[t.field];
        const atLeast = t.field === 'throughput';
        checks.push(
          check(
            `${t.field === 'cpu' ? 'client CPU' : 'throughput'} ${t.numerator}/${t.denominator}, ${operation}, ${mode}`,
            value.toFixed(2),
            `${atLeast ? '≥' : '≤'} ${t.limit.toFixed(2)}`,
            atLeast ? value >= t.limit : value <= t.limit,
          ),
        );
      }
    }
  }
  for (const operation of OPERATIONS) {
    const o = input.overhead[operation];
    if (o?.['b-fetch'] === undefined || o.c === undefined) continue;
    const ratio = o['b-fetch'] / o.c;
    checks.push(
      check(
        `in memory, CPU per call b-fetch/c, ${operation}`,
        `${ratio.toFixed(2)} (${o['b-fetch'].toFixed(1)} / ${o.c.toFixed(1)} µs)`,
        `≤ ${IN_MEMORY_LIMIT.toFixed(2)}`,
        ratio <= IN_MEMORY_LIMIT,
      ),
    );
  }
  const gzip = input.bundles.sizeOurs.gzipBytes;
  checks.push(
    check(
      'browser consumer bundle, ours (min+gzip)',
      `${(gzip / KB).toFixed(1)} KB`,
      `≤ ${BUNDLE_LIMIT_BYTES / KB} KB (aim ${BUNDLE_AIM_BYTES / KB})`,
      gzip <= BUNDLE_LIMIT_BYTES,
    ),
  );
  const leaked = input.bundles.forbidden.filter((f) => f.found).map((f) => f.marker);
  checks.push(
    check(
      'bundle, no emulator/CLI/cert-file code, no static node: import',
      leaked.length === 0 ? 'none found' : leaked.join(', '),
      'none',
      leaked.length === 0,
    ),
  );
  const { validatorValidNs, validateCallValidNs } = input.validation;
  checks.push(
    check(
      'validate valid 4 KB body (validator)',
      `${(validatorValidNs / 1000).toFixed(2)} µs`,
      '≤ 5 µs',
      validatorValidNs <= 5000,
    ),
    check(
      'validate valid 4 KB body (validateCall)',
      `${(validateCallValidNs / 1000).toFixed(2)} µs`,
      '≤ 5 µs',
      validateCallValidNs <= 5000,
    ),
  );
  const ours = input.importTime.costOverBareMs.ours ?? Number.NaN;
  const azure = input.importTime.costOverBareMs.azure ?? Number.NaN;
  checks.push(
    check(
      'import cost ours / @azure/batch',
      `${(ours / azure).toFixed(3)} (${ours.toFixed(1)} / ${azure.toFixed(1)} ms)`,
      '≤ 0.25',
      ours / azure <= 0.25,
    ),
  );
  const b = input.memory.find((m) => m.implementation === 'b');
  if (b) {
    const raw = b.rssAfterBytes - b.rssBeforeBytes;
    const young = b.newSpaceAfterBytes - b.newSpaceBeforeBytes;
    const growth = raw - young;
    const heap = b.heapUsedAfterBytes - b.heapUsedBeforeBytes;
    const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / MB).toFixed(2)} MB`;
    checks.push(
      check(
        `RSS growth over ${b.count} adds (b, after warm-up, less V8 young-gen growth)`,
        `${signed(growth)} (raw RSS ${signed(raw)}, young gen ${signed(young)}, heap used ${signed(heap)})`,
        '≤ 5 MB',
        growth <= 5 * MB,
      ),
    );
  }
  const g = input.generation;
  checks.push(
    check('generate, our spec', `${(g.oursMs / 1000).toFixed(2)} s`, '≤ 3 s', g.oursMs <= 3000),
    check(
      'generate, 2019 full spec',
      `${(g.fullSpecMs / 1000).toFixed(2)} s`,
      '≤ 10 s',
      g.fullSpecMs <= 10_000,
    ),
  );
  // Issue 14, item 6: shared schemas make the validators grow with the spec's schemas.
  const size = g.validatorsBytes.fullSpec;
  const before = FULL_SPEC_VALIDATORS_BEFORE_BYTES;
  checks.push(
    check(
      'validators.js, 2019 full spec',
      `${(size / KB).toFixed(1)} KB (${((100 * size) / before).toFixed(1)}% of ${(before / MB).toFixed(2)} MB, the size before shared schemas, without response-shape validators)`,
      `≤ 25% of ${(before / MB).toFixed(2)} MB`,
      size <= 0.25 * before,
    ),
  );
  return checks;
}
