/**
 * The `fetch` project's setup (jest.config.js): Node's `node:http` and `node:https` are hidden
 * from `process.getBuiltinModule`, as on a platform without them, so every client these suites
 * make sends through the platform's `fetch` — the transport browsers, Deno, Bun and workerd use.
 * Nothing else changes: `node:crypto` and the tests' own imports are untouched.
 */
const original = process.getBuiltinModule.bind(process);
const HIDDEN = new Set(['node:http', 'node:https', 'http', 'https']);
process.getBuiltinModule = ((id: string) =>
  HIDDEN.has(id) ? undefined : original(id)) as typeof process.getBuiltinModule;
