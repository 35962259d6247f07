/**
 * Type tests (compiled by `npm run typecheck`, never run): the two builds of
 * `batch-rest-client/testing` declare the same names with the same types, so code type-checked
 * against one (a Node app, or a Vite/vitest app resolving without the `node` condition) compiles
 * against the other.
 */
import type * as BrowserBuild from '../../src/testing/browser.js';
import type * as NodeBuild from '../../src/testing/index.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const sameValues: Same<typeof NodeBuild, typeof BrowserBuild> = true;
export const sameOptions: Same<
  NodeBuild.StartBatchEmulatorOptions,
  BrowserBuild.StartBatchEmulatorOptions
> = true;
export const sameEmulator: Same<NodeBuild.BatchEmulator, BrowserBuild.BatchEmulator> = true;
// @ts-expect-error a different module shape is caught (the Node build without one export)
export const differentValues: Same<
  Omit<typeof NodeBuild, 'createBatchEmulator'>,
  typeof BrowserBuild
> = true;
