/**
 * Runs one operation command: account (environment, or an in-process loopback emulator), body,
 * the client call through the generated client, then the output. Deprecation warnings go to
 * stderr, once per operation.
 */
import { BatchSharedKeyCredential } from '../auth/batch-shared-key-credential.js';
import { createBatchClient } from '../client/batch-client.js';
import type { BatchClientOptions } from '../client/client-options.js';
import type { GeneratedModule } from '../client/generated-module.js';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from '../emulator/constants.js';
import { type RunningBatchEmulator, startBatchEmulator } from '../emulator/http-server.js';
import { collectionSegments } from '../table/collection-segments.js';
import { isBase64 } from '../util/base64.js';
import {
  type AccountSettings,
  accountFromEnvironment,
  accountKeyRule,
} from './account-settings.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatResult } from './format-result.js';
import type { OperationInvocation } from './parse-operation-flags.js';
import { readBody } from './read-body.js';

type Method = (...args: unknown[]) => unknown;

/** The text of a deprecation warning on stderr. */
export function deprecationLine(message: string, code: string): string {
  return `DeprecationWarning [${code}]: ${message}\n`;
}

async function resolveAccount(
  io: CliIo,
  generated: GeneratedModule,
): Promise<AccountSettings & { key: string }> {
  const collections = collectionSegments(generated.operations);
  const settings = accountFromEnvironment(io.env, io.stdinIsTTY, collections);
  if (settings.key !== undefined) return { ...settings, key: settings.key };
  const key = await io.promptSecret(`Key of Batch account ${settings.name}: `);
  if (!isBase64(key)) throw new CliUsageError(accountKeyRule('the key typed at the prompt'));
  return { ...settings, key };
}

function credentialFor(name: string, key: string): BatchSharedKeyCredential {
  try {
    return new BatchSharedKeyCredential(name, key);
  } catch (error) {
    throw new CliUsageError(`the account settings are not usable: ${(error as Error).message}`);
  }
}

function clientFor(
  generated: GeneratedModule,
  url: string,
  credential: BatchSharedKeyCredential,
  options: BatchClientOptions,
): Record<string, Record<string, Method>> {
  try {
    return createBatchClient(generated, url, credential, options);
  } catch (error) {
    throw new CliUsageError(`BATCH_ACCOUNT_URL is not usable: ${(error as Error).message}`);
  }
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Runs `invocation` against the account or emulator; resolves with the exit code. */
export async function runOperation(
  invocation: OperationInvocation,
  io: CliIo,
  generated: GeneratedModule,
): Promise<ExitCode> {
  const { command } = invocation;
  const operation = command.operation;
  const account = invocation.emulator ? undefined : await resolveAccount(io, generated);
  const body = await readBody(invocation.body, io);
  let emulator: RunningBatchEmulator | undefined;
  try {
    if (invocation.emulator) emulator = await startBatchEmulator({ mode: invocation.emulator });
    const url = emulator?.url ?? account!.url;
    const credential = emulator
      ? credentialFor(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY)
      : credentialFor(account!.name, account!.key);
    const client = clientFor(generated, url, credential, {
      allowInsecureConnection: emulator !== undefined || account!.allowInsecureConnection,
      deprecationWarnings: io.noDeprecation ? 'off' : 'once',
      onWarning: (message, code) => io.stderr(deprecationLine(message, code)),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(invocation.maxRetries === undefined
        ? {}
        : { retry: { maxRetries: invocation.maxRetries } }),
    });
    const method = client[operation.group]?.[operation.method];
    if (typeof method !== 'function') throw new Error(`the client has no ${operation.operationId}`);
    const args = [
      ...command.positionals.map((p) => invocation.path[p.clientName]),
      ...(operation.body ? [body] : []),
      invocation.options,
    ];
    const returned = method(...args);
    if (operation.pageable) {
      const items = await collect(returned as AsyncIterable<unknown>);
      io.stdout(formatResult(command, items, invocation.json));
    } else if (operation.responseBody === 'binary') {
      const download = (await returned) as { blob(): Promise<Blob> };
      io.stdoutBytes(new Uint8Array(await (await download.blob()).arrayBuffer()));
    } else {
      io.stdout(formatResult(command, await returned, invocation.json));
    }
    return EXIT_CODES.ok;
  } finally {
    await emulator?.close();
  }
}
