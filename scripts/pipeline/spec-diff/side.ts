/**
 * One side of a comparison: the spec with its overlay applied, read once into the spec model and
 * the pipeline's own operation table (the table is what the generated client is made of).
 */
import type { OperationSpec, ParameterSpec } from '../../../src/table/operation-table.ts';
import {
  applyOverlay,
  type OverlayDocument,
  type UnmatchedOverlayAction,
} from '../apply-overlay.ts';
import { buildOperationTable } from '../operation-table.ts';
import { type Json, SpecModel, type SpecOperation } from '../spec-model.ts';
import { parameterKey } from './match.ts';

export interface DiffInput {
  spec: Json;
  overlay?: OverlayDocument;
  /** Names for the report: the spec file and the overlay file. */
  label?: string;
  overlayLabel?: string;
}

export interface Side {
  model: SpecModel;
  table: Record<string, OperationSpec>;
  label: string | null;
  overlayLabel: string | null;
  /** Overlay actions whose target this spec does not have (only when asked to list them). */
  unmatched: UnmatchedOverlayAction[];
}

/** One operation on one side: the spec's view and the table's view. */
export interface OperationSide {
  op: SpecOperation;
  entry: OperationSpec;
  model: SpecModel;
}

/**
 * @param name `old` or `new`, for the error message
 * @param listUnmatched list overlay actions whose target is gone instead of failing (the new
 *   side: a removed operation is a finding of the comparison, not an unusable input)
 * @throws Error when the overlay does not apply or the spec cannot be read into a table
 */
export function prepareSide(input: DiffInput, name: string, listUnmatched = false): Side {
  try {
    const unmatched: UnmatchedOverlayAction[] = [];
    const onUnmatched = listUnmatched
      ? (action: UnmatchedOverlayAction) => unmatched.push(action)
      : undefined;
    const spec = input.overlay
      ? applyOverlay(input.spec, input.overlay, { onUnmatched })
      : input.spec;
    const model = new SpecModel(spec);
    return {
      model,
      table: buildOperationTable(model),
      label: input.label ?? null,
      overlayLabel: input.overlay ? (input.overlayLabel ?? 'overlay') : null,
      unmatched,
    };
  } catch (error) {
    const what = `${name} spec${input.label ? ` ${input.label}` : ''}`;
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

export function operationSide(side: Side, op: SpecOperation): OperationSide {
  return { op, entry: side.table[op.operationId]!, model: side.model };
}

/** The table's parameters (what is sent besides the body: no api-version, no host) by match key. */
export function parametersByKey(o: OperationSide): Map<string, ParameterSpec> {
  return new Map(o.entry.parameters.map((p) => [keyOf(p, o.entry.path), p]));
}

export function keyOf(p: ParameterSpec, path: string): string {
  return parameterKey({ in: p.location, name: p.wireName }, path);
}

/** `Certificates_ListCertificates query $select`, `Pools_GetPool path poolId`. */
export function parameterWhere(operationId: string, p: ParameterSpec): string {
  return `${operationId} ${p.location} ${p.wireName}`;
}
