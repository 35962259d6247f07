/**
 * The small JSONPath subset that overlay targets use: `$`, `.name`, `['quoted name']`, `[*]`,
 * `[N]` and `[?(@.key=='value')]`. Anything else is rejected loudly rather than guessed at.
 */

type Segment =
  | { kind: 'name'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; key: string; value: string };

/** A node matched by a path: its parent container and key, so callers can update in place. */
export interface PathMatch {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
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
  let current: PathMatch[] = [{ parent: { $: root }, key: '$', value: root }];
  for (const segment of segments) {
    const next: PathMatch[] = [];
    for (const match of current) {
      const value = match.value;
      if (value === null || typeof value !== 'object') continue;
      const container = value as Record<string, unknown> | unknown[];
      const entries: [string | number, unknown][] = Array.isArray(container)
        ? container.map((v, k) => [k, v])
        : Object.entries(container);
      for (const [key, child] of entries) {
        if (selects(segment, key, child)) next.push({ parent: container, key, value: child });
      }
    }
    current = next;
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
  }
}
