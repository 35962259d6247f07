/**
 * Runs @hey-api/openapi-ts (version pinned in package.json) on an in-memory spec. Plugins: the
 * fetch client bundled in openapi-ts (`@hey-api/client-fetch`, formerly a separate package),
 * TypeScript types, the SDK functions the facade sends through, and the transformers that turn
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
      { name: '@hey-api/sdk', transformer: true, client: false, auth: false },
      { name: '@hey-api/transformers', dates: true, bigInt: false },
    ],
    logs: { level: 'silent', file: false },
  });
}
