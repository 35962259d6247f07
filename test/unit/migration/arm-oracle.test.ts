/**
 * The plan's ARM fragment against the management-plane SDK as an independent oracle
 * (`@azure/arm-batch`, a devDependency only):
 *
 * 1. types: the golden fragments, written as literals into a `.ts` file, are assigned to the SDK's
 *    `Pool`, `BatchPoolIdentity` and `VMExtension` and compiled with `tsc --strict --noEmit`
 *    (literals get excess-property checks, so a misspelt property fails); the file also pins our
 *    list of ARM pool properties to the SDK's `Pool`, and proves the check has teeth with
 *    `@ts-expect-error` on wrong fragments;
 * 2. wire: the SDK's own serializer turns `Pool` into the REST body of Pool - Create, which must
 *    hold our fragment at the same places (`identity`, `properties.deploymentConfiguration…`).
 *
 * The same file checks that the data-plane pool properties we accept include every property of
 * the Batch service SDK's `CloudPool` (`@azure/batch` 10.2.0, API 2022-10-01.16.0).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BatchManagementClient, type Pool } from '@azure/arm-batch';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ArmPoolFragment, planKeyVaultMigration } from '../../../src/migration/index.js';
import {
  ARM_POOL_PROPERTIES,
  BATCH_POOL_PROPERTIES,
} from '../../../src/migration/pool-properties.js';
import { fixture, IDENTITY } from './support.js';

const ROOT = join(import.meta.dirname, '../../..');
const SCRATCH = join(ROOT, '.tmp', 'migration-arm-oracle');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Properties of ARM pools newer than the SDK's API version (2023-11-01). */
const NEWER_THAN_SDK = new Set(['upgradePolicy']);

const IMAGES = {
  linux: `imageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' }, nodeAgentSkuId: 'batch.node.ubuntu 22.04'`,
  windows: `imageReference: { publisher: 'microsoftwindowsserver', offer: 'windowsserver', sku: '2022-datacenter', version: 'latest' }, nodeAgentSkuId: 'batch.node.windows amd64'`,
};

function fragmentOf(pool: string, secrets: string): ArmPoolFragment {
  return planKeyVaultMigration({
    pool: fixture(pool),
    secretUrls: fixture(secrets) as Record<string, string>,
    identity: IDENTITY,
  }).armPoolFragment;
}

const fragments = {
  linux: fragmentOf('linux-pool.json', 'linux-secrets.json'),
  windows: fragmentOf('windows-pool-arm.json', 'windows-secrets.json'),
};

function literalChecks(name: 'linux' | 'windows', fragment: ArmPoolFragment): string[] {
  const identity = JSON.stringify(fragment.identity);
  const extensions = JSON.stringify(
    fragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions,
  );
  const [extension] =
    fragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions;
  return [
    `export const ${name}Pool: Pool = { identity: ${identity}, vmSize: 'standard_d2s_v3', deploymentConfiguration: { virtualMachineConfiguration: { ${IMAGES[name]}, extensions: ${extensions} } } };`,
    `export const ${name}Identity: BatchPoolIdentity = ${identity};`,
    `export const ${name}Extension: VMExtension = ${JSON.stringify(extension)};`,
  ];
}

