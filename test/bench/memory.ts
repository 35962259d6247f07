/**
 * Child process of `run.ts` (run with `--expose-gc`): RSS and V8 heap before and after 10,000
 * sequential adds by one implementation, a full GC before each reading. Three readings:
 * - `cold`: after the client exists and one add was made (connection open, code loaded);
 * - `before`: after a warm-up of 10,000 adds;
 * - `after`: after 10,000 more adds.
 * Growth is measured from `before`: during the first several thousand adds RSS rises by
 * ~150 MB with every client, the hand-written floor included — V8 grows its young generation
 * (`new_space` reaches 128 MB committed on this box) and its pages, and native buffers, become
 * resident — then levels off. From the warmed-up state on, RSS and heap only grow if something
 * per call is retained. Each reading also records the committed size of `new_space`; the checked
 * figure is RSS growth minus young-generation growth (the raw RSS growth is reported with it).
 * Prints one JSON line.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { emitResult } from './child-process.ts';
import { accountKey } from './fixtures.ts';
import {
  type Bundles,
  createImplementations,
  type ImplementationName,
  implementation,
} from './implementations.ts';

export interface MemoryConfig {
  readonly baseUrl: string;
  readonly bundles: Bundles;
  readonly implementation: ImplementationName;
  readonly warmup: number;
  readonly count: number;
}

export interface MemoryResult {
  readonly implementation: ImplementationName;
  readonly warmup: number;
  readonly count: number;
  readonly rssColdBytes: number;
  readonly heapUsedColdBytes: number;
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  readonly heapUsedBeforeBytes: number;
  readonly heapUsedAfterBytes: number;
  /** Committed size of V8's young generation (`new_space`) at each reading. */
  readonly newSpaceColdBytes: number;
  readonly newSpaceBeforeBytes: number;
  readonly newSpaceAfterBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

interface Reading {
  readonly rss: number;
  readonly heapUsed: number;
  readonly newSpace: number;
}

async function settle(): Promise<Reading> {
  if (!gc) throw new Error('run with --expose-gc');
  await delay(50);
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return { rss, heapUsed, newSpace: newSpace?.space_size ?? 0 };
}

async function main(config: MemoryConfig): Promise<MemoryResult> {
  const all = await createImplementations(config.baseUrl, accountKey(), config.bundles);
  const { add } = implementation(all, config.implementation);
  await add();
  const cold = await settle();
  for (let i = 0; i < config.warmup; i++) await add();
  const before = await settle();
  for (let i = 0; i < config.count; i++) await add();
  const after = await settle();
  return {
    implementation: config.implementation,
    warmup: config.warmup,
    count: config.count,
    rssColdBytes: cold.rss,
    heapUsedColdBytes: cold.heapUsed,
    rssBeforeBytes: before.rss,
    rssAfterBytes: after.rss,
    heapUsedBeforeBytes: before.heapUsed,
    heapUsedAfterBytes: after.heapUsed,
    newSpaceColdBytes: cold.newSpace,
    newSpaceBeforeBytes: before.newSpace,
    newSpaceAfterBytes: after.newSpace,
  };
}

emitResult(await main(JSON.parse(process.argv[2] ?? '{}') as MemoryConfig));
