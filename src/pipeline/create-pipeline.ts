/**
 * The HTTP pipeline of a client, composed once when the client is made. Phases, in order:
 *
 * ```text
 * perCall policies → retry → [perRetry policies → sign → transport] per attempt
 * ```
 *
 * Validation and serialization come before it (the generated hey-api SDK function), and
 * deserialization after it (hey-api's parser, then the client's result and error mapping); see
 * `src/client/send-call.ts`. What differs from call to call travels on the request.
 *
 * @module
 */
import type { PipelinePolicy, SendRequest } from './pipeline-policy.js';

export interface PipelinePhases {
  readonly perCall: readonly PipelinePolicy[];
  readonly retry: PipelinePolicy;
  readonly perRetry: readonly PipelinePolicy[];
  /** Signs each attempt and sends it (the sign phase in front of the transport). */
  readonly send: SendRequest;
}

/** Chains the phases in order: the first policy runs first; each one's `next` is the rest. */
export function createPipeline(phases: PipelinePhases): SendRequest {
  const policies = [...phases.perCall, phases.retry, ...phases.perRetry];
  let next = phases.send;
  for (let i = policies.length - 1; i >= 0; i--) {
    const policy = policies[i]!;
    const rest = next;
    next = (request) => policy.sendRequest(request, rest);
  }
  return next;
}
