/** Byte-for-byte comparison of two directory trees (what `generate --check` reports). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './list-files.ts';

export interface TreeDifference {
  kind: 'changed' | 'missing' | 'extra';
  file: string;
}

/** `expected` is the fresh output; `actual` the committed tree. */
export async function compareTrees(expected: string, actual: string): Promise<TreeDifference[]> {
  const want = await listFiles(expected);
  const have = existsSync(actual) ? await listFiles(actual) : [];
  const haveSet = new Set(have);
  const wantSet = new Set(want);
  const differences: TreeDifference[] = [];
  for (const file of want) {
    if (!haveSet.has(file)) differences.push({ kind: 'missing', file });
    else {
      const [a, b] = await Promise.all([
        readFile(join(expected, file)),
        readFile(join(actual, file)),
      ]);
      if (!a.equals(b)) differences.push({ kind: 'changed', file });
    }
  }
  for (const file of have) if (!wantSet.has(file)) differences.push({ kind: 'extra', file });
  return differences;
}
