/**
 * `batch-rest certificate migrate-plan --example DIR`: the sample inputs of a migration plan,
 * shipped with the CLI so a user of the installed package can try the plan before pointing it at
 * a pool of their own. It writes a pool (a Linux pool with two certificate references, as
 * `az batch pool show` prints it) and a secrets map into a new directory, and prints the command
 * that plans them with a sample identity. It never overwrites a file.
 */
import { join } from 'node:path';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/** `--example DIR`, parsed. */
export interface MigratePlanExampleInvocation {
  readonly kind: 'migrate-plan-example';
  /** Where the sample files go (created when missing). */
  readonly directory: string;
}

/**
 * A pool as the Batch service's Pool - Get returns it: two certificate references (one for the
 * start task, one also for job tasks), an Ubuntu image, a start task that copies the certificates
 * from `$AZ_BATCH_CERTIFICATES_DIR`. Thumbprints are written the way users paste them (upper
 * case; spaced), which the plan reads like any other form.
 */
export const EXAMPLE_POOL = Object.freeze({
  id: 'render-linux',
  url: 'https://contoso.westeurope.batch.azure.com/pools/render-linux',
  eTag: '0x8DC5A1B2C3D4E5F',
  lastModified: '2023-11-02T09:15:00.000Z',
  creationTime: '2023-11-02T09:15:00.000Z',
  state: 'active',
  allocationState: 'steady',
  vmSize: 'standard_d2s_v3',
  virtualMachineConfiguration: {
    imageReference: {
      publisher: 'canonical',
      offer: '0001-com-ubuntu-server-jammy',
      sku: '22_04-lts',
      version: 'latest',
    },
    nodeAgentSKUId: 'batch.node.ubuntu 22.04',
  },
  targetDedicatedNodes: 2,
  targetLowPriorityNodes: 0,
  enableAutoScale: false,
  startTask: {
    commandLine: "/bin/bash -c 'cp $AZ_BATCH_CERTIFICATES_DIR/* /opt/render/certs/'",
    userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'admin' } },
    waitForSuccess: true,
  },
  certificateReferences: [
    {
      thumbprint: '3F1C0DE5B7E4A2F9D8C1B0A3F1C0DE5B7E4A2F9D',
      thumbprintAlgorithm: 'sha1',
      storeLocation: 'currentuser',
      storeName: 'My',
      visibility: ['starttask'],
    },
    {
      thumbprint: 'a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 a1 b2 c3 d4',
      thumbprintAlgorithm: 'sha1',
      visibility: ['starttask', 'task'],
    },
  ],
});

/** Each referenced thumbprint (any form) → the Key Vault secret URL of that certificate. */
export const EXAMPLE_SECRETS = Object.freeze({
  '3f1c0de5b7e4a2f9d8c1b0a3f1c0de5b7e4a2f9d':
    'https://contoso-render-kv.vault.azure.net/secrets/render-tls',
  'A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4':
    'https://contoso-render-kv.vault.azure.net/secrets/license-server/0f2e4d6c8b0a19283746556473829100',
});

/** The user-assigned identity the example plans for (`--identity`, `--client-id`). */
export const EXAMPLE_IDENTITY = Object.freeze({
  resourceId:
    '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/render-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/render-pool-identity',
  clientId: '6e2f1a4b-3c5d-4e7f-8a9b-0c1d2e3f4a5b',
});

/** A word as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Writes the sample pool and secrets into `invocation.directory`; prints what to run next. */
export async function runMigratePlanExample(
  invocation: MigratePlanExampleInvocation,
  io: CliIo,
): Promise<ExitCode> {
  if (!io.writeNewFiles) throw new Error('this CLI cannot write files');
  const pool = join(invocation.directory, 'pool.json');
  const secrets = join(invocation.directory, 'secrets.json');
  const written = await io.writeNewFiles([
    { path: pool, text: `${JSON.stringify(EXAMPLE_POOL, null, 2)}\n` },
    { path: secrets, text: `${JSON.stringify(EXAMPLE_SECRETS, null, 2)}\n` },
  ]);
  if (written !== 'written') {
    throw new CliUsageError(
      `--example: ${written.exists} exists; give a new directory (the example never overwrites a file)`,
      'batch-rest certificate migrate-plan --help',
    );
  }
  io.stdout(
    [
      `Wrote the sample inputs of a migration plan:`,
      `  ${pool}     a Linux pool with two certificate references, as 'az batch pool show' prints it`,
      `  ${secrets}  each thumbprint → the Key Vault secret URL of that certificate`,
      'Plan them for a sample user-assigned identity:',
      `  batch-rest certificate migrate-plan --pool ${shellWord(pool)} --secrets ${shellWord(secrets)} \\`,
      `    --identity ${EXAMPLE_IDENTITY.resourceId} \\`,
      `    --client-id ${EXAMPLE_IDENTITY.clientId}`,
      '',
    ].join('\n'),
  );
  return EXIT_CODES.ok;
}
