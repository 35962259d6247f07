/**
 * Reads a V8 CPU profile (`.cpuprofile`) of a benchmark child and says where the CPU went: self
 * time by kind of code (undici/fetch, node:http and its streams, hey-api, our `src/`, validators,
 * JSON, crypto, GC, …), by source file, by function, and the top functions of each kind. Frames inside the esbuild
 * bundles are mapped back to their `src/` and `generated/` files through the bundles' source maps
 * (`node:module`'s `SourceMap`). Idle time is left out: the shares are of CPU time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
}

/** Where a frame's code comes from, after source maps. */
interface Origin {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

export interface ProfileSummary {
  readonly byKind: readonly Share[];
  readonly byFile: readonly Share[];
  readonly byFunction: readonly Share[];
  /** The functions of each kind, the kinds in the order of {@link byKind}. */
  readonly functionsByKind: readonly { readonly kind: string; readonly functions: Share[] }[];
}

export interface Share {
  readonly label: string;
  /** Fraction of the profile's CPU time, 0–1. */
  readonly share: number;
}

/** Kinds of code, first match wins: [kind, file pattern, function-name pattern]. */
const KINDS: readonly (readonly [string, RegExp, RegExp?])[] = [
  ['GC', /^\(native\)$/, /^\(garbage collector\)$/],
  ['V8/native, no JS frame ((program))', /^\(native\)$/, /^\(program\)$/],
  [
    'socket reads/writes (native binding; includes the kernel send)',
    /^\(native\)$/,
    /^(write(Latin1|Utf8|Ascii|Ucs2)String|writev|writeBuffer|readStart|readStop)$/,
  ],
  ['JSON (native)', /^\(native\)$/, /^(parse|stringify)$/],
  ['V8 builtins (native)', /^\(native\)$/],
  [
    'undici + web streams (fetch, its llhttp wasm parser, Headers, Request, Response bodies)',
    /^node:internal\/(deps\/undici|webstreams)|^wasm:/,
  ],
  [
    'node:http, net, streams',
    /^node:(_http_|https?$|net$|stream$|internal\/(streams|http|stream_base_commons|net))/,
  ],
  ['crypto', /^node:(crypto$|internal\/crypto)/],
  ['URL parsing', /^node:internal\/url/],
  [
    'microtasks, nextTick, timers',
    /^node:internal\/(process\/task_queues|timers|promise)|^node:timers/,
  ],
  ['events, AbortSignal', /^node:(events$|internal\/(event_target|abort_controller))/],
  ['module loading', /^node:internal\/(modules|bootstrap|deps\/(amaro|cjs-module-lexer))/],
  ['other Node internals', /^node:/],
  ['hey-api (generated client, SDK, transformers)', /^generated\/hey-api\//],
  ['generated validators', /^generated\/validators\.js$/],
  ['generated (other)', /^generated\//],
  ['our src/', /^src\//],
  ['benchmark code (for a: the floor client itself)', /^test\/bench\//],
  ['dependencies', /node_modules\//],
];

/** The kind of code of a frame, by its (mapped) file and function name. */
export function kindOf(file: string, functionName: string): string {
  for (const [kind, filePattern, namePattern] of KINDS) {
    if (filePattern.test(file) && (!namePattern || namePattern.test(functionName))) return kind;
  }
  return 'other';
}

/**
 * @param root - the repository root: mapped files are shown relative to it
 */
export function summarizeProfile(profileText: string, root: string): ProfileSummary {
  const profile = JSON.parse(profileText) as Profile;
  const maps = new Map<string, { map: SourceMap; dir: string } | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const path = url.startsWith('file://') ? fileURLToPath(url) : '';
      const mapFile = `${path}.map`;
      maps.set(
        url,
        path && existsSync(mapFile)
          ? { map: new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), dir: dirname(mapFile) }
          : null,
      );
    }
    return maps.get(url);
  };
  const origin = (frame: ProfileNode['callFrame']): Origin => {
    const name = frame.functionName || '(anonymous)';
    const mapped = frame.url ? mapOf(frame.url) : null;
    if (mapped) {
      const entry = mapped.map.findEntry(frame.lineNumber, frame.columnNumber) as {
        originalSource?: string;
        originalLine?: number;
      };
      if (entry.originalSource) {
        const file = relative(root, resolve(mapped.dir, entry.originalSource));
        return { file, line: (entry.originalLine ?? 0) + 1, name };
      }
    }
    if (!frame.url) return { file: '(native)', line: 0, name };
    const file = frame.url.startsWith('file://')
      ? relative(root, fileURLToPath(frame.url))
      : frame.url;
    return { file, line: frame.lineNumber + 1, name };
  };

  const byKind = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const kindFunctions = new Map<string, Map<string, number>>();
  let total = 0;
  const add = (map: Map<string, number>, key: string, hits: number) =>
    map.set(key, (map.get(key) ?? 0) + hits);
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0 || node.callFrame.functionName === '(idle)') continue;
    const o = origin(node.callFrame);
    total += hits;
    const kind = kindOf(o.file, o.name);
    const fn = `${o.name} ${o.file}${o.line ? `:${o.line}` : ''}`;
    add(byKind, kind, hits);
    add(byFile, o.file, hits);
    add(byFunction, fn, hits);
    if (!kindFunctions.has(kind)) kindFunctions.set(kind, new Map());
    add(kindFunctions.get(kind)!, fn, hits);
  }
  const shares = (map: Map<string, number>): Share[] =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .map(([label, hits]) => ({ label, share: total === 0 ? 0 : hits / total }));
  const kinds = shares(byKind);
  return {
    byKind: kinds,
    byFile: shares(byFile),
    byFunction: shares(byFunction),
    functionsByKind: kinds.map(({ label }) => ({
      kind: label,
      functions: shares(kindFunctions.get(label)!),
    })),
  };
}

/**
 * The summary as text; with `cpuUsPerCall` (the measured client CPU per call) each share is also
 * shown as µs per call.
 */
export function formatSummary(summary: ProfileSummary, top = 25, cpuUsPerCall?: number): string {
  const line = (s: Share) =>
    `${(s.share * 100).toFixed(1).padStart(5)}%${
      cpuUsPerCall === undefined
        ? ''
        : ` ${(s.share * cpuUsPerCall).toFixed(1).padStart(6)} µs/call`
    }  ${s.label}`;
  return [
    'self time by kind of code:',
    ...summary.byKind.map(line),
    '',
    `self time by file (top ${top}):`,
    ...summary.byFile.slice(0, top).map(line),
    '',
    `self time by function (top ${top}):`,
    ...summary.byFunction.slice(0, top).map(line),
    '',
    'the top functions of each kind of at least 2% (at least 0.3% each, at most 8):',
    ...summary.functionsByKind
      .filter(({ functions }) => functions.reduce((sum, f) => sum + f.share, 0) >= 0.02)
      .flatMap(({ kind, functions }) => [
        `  ${kind}:`,
        ...functions
          .filter((f) => f.share >= 0.003)
          .slice(0, 8)
          .map((f) => `  ${line(f)}`),
      ]),
  ].join('\n');
}
