/**
 * Child process of `run.ts` (run with `--expose-gc`): warms up, then runs interleaved rounds of
 * every implementation, sequentially and with 16 in flight, the order rotated each round, with a
 * full GC before each batch so no batch pays for the previous one's garbage. Prints one JSON line.
 *
 * `node --expose-gc test/bench/throughput.ts '{"baseUrl":…,"bundles":{…},"rounds":5,"count":2000,…}'`
 */
import { emitResult } from './child-process.ts';
import { accountKey } from './fixtures.ts';
import {
  type Bundles,
  createImplementations,
  IMPLEMENTATIONS,
  type ImplementationName,
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
  /** Run only this implementation (profiling). */
  readonly only?: ImplementationName;
}

export interface ThroughputSample extends BatchResult {
  readonly round: number;
  readonly mode: string;
  readonly implementation: ImplementationName;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main(config: ThroughputConfig): Promise<ThroughputSample[]> {
  const implementations = await createImplementations(config.baseUrl, accountKey(), config.bundles);
  const measured = config.only ? [config.only] : IMPLEMENTATIONS;
  for (const name of measured) {
    for (const mode of config.modes) {
      await runBatch(implementations[name], config.warmup, mode.inFlight);
    }
  }
  const samples: ThroughputSample[] = [];
  for (let round = 0; round < config.rounds; round++) {
    for (const mode of config.modes) {
      for (const implementation of rotate(measured, round)) {
        gc();
        const result = await runBatch(implementations[implementation], config.count, mode.inFlight);
        samples.push({ round, mode: mode.name, implementation, ...result });
      }
    }
  }
  return samples;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ThroughputConfig;
emitResult(await main(config));
