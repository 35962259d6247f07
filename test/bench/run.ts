/**
 * `npm run bench [-- --out <file>] [--quick]` — the whole benchmark, in one run (see README.md
 * beside this file): builds the bundles (esbuild, into a temp dir), starts the stand-in service in
 * its own process, measures throughput/latency/CPU of every implementation (add and get,
 * sequential and 16 in flight) in interleaved rounds, client CPU with an in-memory fetch,
 * validation cost, bundle sizes, import time, memory over 10,000 adds, generation time and the
 * size of the generated validators; prints one Markdown table with every target marked PASS/MISS
 * and writes the same figures as JSON (default `bench-results.json` at the repository root,
 * git-ignored). A missed target never fails the run; a broken client (a wrong answer, a refused
 * signature) does. `--quick` shrinks the rounds for a smoke run (its figures are not the reported
 * ones).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { buildBundles } from './build-bundles.ts';
import { BENCH_DIR, runChild, startServer } from './child-process.ts';
import { measureGeneration } from './generation.ts';
import { measureImportTime } from './import-time.ts';
import type { MemoryResult } from './memory.ts';
import type { OverheadResult } from './overhead.ts';
import { formatTable } from './report.ts';
import { figuresOf, ratiosOf } from './summarize.ts';
import { checkTargets } from './targets.ts';
import type { ThroughputConfig, ThroughputSample } from './throughput.ts';
import type { ValidationResult } from './validation.ts';

const ROOT = resolve(BENCH_DIR, '../..');
const int = (n: number) => n.toLocaleString('en-US');

function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()'s model
  }
  return {
    nproc: availableParallelism(),
    node: process.version,
    cpuModel,
    /** 1, 5 and 15 minute load averages when the run ended (the box may be shared). */
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'bench-results.json' },
      quick: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick;
  const outFile = resolve(ROOT, values.out);
  const started = performance.now();
  const log = (step: string) =>
    console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${step}`);
  // One random key per run, for the fake account; children read it from the environment.
  process.env.BENCH_ACCOUNT_KEY = randomBytes(64).toString('base64');

  const temp = mkdtempSync(join(tmpdir(), 'batch-bench-'));
  const server = await startServer();
  try {
    log('building bundles');
    const bundles = await buildBundles(ROOT, temp);
    await esbuild.stop();
    const paths = { ours: bundles.ours, internals: bundles.internals };

    const config: ThroughputConfig = {
      baseUrl: server.baseUrl,
      bundles: paths,
      rounds: quick ? 2 : 10,
      count: quick ? 300 : 1000,
      warmup: quick ? 100 : 500,
      modes: [
        { name: 'sequential', inFlight: 1 },
        { name: '16 in flight', inFlight: 16 },
      ],
    };
    log(
      `throughput: ${config.rounds} rounds × ${config.count} calls × 2 operations × 2 modes × 5 clients (load ${loadavg()[0]!.toFixed(2)})`,
    );
    const samples = await runChild<ThroughputSample[]>('throughput.ts', config, ['--expose-gc']);

    log('client overhead (in-memory fetch)');
    const overhead = await runChild<OverheadResult>('overhead.ts', { bundles: paths });

    log('validation');
    const validation = await runChild<ValidationResult>('validation.ts', paths);

    const memory: MemoryResult[] = [];
    for (const implementation of ['a', 'b', 'd'] as const) {
      log(`memory: ${implementation}`);
      memory.push(
        await runChild<MemoryResult>(
          'memory.ts',
          {
            baseUrl: server.baseUrl,
            bundles: paths,
            implementation,
            warmup: quick ? 1000 : 10_000,
            count: quick ? 2000 : 10_000,
          },
          ['--expose-gc'],
        ),
      );
    }

    log('import time');
    const importTime = measureImportTime(ROOT, bundles.ours, quick ? 10 : 15);
    log('generation');
    const generation = measureGeneration(ROOT, quick ? 1 : 3);

    const signatures = await server.stats();
    if (signatures.refused > 0) {
      throw new Error(
        `the server refused ${signatures.refused} signatures: a client signs wrongly`,
      );
    }
    const figures = figuresOf(samples);
    const ratios = ratiosOf(samples);
    const modes = config.modes.map((m) => m.name);
    const targets = checkTargets({
      ratios,
      modes,
      overhead,
      validation,
      bundles,
      importTime,
      memory,
      generation,
    });
    const table = formatTable({
      figures,
      ratios,
      overhead,
      validation,
      bundles,
      importTime,
      memory,
      generation,
      targets,
    });
    const results = {
      machine: machine(),
      quick,
      config: {
        rounds: config.rounds,
        count: config.count,
        warmup: config.warmup,
        modes: config.modes,
      },
      signaturesVerifiedByServer: signatures.verified,
      throughput: { figures, ratios, samples },
      overheadInMemoryFetchCpuUsPerCall: overhead,
      validation,
      bundle: {
        ours: bundles.sizeOurs,
        azure: bundles.sizeAzure,
        forbidden: bundles.forbidden,
      },
      importTime,
      memory,
      generation,
      targets,
      durationSeconds: Math.round((performance.now() - started) / 1000),
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
    const m = results.machine;
    console.log(
      `\nMachine: ${m.cpuModel}, ${m.nproc} CPUs, Node ${m.node}, load average ${m.loadAverage.join(' / ')} at the end${quick ? ' (--quick)' : ''}; the server verified ${int(signatures.verified)} signatures, refused none\n`,
    );
    console.log(table);
    const missed = targets.filter((t) => !t.pass).length;
    console.log(
      `\n${targets.length - missed}/${targets.length} targets met. Figures: ${relative(process.cwd(), outFile)} (${results.durationSeconds} s).`,
    );
  } finally {
    await server.stop();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
