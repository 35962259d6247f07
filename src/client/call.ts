/**
 * The per-call half of the facade: a chain of named steps around the terminal `send` step (which
 * serializes through the generated SDK function and runs the HTTP policies). A list runs the chain
 * once per page; the lost-add read-back runs it for the read.
 *
 * Order: `normalize` → `deprecation` → `validation` → `lostAddReadBack` → `send`.
 */
import type { RequestState } from '../pipeline/retry-policy.js';
import type { OperationSpec } from '../table/operation-table.js';
import type { CallArguments } from './call-arguments.js';

/** One request of a call. */
export interface Call {
  readonly operation: OperationSpec;
  readonly args: CallArguments;
  /** For a later page of a list: the link the previous page gave. */
  readonly nextLink?: string;
  /** The lost-add read-back: no deprecation warning of its own (the caller's call warned). */
  readonly readBack?: boolean;
  /** What the retry loop records about this request. */
  readonly state: RequestState;
}

/** What `send` got: hey-api's result for the call. */
export interface Sent {
  /** The result hey-api parsed (and transformed: dates as `Date`), a stream, or nothing. */
  readonly data: unknown;
  /** The final answer (its body already read, except for downloads). */
  readonly response: Response;
  /** Set by the lost-add read-back when a 409 was the caller's own earlier add. */
  readonly recoveredFromConflict?: true;
}

export type NextStep = (call: Call) => Promise<Sent>;

/** One named step of the per-call chain. */
export interface CallStep {
  readonly name: string;
  run(call: Call, next: NextStep): Promise<Sent>;
}

/** Chains `steps` in order in front of `last`. */
export function composeSteps(steps: readonly CallStep[], last: NextStep): NextStep {
  let next = last;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    const rest = next;
    next = (call) => step.run(call, rest);
  }
  return next;
}

/** A new request of a call. */
export function newCall(
  operation: OperationSpec,
  args: CallArguments,
  extra: { nextLink?: string; readBack?: boolean } = {},
): Call {
  return {
    operation,
    args,
    ...extra,
    state: { earlierAttemptMayHaveTakenEffect: false },
  };
}

/** `group.method`, the operation's name in messages and errors. */
export function operationLabel(operation: OperationSpec): string {
  return `${operation.group}.${operation.method}`;
}
