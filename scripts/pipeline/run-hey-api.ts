/**
 * Runs @hey-api/openapi-ts (version pinned in package.json) on an in-memory spec. Plugins: the
 * fetch client bundled in openapi-ts (`@hey-api/client-fetch`, formerly a separate package),
 * TypeScript types, SDK functions and JSON schemas.
 */
import { createClient } from '@hey-api/openapi-ts';
import type { Json } from './spec-model.ts';

export async function runHeyApi(spec: Json, outDir: string): Promise<void> {
  await createClient({
    input: spec as never,
    output: { path: outDir, clean: true },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk', '@hey-api/schemas'],
    logs: { level: 'silent', file: false },
  });
}
