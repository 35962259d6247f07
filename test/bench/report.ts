/**
 * Formats one run as one Markdown table: figures first (per operation, mode and implementation;
 * the ratios of each pair; CPU per call in memory; the other measures), then every target with
 * PASS/MISS — the text `test/bench/README.md` quotes under "Latest figures". Pure.
 */
import type { BuiltBundles } from './build-bundles.ts';
import type { GenerationResult } from './generation.ts';
import { LABELS } from './implementations.ts';
import type { ImportTimeResult } from './import-time.ts';
import type { MemoryResult } from './memory.ts';
import type { OverheadResult } from './overhead.ts';
import type { ImplementationFigures, Ratio } from './summarize.ts';
import type { TargetCheck } from './targets.ts';
import type { ValidationResult } from './validation.ts';

export interface ReportInput {
  readonly figures: readonly ImplementationFigures[];
  readonly ratios: readonly Ratio[];
  readonly overhead: OverheadResult;
  readonly validation: ValidationResult;
  readonly bundles: BuiltBundles;
  readonly importTime: ImportTimeResult;
  readonly memory: readonly MemoryResult[];
  readonly generation: GenerationResult;
  readonly targets: readonly TargetCheck[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;

export function formatTable(input: ReportInput): string {
  const rows: [string, string, string, string][] = [];
  const add = (what: string, figure: string, target = '', result = '') =>
    rows.push([what, figure, target, result]);

  for (const f of input.figures) {
    add(
      `${f.operation}, ${f.mode}: ${LABELS[f.implementation]}`,
      `${int(f.requestsPerSecond)} req/s · p50 ${f.p50Ms.toFixed(2)} ms · p99 ${f.p99Ms.toFixed(2)} ms · ${int(f.cpuUsPerRequest)} µs CPU/req`,
    );
  }
  const groups = [...new Set(input.ratios.map((r) => `${r.operation}, ${r.mode}`))];
  for (const group of groups) {
    const pairs = input.ratios
      .filter((r) => `${r.operation}, ${r.mode}` === group)
      .map(
        (r) => `${r.numerator}/${r.denominator} ${r.throughput.toFixed(2)} · ${r.cpu.toFixed(2)}`,
      );
    add(`${group}: ratios, throughput · CPU`, pairs.join('; '));
  }
  for (const [operation, o] of Object.entries(input.overhead)) {
    const names = Object.keys(o) as (keyof typeof o)[];
    add(
      `${operation}, client CPU per call, in-memory fetch: ${names.join(' · ')}`,
      `${names.map((n) => o[n]!.toFixed(1)).join(' · ')} µs`,
    );
  }
  const v = input.validation;
  add('validator, invalid 4 KB body', us(v.validatorInvalidNs));
  add('validateCall, invalid 4 KB body (builds the error)', us(v.validateCallInvalidNs));
  const { sizeOurs, sizeAzure } = input.bundles;
  add('bundle, ours (minified)', kb(sizeOurs.minifiedBytes));
  add(
    'bundle, ours: largest inputs (minified bytes)',
    sizeOurs.largestInputs
      .map((i) => `${i.input.replace(/^.*node_modules\//, '')} ${kb(i.bytes)}`)
      .join('; '),
  );
  add(
    'bundle, @azure/batch (minified / min+gzip)',
    `${kb(sizeAzure.minifiedBytes)} / ${kb(sizeAzure.gzipBytes)}`,
  );
  const t = input.importTime;
  add(`import, bare node (median of ${t.runs})`, `${t.medianMs.bare!.toFixed(1)} ms`);
  for (const [kind, cost] of Object.entries(t.costOverBareMs)) {
    add(`import cost over bare node: ${kind}`, `${cost.toFixed(1)} ms`);
  }
  for (const m of input.memory) {
    add(
      `memory ${LABELS[m.implementation]}: cold → after ${int(m.warmup)} warm-up adds → after ${int(m.count)} more`,
      `RSS ${mb(m.rssColdBytes)} → ${mb(m.rssBeforeBytes)} → ${mb(m.rssAfterBytes)} · heap used ${mb(m.heapUsedColdBytes)} → ${mb(m.heapUsedBeforeBytes)} → ${mb(m.heapUsedAfterBytes)} · young gen ${mb(m.newSpaceColdBytes)} → ${mb(m.newSpaceBeforeBytes)} → ${mb(m.newSpaceAfterBytes)}`,
    );
  }
  add('validators.js, our spec', kb(input.generation.validatorsBytes.ours));
  for (const c of input.targets) add(c.name, c.value, c.target, c.pass ? 'PASS' : 'MISS');

  const header: [string, string, string, string] = ['Measure', 'Figure', 'Target', 'Result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
