import { checkDeprecation } from '../../deprecation/deprecation-warnings.js';
import type { CallStep } from '../call.js';
import type { ClientRuntime } from '../client-runtime.js';

/**
 * `deprecation`: warns (or, in `'error'` mode, rejects before anything is sent) for a deprecated
 * operation, once per call: later pages of a list and the lost-add read-back do not warn again.
 */
export function deprecationStep(runtime: ClientRuntime): CallStep {
  return {
    name: 'deprecation',
    run(call, next) {
      if (call.nextLink === undefined && !call.readBack) {
        checkDeprecation(call.operation, runtime.deprecationWarnings, runtime.onWarning);
      }
      return next(call);
    },
  };
}
