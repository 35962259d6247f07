/**
 * Runs @hey-api/openapi-ts (version pinned in package.json) on an in-memory spec. Plugins: the
 * fetch client bundled in openapi-ts (`@hey-api/client-fetch`, formerly a separate package),
 * TypeScript types, the SDK the facade sends through — as one class, `BatchSdk`, whose instance
 * holds the hey-api client (hey-api's `operations.methods: 'instance'`), so no call passes the
 * client in its options: hey-api 0.99 spreads a call's options into `new Request()`, and Deno
 * refuses a `client` there (hey-api issue #4177) — and the transformers that turn
 * `format: date-time` strings of response models into `Date` objects (`bigInt: false`: int64
 * values stay numbers, as in the Azure SDKs). hey-api's JSON-schema output is not generated: our
 * own schema step (json-schemas.ts) feeds the validators.
 */
import { createClient } from '@hey-api/openapi-ts';
import type { Json } from './spec-model.ts';

export async function runHeyApi(spec: Json, outDir: string): Promise<void> {
  await createClient({
    input: spec as never,
    output: { path: outDir, clean: true },
    plugins: [
      '@hey-api/client-fetch',
      '@hey-api/typescript',
      {
        name: '@hey-api/sdk',
        transformer: true,
        client: false,
        auth: false,
        operations: { strategy: 'single', containerName: 'BatchSdk', methods: 'instance' },
      },
      { name: '@hey-api/transformers', dates: true, bigInt: false },
    ],
    logs: { level: 'silent', file: false },
  });
}
