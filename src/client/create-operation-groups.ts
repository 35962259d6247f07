/**
 * Builds `client.<group>.<method>` for every entry of an operation table. This is the only place
 * that turns the table into API: adding an operation to the spec and regenerating adds a method.
 */
import type { ClientRuntime } from './client-runtime.js';
import { createOperationMethod, type OperationMethod } from './operation-method.js';

export function createOperationGroups(
  runtime: ClientRuntime,
): Record<string, Record<string, OperationMethod>> {
  const groups: Record<string, Record<string, OperationMethod>> = {};
  for (const operation of Object.values(runtime.generated.operations)) {
    groups[operation.group] ??= {};
    groups[operation.group]![operation.method] = createOperationMethod(runtime, operation);
  }
  for (const group of Object.values(groups)) Object.freeze(group);
  return groups;
}
