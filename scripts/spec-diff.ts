/**
 * `npm run spec:diff -- <old spec> <new spec> [--json] [--fail-on-breaking]`
 *
 * Lists added and removed operations, changed parameters, responses and schemas, and flags
 * breaking changes. Run it before replacing openapi/BatchService.json with a newer published spec.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { diffSpecs, formatSpecDiff } from './pipeline/spec-diff.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    'fail-on-breaking': { type: 'boolean', default: false },
  },
});
if (positionals.length !== 2) {
  console.error('usage: npm run spec:diff -- <old spec> <new spec> [--json] [--fail-on-breaking]');
  process.exit(2);
}
const [oldDoc, newDoc] = await Promise.all(
  positionals.map(async (p) => JSON.parse(await readFile(p, 'utf8'))),
);
const diff = diffSpecs(oldDoc, newDoc);
process.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : formatSpecDiff(diff));
if (values['fail-on-breaking'] && diff.changes.some((c) => c.breaking)) process.exitCode = 1;
