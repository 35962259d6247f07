/**
 * Validates a call's arguments with the operation's compiled validators and turns ajv's errors
 * into {@link BatchValidationIssue}s whose paths use the caller's names: a positional argument
 * (`thumbprint`), an option (`options.timeout`) or a body field (`certificate.thumbprint`).
 * Issues never carry the value (it may be a secret).
 */
import {
  BatchValidationError,
  type BatchValidationIssue,
} from '../errors/batch-validation-error.js';
import type { OperationSpec } from '../table/operation-table.js';
import { type CompiledValidator, ruleIssue } from '../validation/rule-words.js';
import type { CallArguments } from './call-arguments.js';
import type { ValidatorModule } from './validator-module.js';

/** Throws a {@link BatchValidationError} listing every issue; returns when the call is valid. */
export function validateCall(
  operation: OperationSpec,
  validators: ValidatorModule,
  args: CallArguments,
): void {
  const issues = callIssues(operation, validators, args);
  if (issues.length > 0) throw new BatchValidationError(issues);
}

/** Every way the call breaks the spec's rules (parameters, then the body); empty when valid. */
export function callIssues(
  operation: OperationSpec,
  validators: ValidatorModule,
  args: CallArguments,
): BatchValidationIssue[] {
  const issues: BatchValidationIssue[] = [];
  const parameterValues: Record<string, unknown> = {};
  const positional = new Set<string>();
  for (const p of operation.parameters) {
    const value = p.location === 'path' ? args.path[p.clientName] : args.options[p.clientName];
    if (p.location === 'path') positional.add(p.clientName);
    if (value !== undefined) parameterValues[p.clientName] = value;
  }
  const parameterPrefix = (name: string) => (positional.has(name) ? name : `options.${name}`);
  run(validators, operation.validators.parameters, parameterValues, issues, (path) => {
    const [first, ...rest] = path;
    return first === undefined ? 'options' : [parameterPrefix(first), ...rest].join('.');
  });
  if (operation.body) {
    const bodyName = operation.body.clientName;
    if (args.body === undefined || args.body === null) {
      if (operation.body.required) {
        issues.push({ path: bodyName, rule: 'required', message: 'is required' });
      }
    } else if (operation.validators.body) {
      run(validators, operation.validators.body, args.body, issues, (path) =>
        [bodyName, ...path].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]'),
      );
    }
  }
  return issues;
}

function run(
  validators: ValidatorModule,
  id: string,
  data: unknown,
  issues: BatchValidationIssue[],
  toPath: (segments: readonly string[]) => string,
): void {
  const validate = validators[id] as CompiledValidator | undefined;
  if (typeof validate !== 'function') throw new Error(`generated validator ${id} is missing`);
  if (validate(data)) return;
  for (const error of validate.errors ?? []) {
    const issue = ruleIssue(id, error, validators.ruleMessages);
    if (issue)
      issues.push({ path: toPath(issue.segments), rule: issue.rule, message: issue.message });
  }
}
