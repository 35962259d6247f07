/**
 * `npm run spec:diff -- <old spec> <new spec> [--overlay <file>] [--old-overlay <file>]
 * [--new-overlay <file>] [--json | --markdown] [--fail-on client|wire|any]`
 *
 * Run it before replacing openapi/BatchService.json with a newer published spec: it lists what
 * changed and, for each change, whether it breaks code written against the generated client and
 * whether it breaks callers on the wire. `--help` for the options and exit codes. Like
 * `npm run generate`, it runs with a fixed locale and time zone (it names types as hey-api does),
 * so the report is the same on every machine.
 */
import { hasGeneratorEnvironment, rerunInGeneratorEnvironment } from './lib/fixed-environment.ts';

if (hasGeneratorEnvironment()) {
  const { runSpecDiff } = await import('./pipeline/spec-diff/cli.ts');
  process.exitCode = await runSpecDiff(process.argv.slice(2));
} else {
  process.exitCode = await rerunInGeneratorEnvironment();
}
