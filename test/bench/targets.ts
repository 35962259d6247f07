/**
 * The targets of issue 8 and the guardrails of issues 13 (the facade over bare hey-api, the
 * bundle not above its size before the redesign) and 14 (validators), checked against one run's
 * figures. A miss is printed, never thrown:
 * targets are read from the benchmark's output, not asserted.
 */
import type { BuiltBundles } from './build-bundles.ts';
import { FULL_SPEC_VALIDATORS_BEFORE_BYTES, type GenerationResult } from './generation.ts';
import type { ImportTimeResult } from './import-time.ts';
import type { MemoryResult } from './memory.ts';
import type { Ratios } from './summarize.ts';
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
  readonly ratios: readonly Ratios[];
  readonly validation: ValidationResult;
  readonly bundles: BuiltBundles;
  readonly importTime: ImportTimeResult;
  readonly memory: readonly MemoryResult[];
  readonly generation: GenerationResult;
}

const KB = 1024;
/** The consumer bundle (min+gzip) before issue 13's redesign, at 68f73f7: 15.7 KB. */
export const BUNDLE_BEFORE_REDESIGN_BYTES = 16_110;
const MB = 1024 * 1024;

const check = (name: string, value: string, target: string, pass: boolean): TargetCheck => ({
  name,
  value,
  target,
  pass,
});

export function checkTargets(input: CheckInput): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of input.ratios) {
    checks.push(
      check(
        `throughput b/a, ${r.mode}`,
        r.throughputBA.toFixed(2),
        '≥ 0.90',
        r.throughputBA >= 0.9,
      ),
      check(`throughput b/d, ${r.mode}`, r.throughputBD.toFixed(2), '≥ 1.00', r.throughputBD >= 1),
      check(`client CPU b/a, ${r.mode}`, r.cpuBA.toFixed(2), '≤ 1.10', r.cpuBA <= 1.1),
      check(`client CPU b/d, ${r.mode}`, r.cpuBD.toFixed(2), '≤ 1.00', r.cpuBD <= 1),
      // Issue 13: the facade costs little over the generated function it sends through.
      check(
        `throughput b/c, ${r.mode}`,
        r.throughputBC.toFixed(2),
        '≥ 0.95',
        r.throughputBC >= 0.95,
      ),
    );
  }
  const gzip = input.bundles.sizeOurs.gzipBytes;
  checks.push(
    check('bundle, ours (min+gzip)', `${(gzip / KB).toFixed(1)} KB`, '≤ 10 KB', gzip <= 10 * KB),
    check(
      'bundle, ours (min+gzip), against before issue 13',
      `${(gzip / KB).toFixed(1)} KB`,
      `≤ ${(BUNDLE_BEFORE_REDESIGN_BYTES / KB).toFixed(1)} KB`,
      gzip <= BUNDLE_BEFORE_REDESIGN_BYTES,
    ),
  );
  const leaked = input.bundles.forbidden.filter((f) => f.found).map((f) => f.marker);
  checks.push(
    check(
      'bundle, no emulator/CLI/cert-file code',
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
      `${(size / KB).toFixed(1)} KB (${((100 * size) / before).toFixed(1)}% of ${(before / MB).toFixed(2)} MB, the issue's baseline, which had no response-shape validators)`,
      `≤ 25% of ${(before / MB).toFixed(2)} MB`,
      size <= 0.25 * before,
    ),
  );
  return checks;
}
