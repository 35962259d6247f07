/**
 * What a maintainer does about the changes a regeneration cannot answer: operations the new spec
 * removed, and overlay actions whose targets went with them. A package that ships those methods
 * stays on the last version that has them; the new spec's other endpoints can still be generated
 * into a folder of their own. The words are the bump guide's (scripts/README.md). Pure.
 */
import type { OperationSpec } from '../../../src/table/operation-table.ts';
import type { UnmatchedOverlayAction } from '../apply-overlay.ts';

export interface AdviceInput {
  oldVersion: string;
  newVersion: string;
  /** Table entries (old side) of the operations the new spec does not have. */
  removed: readonly OperationSpec[];
  /** New-side overlay actions whose target the new spec does not have. */
  unmatched: readonly UnmatchedOverlayAction[];
  newSpec: string | null;
}

export function adviceFor(input: AdviceInput): string[] {
  const advice: string[] = [];
  const { oldVersion, newVersion, removed, unmatched } = input;
  if (unmatched.length > 0) {
    const numbers = unmatched.map((a) => `#${a.index}`).join(', ');
    const [first] = unmatched;
    advice.push(
      `overlay: ${count(unmatched.length, 'action')} ${unmatched.length === 1 ? 'targets' : 'target'} nothing in ${newVersion} (${numbers}; #${first!.index} targets ${first!.target}); npm run generate with this overlay stops at #${first!.index}.`,
    );
  }
  if (removed.length > 0) {
    const methods = removed.map((op) => `${op.group}.${op.method}()`).join(', ');
    const spec = input.newSpec ?? '<new spec>';
    advice.push(
      `what to do: ${newVersion} removes ${count(removed.length, 'operation')} that ${oldVersion} has (${methods}). A package that ships them does not move to ${newVersion}: it stays on ${oldVersion}, or bumps only as far as the last version that still has them, keeping its spec, overlay and generated/ as they are. For the other endpoints of ${newVersion}, generate a client into a folder of its own (npm run generate -- --spec ${spec} --no-overlay --out <folder>). Moving the package to ${newVersion} anyway removes those methods: a breaking release.`,
    );
  }
  return advice;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
