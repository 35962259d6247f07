/**
 * Turns the throughput samples into per-implementation figures and the ratios b/a, b/d, b/c
 * (each ratio computed per round, then the median over rounds). Pure.
 */
import type { ImplementationName } from './implementations.ts';
import { median } from './stats.ts';
import type { ThroughputSample } from './throughput.ts';

export interface ImplementationFigures {
  readonly mode: string;
  readonly implementation: ImplementationName;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
}

export interface Ratios {
  readonly mode: string;
  /** Throughput ratios (requests/s of b over the other). */
  readonly throughputBA: number;
  readonly throughputBD: number;
  readonly throughputBC: number;
  /** Client CPU per request ratios (b over the other). */
  readonly cpuBA: number;
  readonly cpuBD: number;
  readonly cpuBC: number;
}

export function figuresOf(samples: readonly ThroughputSample[]): ImplementationFigures[] {
  const keys = [...new Set(samples.map((s) => `${s.mode}\u0000${s.implementation}`))];
  return keys.map((key) => {
    const [mode, implementation] = key.split('\u0000') as [string, ImplementationName];
    const mine = samples.filter((s) => s.mode === mode && s.implementation === implementation);
    return {
      mode,
      implementation,
      requestsPerSecond: median(mine.map((s) => s.requestsPerSecond)),
      p50Ms: median(mine.map((s) => s.p50Ms)),
      p99Ms: median(mine.map((s) => s.p99Ms)),
      cpuUsPerRequest: median(mine.map((s) => s.cpuUsPerRequest)),
    };
  });
}

export function ratiosOf(samples: readonly ThroughputSample[]): Ratios[] {
  const modes = [...new Set(samples.map((s) => s.mode))];
  return modes.map((mode) => {
    const rounds = [...new Set(samples.filter((s) => s.mode === mode).map((s) => s.round))];
    const ratio = (field: 'requestsPerSecond' | 'cpuUsPerRequest', other: ImplementationName) =>
      median(
        rounds.map((round) => {
          const pick = (name: ImplementationName) =>
            samples.find((s) => s.mode === mode && s.round === round && s.implementation === name)!;
          return pick('b')[field] / pick(other)[field];
        }),
      );
    return {
      mode,
      throughputBA: ratio('requestsPerSecond', 'a'),
      throughputBD: ratio('requestsPerSecond', 'd'),
      throughputBC: ratio('requestsPerSecond', 'c'),
      cpuBA: ratio('cpuUsPerRequest', 'a'),
      cpuBD: ratio('cpuUsPerRequest', 'd'),
      cpuBC: ratio('cpuUsPerRequest', 'c'),
    };
  });
}
