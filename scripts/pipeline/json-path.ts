/**
 * The JSONPath subset overlay targets use: `$`, `.name`, `['quoted name']`, `[*]`, `[N]`,
 * `[?(@.key=='value')]` and RFC 9535's `[?(match(@.key, 'regexp'))]` (the whole value must match;
 * e.g. `match(@.name, '[Tt]ime[Oo]ut')` finds the parameter whether it is spelled `timeout` or
 * `timeOut`). Anything else is rejected loudly rather than guessed at.
 *
 * One extension to plain JSONPath, so a target survives renamed models: a step from a node that
 * is a JSON Reference (`{ "$ref": "#/…" }`) continues in the node it references. So
 * `$.paths['/certificates'].post.parameters[?(@.in=='body')].schema.properties.data` reaches the
 * `data` property of the body's model whatever the model is called.
 */

type Segment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; key: string; value: string }
  | { kind: 'match'; key: string; pattern: RegExp };

/** A node matched by a path: its parent container and key, so callers can update in place. */
export interface PathMatch {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
  /** `value`, or the node it references when it is a JSON Reference: what an update changes. */
  resolved: unknown;
}

const unquote = (text: string) => text.replace(/\\(.)/g, '$1');

/** Token rules, tried in order at each position. */
const RULES: { pattern: RegExp; segment: (m: RegExpMatchArray) => Segment }[] = [
  { pattern: /^\.([A-Za-z_$][\w$-]*)/, segment: (m) => ({ kind: 'name', name: m[1]! }) },
  {
    pattern: /^\[\s*'((?:[^'\\]|\\.)*)'\s*\]/,
    segment: (m) => ({ kind: 'name', name: unquote(m[1]!) }),
  },
  {
    pattern: /^\[\s*"((?:[^"\\]|\\.)*)"\s*\]/,
    segment: (m) => ({ kind: 'name', name: unquote(m[1]!) }),
  },
  { pattern: /^\[\s*\*\s*\]|^\.\*/, segment: () => ({ kind: 'wildcard' }) },
  { pattern: /^\[\s*(\d+)\s*\]/, segment: (m) => ({ kind: 'index', index: Number(m[1]) }) },
  {
    pattern: /^\[\s*\?\s*\(?\s*@\.([\w$-]+)\s*==\s*(['"])(.*?)\2\s*\)?\s*\]/,
    segment: (m) => ({ kind: 'filter', key: m[1]!, value: m[3]! }),
  },
  {
    pattern: /^\[\s*\?\s*\(?\s*match\(\s*@\.([\w$-]+)\s*,\s*(['"])(.*?)\2\s*\)\s*\)?\s*\]/,
    segment: (m) => ({ kind: 'match', key: m[1]!, pattern: new RegExp(`^(?:${m[3]!})$`, 'u') }),
  },
];

export function parseJsonPath(path: string): Segment[] {
  if (!path.startsWith('$')) throw new Error(`JSONPath "${path}" must start with $`);
  const segments: Segment[] = [];
  let i = 1;
  while (i < path.length) {
    const rest = path.slice(i);
    const rule = RULES.find((r) => r.pattern.test(rest));
    const m = rule ? rest.match(rule.pattern) : null;
    if (!rule || !m) throw new Error(`JSONPath "${path}": unsupported syntax at "${rest}"`);
    segments.push(rule.segment(m));
    i += m[0].length;
  }
  return segments;
}

/** Every node of `root` that `path` selects, in document order. */
export function queryJsonPath(root: unknown, path: string): PathMatch[] {
  const segments = parseJsonPath(path);
  let current: PathMatch[] = [{ parent: { $: root }, key: '$', value: root, resolved: root }];
  for (const segment of segments) {
    const next: PathMatch[] = [];
    for (const match of current) {
      const value = match.resolved;
      if (value === null || typeof value !== 'object') continue;
      const container = value as Record<string, unknown> | unknown[];
      const entries: [string | number, unknown][] = Array.isArray(container)
        ? container.map((v, k) => [k, v])
        : Object.entries(container);
      for (const [key, child] of entries) {
        const resolved = followRefs(root, child);
        if (selects(segment, key, resolved))
          next.push({ parent: container, key, value: child, resolved });
      }
    }
    current = next;
  }
  return current;
}

/** The node a JSON Reference (`{ "$ref": "#/a/b" }`) points to, followed to the end. */
function followRefs(root: unknown, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (
    current !== null &&
    typeof current === 'object' &&
    typeof (current as { $ref?: unknown }).$ref === 'string'
  ) {
    const ref = (current as { $ref: string }).$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) return current;
    seen.add(ref);
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      target = (target as Record<string, unknown> | undefined)?.[key];
    }
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

function selects(segment: Segment, key: string | number, child: unknown): boolean {
  switch (segment.kind) {
    case 'name':
      return key === segment.name;
    case 'index':
      return key === segment.index;
    case 'wildcard':
      return true;
    case 'filter':
      return (
        child !== null &&
        typeof child === 'object' &&
        String((child as Record<string, unknown>)[segment.key]) === segment.value
      );
    case 'match': {
      const value = (child as Record<string, unknown> | null)?.[segment.key];
      return typeof value === 'string' && segment.pattern.test(value);
    }
  }
}
