/** Shared inputs of the migration tests: the fixture pools, maps and identity. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchValidationError, type BatchValidationIssue } from '../../../src/errors/index.js';
import type { KeyVaultMigrationInput } from '../../../src/migration/index.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A fixture file, parsed. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** A fixture file as text. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export const IDENTITY = Object.freeze({
  resourceId:
    '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/render-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/render-pool-identity',
  clientId: '6e2f1a4b-3c5d-4e7f-8a9b-0c1d2e3f4a5b',
});

/** Secrets planted in the fixture pools (passwords, protected settings): never in any output. */
export const FIXTURE_SECRETS: readonly string[] = [
  'fixture-secret-db-7Yq2',
  'fixture-secret-user-3Kd9',
  'fixture-secret-workspace-9Pz4',
];

export const TP_A = '3f1c0de5b7e4a2f9d8c1b0a3f1c0de5b7e4a2f9d';
export const TP_B = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';
export const URL_A = 'https://contoso-kv.vault.azure.net/secrets/app-tls';
export const URL_B = 'https://contoso-kv.vault.azure.net/secrets/partner-root';

/** A small data-plane pool; `overrides` replace top-level properties. */
export function batchPool(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'pool-1',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'canonical', offer: 'ubuntu', sku: '22_04-lts' },
      nodeAgentSKUId: 'batch.node.ubuntu 22.04',
    },
    certificateReferences: [{ thumbprint: TP_A, thumbprintAlgorithm: 'sha1' }],
    ...overrides,
  };
}

/** The same pool on Windows. */
export function windowsPool(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return batchPool({
    virtualMachineConfiguration: {
      imageReference: {
        publisher: 'microsoftwindowsserver',
        offer: 'windowsserver',
        sku: '2022-datacenter',
      },
      nodeAgentSKUId: 'batch.node.windows amd64',
    },
    ...overrides,
  });
}

/** An input with defaults for everything not given. */
export function input(overrides: Partial<Record<keyof KeyVaultMigrationInput, unknown>> = {}) {
  return {
    pool: batchPool(),
    secretUrls: { [TP_A]: URL_A },
    identity: IDENTITY,
    ...overrides,
  } as KeyVaultMigrationInput;
}

/** The issues of the `BatchValidationError` that `run` throws. */
export function issuesOf(run: () => unknown): BatchValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BatchValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a BatchValidationError');
}
