/**
 * Runs one operation command: account (environment, or an in-process loopback emulator), body,
 * the client call through the generated client, then the output. Deprecation warnings go to
 * stderr, once per operation.
 */

import { BATCH_ACCOUNT_NAME_RULE, isBatchAccountName } from '../auth/batch-account-name.js';
import { BatchSharedKeyCredential } from '../auth/batch-shared-key-credential.js';
import { createBatchClient } from '../client/batch-client.js';
import type { GeneratedModule } from '../client/generated-module.js';
import { EMULATOR_ACCOUNT_KEY, EMULATOR_ACCOUNT_NAME } from '../emulator/constants.js';
import { type RunningBatchEmulator, startBatchEmulator } from '../emulator/http-server.js';
import { collectionSegments } from '../table/collection-segments.js';
import { isBase64 } from '../util/base64.js';
import {
  type AccountSettings,
  accountFromEnvironment,
  accountKeyRule,
  accountSource,
  PROMPTED_KEY,
} from './account-settings.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { formatResult } from './format-result.js';
import type { OperationInvocation } from './parse-operation-flags.js';
import { readBody } from './read-body.js';

type Method = (...args: unknown[]) => unknown;

/**
 * A deprecation warning on stderr: a line of text, or with `--json` one line of JSON
 * (`{"warning": {"code", "message"}}`), so that under `--json` every line a command writes to
 * stderr parses, a warning before an error's object included.
 */
export function deprecationLine(message: string, code: string, json = false): string {
  if (json) return `${JSON.stringify({ warning: { code, message } })}\n`;
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
  if (!isBase64(key)) throw new CliUsageError(accountKeyRule(PROMPTED_KEY));
  return { ...settings, key };
}

/**
 * The credential. The name and key were checked against the credential's own rules (same
 * functions), so its refusal, which names the library's parameters, is reworded for where they
 * came from should the rules ever part.
 */
function credentialFor(
  name: string,
  key: string,
  source: { readonly name: string; readonly key: string },
): BatchSharedKeyCredential {
  try {
    return new BatchSharedKeyCredential(name, key);
  } catch {
    throw new CliUsageError(
      isBatchAccountName(name)
        ? accountKeyRule(source.key)
        : `${source.name} must be a Batch account name, ${BATCH_ACCOUNT_NAME_RULE} (the value is not shown)`,
    );
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
      ? new BatchSharedKeyCredential(EMULATOR_ACCOUNT_NAME, EMULATOR_ACCOUNT_KEY)
      : credentialFor(account!.name, account!.key, accountSource(io.env));
    // The URL and every option were checked in the CLI's words before: no refusal is expected.
    const client = createBatchClient(generated, url, credential, {
      allowInsecureConnection: emulator !== undefined || account!.allowInsecureConnection,
      deprecationWarnings: io.noDeprecation ? 'off' : 'once',
      onWarning: (message, code) => io.stderr(deprecationLine(message, code, invocation.json)),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(invocation.maxRetries === undefined
        ? {}
        : { retry: { maxRetries: invocation.maxRetries } }),
    }) as Record<string, Record<string, Method>>;
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
