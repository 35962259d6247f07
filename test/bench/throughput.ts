/**
 * Child process of `run.ts` (run with `--expose-gc`): warms up every implementation in every
 * operation and mode, then runs interleaved rounds — per round, per operation (add, get), per mode
 * (sequential, 16 in flight), every implementation, the order rotated each round — with a full GC
 * before each batch so no batch pays for the previous one's garbage. Prints one JSON line.
 *
 * `node --expose-gc test/bench/throughput.ts '{"baseUrl":…,"bundles":{…},"rounds":5,"count":2000,…}'`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { emitResult } from './child-process.ts';
import { accountKey } from './fixtures.ts';
import {
  type Bundles,
  createImplementations,
  IMPLEMENTATIONS,
  type ImplementationName,
  implementation,
  OPERATIONS,
  type OperationName,
} from './implementations.ts';
import { type BatchResult, runBatch } from './load.ts';
import { rotate } from './stats.ts';

export interface ThroughputConfig {
  readonly baseUrl: string;
  readonly bundles: Bundles;
  readonly rounds: number;
  readonly count: number;
  readonly warmup: number;
  readonly modes: readonly { readonly name: string; readonly inFlight: number }[];
  /** The operations measured; default both. */
  readonly operations?: readonly OperationName[];
  /** Run only this implementation (profiling). */
  readonly only?: ImplementationName;
  /**
   * Profile the measured calls (after the warm-up) with V8's CPU profiler and write the
   * `.cpuprofile` to `file`, sampling every `intervalUs` µs (`profile.ts`).
   */
  readonly profile?: { readonly file: string; readonly intervalUs: number };
}

export interface ThroughputSample extends BatchResult {
  readonly round: number;
  readonly operation: OperationName;
  readonly mode: string;
  readonly implementation: ImplementationName;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main(config: ThroughputConfig): Promise<ThroughputSample[]> {
  const all = await createImplementations(config.baseUrl, accountKey(), config.bundles);
  const measured = config.only ? [config.only] : IMPLEMENTATIONS;
  const operations = config.operations ?? OPERATIONS;
  for (const name of measured) {
    for (const operation of operations) {
      for (const mode of config.modes) {
        await runBatch(implementation(all, name)[operation], config.warmup, mode.inFlight);
      }
    }
  }
  const stopProfiler = config.profile ? await startProfiler(config.profile) : undefined;
  const samples: ThroughputSample[] = [];
  for (let round = 0; round < config.rounds; round++) {
    for (const operation of operations) {
      for (const mode of config.modes) {
        for (const name of rotate(measured, round)) {
          gc();
          const call = implementation(all, name)[operation];
          const result = await runBatch(call, config.count, mode.inFlight);
          samples.push({ round, operation, mode: mode.name, implementation: name, ...result });
        }
      }
    }
  }
  await stopProfiler?.();
  return samples;
}

/** Starts V8's CPU profiler in this process; the function returned stops it and writes the file. */
async function startProfiler(profile: {
  file: string;
  intervalUs: number;
}): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: profile.intervalUs });
  await session.post('Profiler.start');
  return async () => {
    const { profile: result } = await session.post('Profiler.stop');
    writeFileSync(profile.file, JSON.stringify(result));
    session.disconnect();
  };
}

const config = JSON.parse(process.argv[2] ?? '{}') as ThroughputConfig;
emitResult(await main(config));
