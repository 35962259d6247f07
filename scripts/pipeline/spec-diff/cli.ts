/**
 * The command line of `npm run spec:diff` (scripts/spec-diff.ts runs it): arguments, files,
 * output and the exit code. I/O goes through `io`, so tests run it in process.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { OverlayDocument } from '../apply-overlay.ts';
import type { Json } from '../spec-model.ts';
import { hasBreaking } from './changes.ts';
import { formatJson } from './format-json.ts';
import { formatMarkdown } from './format-markdown.ts';
import { formatText } from './format-text.ts';
import { diffSpecs } from './index.ts';

export const USAGE = `usage: npm run spec:diff -- <old spec> <new spec> [options]

Compares two specs (Swagger 2.0 or OpenAPI 3.x). Operations are matched by method and path, so a
new operationId is reported as a rename. Every change gets two verdicts: client (does code written
against the generated client break?) and wire (does a caller of the HTTP API break?).

options:
  --overlay <file>       apply this overlay to both specs before comparing
  --old-overlay <file>   apply this overlay to the old spec (instead of --overlay)
  --new-overlay <file>   apply this overlay to the new spec (instead of --overlay)
  --json                 print the report as JSON (shape: scripts/pipeline/spec-diff/format-json.ts)
  --markdown             print the report as a Markdown table for a pull request
  --fail-on <audience>   exit 1 when a change breaks the client, the wire, or any of them:
                         client | wire | any
  --fail-on-breaking     the same as --fail-on any
  -h, --help             print this help

exit codes:
  0  no breaking change of the kind given to --fail-on (always 0 without --fail-on)
  1  breaking changes found (only with --fail-on or --fail-on-breaking)
  2  usage error, a spec or overlay that cannot be read, or an overlay that does not apply to
     the old spec (on the new spec, an action whose target is gone is reported, with what to do)
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
};

const AUDIENCES = ['client', 'wire', 'any'] as const;
type Audience = (typeof AUDIENCES)[number];

/** Runs the command; resolves to the exit code. */
export async function runSpecDiff(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`spec:diff: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const problems: string[] = [];
  if (positionals.length !== 2) problems.push(`expected 2 spec files, got ${positionals.length}`);
  if (values.json && values.markdown) problems.push('--json and --markdown exclude each other');
  const failOn = values['fail-on'] ?? (values['fail-on-breaking'] ? 'any' : undefined);
  if (failOn !== undefined && !(AUDIENCES as readonly string[]).includes(failOn)) {
    problems.push(`--fail-on takes client, wire or any, not ${JSON.stringify(failOn)}`);
  }
  if (problems.length > 0) {
    io.stderr(`spec:diff: ${problems.join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const [oldPath, newPath] = positionals as [string, string];
  const oldOverlay = values['old-overlay'] ?? values.overlay;
  const newOverlay = values['new-overlay'] ?? values.overlay;
  let report: string;
  let breaking = false;
  try {
    const [oldSpec, newSpec, oldOv, newOv] = await Promise.all([
      readJson(io, oldPath),
      readJson(io, newPath),
      oldOverlay ? readJson(io, oldOverlay) : undefined,
      newOverlay ? readJson(io, newOverlay) : undefined,
    ]);
    const diff = diffSpecs(
      {
        spec: oldSpec,
        overlay: oldOv as OverlayDocument | undefined,
        label: oldPath,
        overlayLabel: oldOverlay,
      },
      {
        spec: newSpec,
        overlay: newOv as OverlayDocument | undefined,
        label: newPath,
        overlayLabel: newOverlay,
      },
    );
    report = values.json
      ? formatJson(diff)
      : values.markdown
        ? formatMarkdown(diff)
        : formatText(diff);
    breaking = failOn !== undefined && hasBreaking(diff, failOn as Audience);
  } catch (error) {
    io.stderr(`spec:diff: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(report);
  if (breaking) {
    io.stderr(
      `spec:diff: breaking changes for ${failOn === 'any' ? 'the client or the wire' : `the ${failOn}`} (--fail-on ${failOn})\n`,
    );
    return 1;
  }
  return 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      overlay: { type: 'string' },
      'old-overlay': { type: 'string' },
      'new-overlay': { type: 'string' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      'fail-on-breaking': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function readJson(io: CliIo, path: string): Promise<Json> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new Error(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
}
