import type { PipelinePolicy, SendRequest } from './pipeline-policy.js';

/**
 * Chains policies in order in front of `transport`: the first policy runs first, and each one's
 * `next` is the rest of the chain. Pure.
 */
export function composePolicies(
  policies: readonly PipelinePolicy[],
  transport: SendRequest,
): SendRequest {
  let next = transport;
  for (let i = policies.length - 1; i >= 0; i--) {
    const policy = policies[i]!;
    const rest = next;
    next = (request) => policy.sendRequest(request, rest);
  }
  return next;
}
