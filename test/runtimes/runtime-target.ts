/** The shape every runtime of the matrix has: find it (or say why not), then run the lifecycle. */
import type { LifecycleReport } from './lifecycle.ts';

/** Where the runner put what the runtimes load. */
export interface RunContext {
  /** The temp project with the packed package installed and the compiled programs beside it. */
  readonly project: string;
  /** A temp directory for runtime state (caches, configs), removed at the end. */
  readonly work: string;
}

/** A runtime found on this machine. */
export interface LocatedRuntime {
  /** The exact version, as the runtime itself prints it. */
  readonly version: string;
  /** The name the program reports for itself there (`node`, `deno`, `bun`, `workerd`, `browser`). */
  readonly reportsAs: string;
  /** Runs the lifecycle program against the emulator at `url`; rejects when it reports nothing. */
  run(url: string): Promise<LifecycleReport>;
  /** Frees what `locate` started (a browser). */
  close?(): Promise<void>;
}

export interface RuntimeTarget {
  /** The name in the matrix, e.g. `Node 22`, `Deno`. */
  readonly name: string;
  /** The runtime, or why it is not on this machine (reported as skipped by name). */
  locate(context: RunContext): Promise<LocatedRuntime | { readonly skipped: string }>;
}

/** The last line of `output` as the program's report, or an error quoting what it printed. */
export function parseReport(output: string, stderr: string): LifecycleReport {
  const line = output.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as LifecycleReport;
  } catch {
    const printed = [output, stderr].join('\n').trim().slice(0, 2000);
    throw new Error(`the program printed no report:\n${printed}`);
  }
}
