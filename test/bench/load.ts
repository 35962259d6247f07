/**
 * Runs one batch of N calls with a fixed number in flight and measures it: requests/s over the
 * batch's wall time, p50/p99 latency of single calls, and this process's CPU time (user + system,
 * `process.cpuUsage`) per call — the server runs in another process, so this is client work only.
 */
import { percentile } from './stats.ts';

export interface BatchResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuUsPerRequest: number;
}

export async function runBatch(
  call: () => Promise<unknown>,
  count: number,
  inFlight: number,
): Promise<BatchResult> {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now();
      await call();
      latencies[i] = performance.now() - started;
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requestsPerSecond: (count / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerRequest: (cpu.user + cpu.system) / count,
  };
}
