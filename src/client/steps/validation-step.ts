import type { CallStep } from '../call.js';
import type { ClientRuntime } from '../client-runtime.js';
import { validateCall } from '../validate-call.js';
import { validateCallOptions } from '../validate-call-options.js';

/**
 * `validation`: the arguments against the compiled validators (unless `validation: false`) and the
 * per-call options (`abortSignal`, `retry`, `timeoutInMs`, always), once per call. A failure is
 * one `BatchValidationError` listing every issue; nothing is sent.
 */
export function validationStep(runtime: ClientRuntime): CallStep {
  return {
    name: 'validation',
    run(call, next) {
      if (call.nextLink === undefined) {
        if (runtime.validation) {
          validateCall(call.operation, runtime.generated.validators, call.args);
        }
        validateCallOptions(runtime, call.args.options);
      }
      return next(call);
    },
  };
}
