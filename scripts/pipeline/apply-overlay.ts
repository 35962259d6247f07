/**
 * Applies an OpenAPI Overlay 1.0 document to a spec (deep copy; the input is not mutated).
 * Supports `update` (deep merge of objects, arrays replaced) and `remove: true`.
 * A target that selects nothing is an error: it means the spec changed under the overlay.
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

export function applyOverlay<T>(spec: T, overlay: OverlayDocument): T {
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
      throw new Error(`${label}: target ${action.target} matches nothing in the spec`);
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
