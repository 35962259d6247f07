/** What the packed tarball may and must contain. */

const REQUIRED = ['package.json', 'README.md', 'CHANGELOG.md', 'dist/src/index.js'];
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);

/**
 * Checks the tarball's file list (paths as `npm pack --json` gives them): only package.json, the
 * README, CHANGELOG and LICENSE, and compiled `.js`/`.d.ts` under dist/src and dist/generated.
 *
 * @throws Error naming every unexpected or missing file.
 */
export function checkTarballFiles(paths: readonly string[]): void {
  const problems: string[] = [];
  for (const path of paths) {
    const compiled =
      /^dist\/(src|generated)\//.test(path) && (path.endsWith('.js') || path.endsWith('.d.ts'));
    if (!compiled && !ALLOWED_TOP_LEVEL.has(path)) problems.push(`unexpected file ${path}`);
  }
  for (const path of REQUIRED) {
    if (!paths.includes(path)) problems.push(`missing ${path}`);
  }
  if (problems.length > 0) throw new Error(`tarball contents:\n  ${problems.join('\n  ')}`);
}
