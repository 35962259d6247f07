/**
 * jest in native ESM mode; TypeScript is transformed by @swc/jest (no type-check here: `tsc` does
 * that). Two projects: every suite on the client's default transport (in Node: `node:http`), and
 * the suites that exercise the wire once more on the `fetch` transport (what browsers, Deno, Bun,
 * workerd and a caller's own `fetch` use), so both send the same requests and fail the same way.
 */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

export default {
  // Global options: jest ignores them inside a project.
  testTimeout: 60000,
  // One worker per core. jest's default (cores - 1) runs a 2-core machine in band, and the
  // suites that wait on child processes (generation, tsc, the CLI) leave room for a second.
  maxWorkers: '100%',
  // A worker that ran many suites holds ~1 GB (ESM test modules are not freed between files) and
  // takes ~0.5 s to exit on a busy machine, past jest's fixed 500 ms, which then prints "a worker
  // process has failed to exit gracefully" though nothing leaked. Workers past 512 MB after a
  // suite are replaced, which keeps the heaps (and their exit) small at no measurable cost.
  workerIdleMemoryLimit: '512MB',
  // One scratch folder per run for what suites share (the CLI bundle): test/support/run-dir.ts.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...base, displayName: 'node-http', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    {
      ...base,
      displayName: 'fetch',
      setupFiles: ['<rootDir>/test/support/fetch-transport-setup.ts'],
      // Builds both transports itself (it needs node:http, which this project hides).
      testPathIgnorePatterns: ['/test/integration/transport/download-stream.test.ts'],
      testMatch: [
        '<rootDir>/test/integration/client/**/*.test.ts',
        '<rootDir>/test/integration/transport/**/*.test.ts',
        '<rootDir>/test/integration/reliability/**/*.test.ts',
        '<rootDir>/test/integration/emulator/**/*.test.ts',
        '<rootDir>/test/integration/full-spec/**/*.test.ts',
        '<rootDir>/test/integration/spec-bump/**/*.test.ts',
        '<rootDir>/test/fuzz/shared-key-wire.test.ts',
      ],
    },
  ],
};
