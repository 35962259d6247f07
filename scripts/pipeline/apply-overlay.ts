/**
 * Applies an OpenAPI Overlay 1.0 document to a spec (deep copy; the input is not mutated).
 * Supports `update` (deep merge of objects, arrays replaced) and `remove: true`.
 * A target that selects nothing is an error ({@link OverlayTargetMissingError}): it means the spec
 * changed under the overlay. `npm run generate` stops on it; spec:diff, comparing a newer spec,
 * passes `onUnmatched` to list such actions in its report instead.
 * Targets use the JSONPath subset of `json-path.ts`, which follows `$ref`s, so an update aimed
 * at an operation's body lands in its model whatever that model is called.
 */
import { queryJsonPath } from './json-path.ts';

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

/** An action whose target selects nothing in the spec. */
export interface UnmatchedOverlayAction {
  /** 1-based, as the messages count. */
  readonly index: number;
  readonly target: string;
  readonly description: string | null;
}

/** Thrown when an action's target selects nothing: the spec changed under the overlay. */
export class OverlayTargetMissingError extends Error {
  readonly action: UnmatchedOverlayAction;

  constructor(label: string, action: UnmatchedOverlayAction) {
    super(`${label}: target ${action.target} matches nothing in the spec`);
    this.name = 'OverlayTargetMissingError';
    this.action = action;
  }
}

export interface ApplyOverlayOptions {
  /** Called for an action whose target selects nothing, instead of throwing; the action is skipped. */
  onUnmatched?(action: UnmatchedOverlayAction): void;
}

export function applyOverlay<T>(
  spec: T,
  overlay: OverlayDocument,
  options: ApplyOverlayOptions = {},
): T {
  if (typeof overlay.overlay !== 'string' || !overlay.overlay.startsWith('1.')) {
    throw new Error(`overlay: unsupported version ${JSON.stringify(overlay.overlay)} (need 1.x)`);
  }
  const root = structuredClone(spec) as unknown;
  const holder = { $: root };
  for (const [index, action] of overlay.actions.entries()) {
    const label = `overlay action #${index + 1} (${action.description ?? action.target})`;
    const matches =
      action.target === '$'
        ? [{ parent: holder, key: '$', value: root, resolved: root }]
        : queryJsonPath(root, action.target);
    if (matches.length === 0) {
      const unmatched = {
        index: index + 1,
        target: action.target,
        description: action.description ?? null,
      };
      if (!options.onUnmatched) throw new OverlayTargetMissingError(label, unmatched);
      options.onUnmatched(unmatched);
      continue;
    }
    for (const match of matches) {
      if (action.remove === true) {
        if (Array.isArray(match.parent)) match.parent.splice(match.key as number, 1);
        else delete (match.parent as Record<string, unknown>)[match.key];
      } else if (action.update !== undefined) {
        // An update of a JSON Reference changes the node it references (the model, not the link).
        if (!isPlainObject(match.resolved) || !isPlainObject(action.update)) {
          throw new Error(`${label}: update needs an object target and an object value`);
        }
        deepMerge(match.resolved, action.update);
      } else {
        throw new Error(`${label}: neither update nor remove`);
      }
    }
  }
  return holder.$ as T;
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(value)) deepMerge(existing, value);
    else target[key] = structuredClone(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