function checkFile(): string {
  const ours = [...ARM_POOL_PROPERTIES].filter((p) => !NEWER_THAN_SDK.has(p));
  return [
    '// Written by test/unit/migration/arm-oracle.test.ts; compiled with tsc --strict --noEmit.',
    "import type { BatchPoolIdentity, Pool, ProxyResource, VirtualMachineConfiguration, VMExtension } from '@azure/arm-batch';",
    "import type { CloudPool } from '@azure/batch';",
    "import type { ArmPoolFragment, KeyVaultExtension } from '../../src/migration/index.js';",
    'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
    'type Expect<T extends true> = T;',
    '',
    '// The golden fragments as literals in the SDK types.',
    ...literalChecks('linux', fragments.linux),
    ...literalChecks('windows', fragments.windows),
    '',
    '// Our exported types are assignable to the SDK types.',
    'declare const fragment: ArmPoolFragment;',
    'export const identity: BatchPoolIdentity = fragment.identity;',
    'export const extension: VMExtension = {} as KeyVaultExtension;',
    'export const vm: Pick<VirtualMachineConfiguration, "extensions"> = fragment.properties.deploymentConfiguration.virtualMachineConfiguration;',
    '',
    "// The ARM pool properties we accept are the SDK Pool's (plus newer ones).",
    'type SdkPoolProperties = Exclude<keyof Pool, keyof ProxyResource | "identity">;',
    `type OurPoolProperties = ${ours.map((p) => `'${p}'`).join(' | ')};`,
    'export type PropertiesMatch = Expect<Equal<SdkPoolProperties, OurPoolProperties>>;',
    `type OurBatchPoolProperties = ${[...BATCH_POOL_PROPERTIES].map((p) => `'${p}'`).join(' | ')};`,
    'export type BatchPropertiesCovered = Expect<Equal<Exclude<keyof CloudPool, OurBatchPoolProperties>, never>>;',
    '',
    '// The oracle has teeth: wrong fragments do not compile.',
    "// @ts-expect-error nodeAgentSKUId is the Batch service's spelling; ARM's is nodeAgentSkuId",
    "export const wrongSpelling: VirtualMachineConfiguration = { imageReference: {}, nodeAgentSKUId: 'x' };",
    '// @ts-expect-error a pool identity is UserAssigned or None',
    "export const wrongIdentity: BatchPoolIdentity = { type: 'SystemAssigned' };",
    '// @ts-expect-error an extension needs a publisher',
    "export const wrongExtension: VMExtension = { name: 'kv', type: 'KeyVaultForLinux' };",
    '',
  ].join('\n');
}

beforeAll(async () => {
  await mkdir(SCRATCH, { recursive: true });
});
afterAll(async () => {
  await rm(SCRATCH, { recursive: true, force: true });
});

describe('the ARM fragment against @azure/arm-batch', () => {
  it('type-checks as Pool, BatchPoolIdentity and VMExtension (tsc --strict)', async () => {
    await writeFile(join(SCRATCH, 'check.ts'), checkFile());
    const config = {
      extends: '../../tsconfig.json',
      compilerOptions: {
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        exactOptionalPropertyTypes: true,
      },
      include: ['check.ts'],
    };
    await writeFile(join(SCRATCH, 'tsconfig.json'), JSON.stringify(config));
    const result = spawnSync(process.execPath, [TSC, '-p', join(SCRATCH, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it.each([
    'linux',
    'windows',
  ] as const)('the SDK serializes a Pool built from the %s fragment into the same REST body', async (name) => {
    const fragment = fragments[name];
    let body: unknown;
    const client = new BatchManagementClient(
      {
        getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
      },
      '00000000-1111-2222-3333-444444444444',
      {
        httpClient: {
          sendRequest: async (request) => {
            body = JSON.parse(String(request.body));
            return { status: 200, headers: request.headers, request, bodyAsText: '{}' };
          },
        },
      },
    );
    const pool: Pool = {
      identity: fragment.identity,
      deploymentConfiguration: {
        virtualMachineConfiguration: {
          imageReference: { publisher: 'p', offer: 'o', sku: 's' },
          nodeAgentSkuId: 'batch.node.any',
          extensions:
            fragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions,
        },
      },
    };
    await client.poolOperations.create('render-rg', 'contoso', 'render-new', pool);
    expect(body).toEqual({
      identity: fragment.identity,
      properties: {
        deploymentConfiguration: {
          virtualMachineConfiguration: {
            imageReference: { publisher: 'p', offer: 'o', sku: 's' },
            nodeAgentSkuId: 'batch.node.any',
            extensions:
              fragment.properties.deploymentConfiguration.virtualMachineConfiguration.extensions,
          },
        },
      },
    });
  });
});
