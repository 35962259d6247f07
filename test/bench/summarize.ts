/**
 * Turns the throughput samples into per-implementation figures (medians over rounds) and the
 * ratios the targets read, each computed per round (both sides measured in the same round, so a
 * slow moment of the shared machine hits both), then the median over rounds. Pure.
 */
import type { ImplementationName, OperationName } from './implementations.ts';
import { median } from './stats.ts';
import type { ThroughputSample } from './throughput.ts';

export interface ImplementationFigures {
  readonly operation: OperationName;
  readonly mode: string;
  readonly implementation: ImplementationName;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
}

/** One ratio `numerator / denominator` in one operation and mode. */
export interface Ratio {
  readonly operation: OperationName;
  readonly mode: string;
  readonly numerator: ImplementationName;
  readonly denominator: ImplementationName;
  /** Requests/s of the numerator over the denominator's. */
  readonly throughput: number;
  /** Client CPU per request of the numerator over the denominator's. */
  readonly cpu: number;
}

/** The pairs compared: ours and bare hey-api against the floor, ours against @azure/batch. */
export const RATIO_PAIRS: readonly (readonly [ImplementationName, ImplementationName])[] = [
  ['b', 'a'],
  ['b', 'd'],
  ['b-fetch', 'a'],
  ['c', 'a'],
  ['b-fetch', 'c'],
];

const groupKey = (s: { operation: string; mode: string }) => `${s.operation}\u0000${s.mode}`;

export function figuresOf(samples: readonly ThroughputSample[]): ImplementationFigures[] {
  const keys = [...new Set(samples.map((s) => `${groupKey(s)}\u0000${s.implementation}`))];
  return keys.map((key) => {
    const [operation, mode, implementation] = key.split('\u0000') as [
      OperationName,
      string,
      ImplementationName,
    ];
    const mine = samples.filter(
      (s) => s.operation === operation && s.mode === mode && s.implementation === implementation,
    );
    return {
      operation,
      mode,
      implementation,
      requestsPerSecond: median(mine.map((s) => s.requestsPerSecond)),
      p50Ms: median(mine.map((s) => s.p50Ms)),
      p99Ms: median(mine.map((s) => s.p99Ms)),
      cpuUsPerRequest: median(mine.map((s) => s.cpuUsPerRequest)),
    };
  });
}

/** Every pair of {@link RATIO_PAIRS} whose two sides were measured, per operation and mode. */
export function ratiosOf(samples: readonly ThroughputSample[]): Ratio[] {
  const groups = [...new Set(samples.map(groupKey))];
  const ratios: Ratio[] = [];
  for (const group of groups) {
    const inGroup = samples.filter((s) => groupKey(s) === group);
    const { operation, mode } = inGroup[0]!;
    const rounds = [...new Set(inGroup.map((s) => s.round))];
    for (const [numerator, denominator] of RATIO_PAIRS) {
      const perRound = rounds.flatMap((round) => {
        const pick = (name: ImplementationName) =>
          inGroup.find((s) => s.round === round && s.implementation === name);
        const n = pick(numerator);
        const d = pick(denominator);
        return n && d ? [{ n, d }] : [];
      });
      if (perRound.length === 0) continue;
      ratios.push({
        operation,
        mode,
        numerator,
        denominator,
        throughput: median(perRound.map(({ n, d }) => n.requestsPerSecond / d.requestsPerSecond)),
        cpu: median(perRound.map(({ n, d }) => n.cpuUsPerRequest / d.cpuUsPerRequest)),
      });
    }
  }
  return ratios;
}

/** The ratio of `numerator / denominator` in `operation` and `mode`, if measured. */
export function findRatio(
  ratios: readonly Ratio[],
  operation: OperationName,
  mode: string,
  numerator: ImplementationName,
  denominator: ImplementationName,
): Ratio | undefined {
  return ratios.find(
    (r) =>
      r.operation === operation &&
      r.mode === mode &&
      r.numerator === numerator &&
      r.denominator === denominator,
  );
}
