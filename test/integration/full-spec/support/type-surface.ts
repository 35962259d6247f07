/**
 * Type-level checks of a generated client surface, written as a `.ts` file next to the generated
 * folders and compiled with `tsc --noEmit` (strict): the generated module plugs into
 * `createBatchClient`, and for every operation the method's result type is what its table entry
 * promises (boolean existence checks, streamed downloads, paged iterables, typed headers with
 * `Date`/`number`/`boolean` values) and date options take a `Date`.
 */
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { OperationSpec } from '../../../../src/table/operation-table.js';
import { formatMeaning, isDateMeaning } from './formats.js';
import { REPO } from './generate-specs.js';
import type { ReadOperation } from './spec-reading.js';

/**
 * The TypeScript type a value of `type`/`format` has in the client, by the format's meaning: every
 * date a `Date`, an integer a `number` even when the spec types it as a string (`Content-Length`).
 */
function valueType(type: string, format: string | undefined, where: string): string {
  const meaning = formatMeaning(format, where);
  if (isDateMeaning(meaning)) return 'Date';
  if (type === 'integer' || type === 'number' || meaning === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/** Checks of one method: option types from the table, the result's shape from the spec reading. */
function assertions(op: OperationSpec, read: ReadOperation, index: number): string[] {
  const f = `G['${op.group}']['${op.method}']`;
  const r = `Awaited<Result<${f}>>`;
  const lines: string[] = [];
  const check = (condition: string) =>
    lines.push(`type _${index}_${lines.length} = Expect<${condition}>;`);
  const positional = op.parameters.filter((p) => p.location === 'path').length + (op.body ? 1 : 0);
  for (const p of op.parameters.filter((q) => q.location !== 'path')) {
    if (p.type === 'array') continue;
    check(
      `Equal<NonNullable<Parameters<${f}>[${positional}]>['${p.clientName}'], ${valueType(p.type, p.format, `${p.location} ${p.wireName} of ${op.operationId}`)}${p.required ? '' : ' | undefined'}>`,
    );
  }
  const headerChecks = (holder: string) => {
    for (const h of read.headers) {
      const type = valueType(h.type, h.format, `header ${h.wireName} of ${op.operationId}`);
      check(`Equal<${holder}['${h.clientName}'], ${type} | undefined>`);
    }
  };
  if (read.kind === 'exists') check(`Equal<Result<${f}>, Promise<boolean>>`);
  else if (read.kind === 'binary') {
    check(`Equal<${r}['body'], ReadableStream<Uint8Array>>`);
    check(`Equal<${r}['blob'], () => Promise<Blob>>`);
    headerChecks(`${r}['headers']`);
  } else if (read.kind === 'paged') {
    check(
      `Result<${f}> extends AsyncIterable<unknown> & { byPage(): AsyncIterable<unknown[]> } ? true : false`,
    );
    check(`Equal<IsAny<Item<Result<${f}>>>, false>`);
  } else if (read.kind === 'json') {
    check(`Equal<IsAny<${r}>, false>`);
  } else headerChecks(r);
  return lines;
}

/**
 * Get, change, send back, as a caller writes it: for every body whose model a `get` answers with
 * (a TypeSpec replace, or a create sharing the model), the answer — read-only properties, `Date`s
 * and all — is accepted as the body, as it came and spread with a change.
 */
function roundTrips(operations: readonly OperationSpec[]): string[] {
  const lines: string[] = [];
  const call = (op: OperationSpec, extra: string) => {
    const path = op.parameters.filter((p) => p.location === 'path').map(() => "'x'");
    return `c['${op.group}']['${op.method}'](${[...path, extra].filter(Boolean).join(', ')})`;
  };
  for (const [i, op] of operations.entries()) {
    const get = operations.find(
      (g) =>
        g.httpMethod === 'GET' &&
        !g.pageable &&
        g.responseSchema !== undefined &&
        g.responseSchema === op.body?.schema,
    );
    if (!get || get === op) continue;
    lines.push(
      `export async function roundTrip${i}(c: G): Promise<void> {`,
      `  const got = await ${call(get, '')};`,
      `  await ${call(op, 'got')};`,
      `  await ${call(op, '{ ...got }')};`,
      '}',
    );
  }
  return lines;
}

/** Writes `<root>/surface-<name>.ts` for the generated folder `<root>/<name>`. */
export async function writeTypeSurface(
  root: string,
  name: string,
  operations: readonly OperationSpec[],
  spec: ReadonlyMap<string, ReadOperation>,
): Promise<string> {
  const src = relative(root, join(REPO, 'src')).split('\\').join('/');
  const file = join(root, `surface-${name}.ts`);
  const lines = [
    '// Written by test/integration/full-spec; compiled with tsc --noEmit --strict.',
    `import { BatchSharedKeyCredential } from '${src}/auth/batch-shared-key-credential.js';`,
    `import { createBatchClient } from '${src}/client/batch-client.js';`,
    `import type { OperationCallOptions } from '${src}/client/client-options.js';`,
    `import type { OperationGroups } from './${name}/client-api.js';`,
    `import * as generated from './${name}/index.js';`,
    '',
    'type G = OperationGroups<OperationCallOptions>;',
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Expect<T extends true> = T;',
    'type IsAny<T> = 0 extends 1 & T ? true : false;',
    'type Result<F> = F extends (...args: never[]) => infer R ? R : never;',
    'type Item<P> = P extends AsyncIterable<infer T> ? T : never;',
    '',
    `export const client: G = createBatchClient<G>(generated, 'https://account.westeurope.batch.azure.com', new BatchSharedKeyCredential('account', 'a2V5'));`,
    ...operations.flatMap((op, i) => assertions(op, spec.get(op.operationId)!, i)),
    ...roundTrips(operations),
    '',
  ];
  await writeFile(file, lines.join('\n'));
  return file;
}

/** Writes the scratch root's tsconfig: the project's settings, only the scratch files. */
export async function writeScratchTsconfig(root: string): Promise<string> {
  const file = join(root, 'tsconfig.json');
  const base = relative(root, join(REPO, 'tsconfig.json')).split('\\').join('/');
  const config = {
    extends: base,
    compilerOptions: { noEmit: true, strict: true, skipLibCheck: true },
    include: ['*.ts', '*/**/*.ts'],
  };
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
