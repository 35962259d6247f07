/**
 * `batch-rest emulator`: the loopback emulator as a process. Prints one parseable line with the
 * URL on stdout, notes on stderr, and serves until SIGINT/SIGTERM, then closes cleanly.
 */
import { DEFAULT_DELETE_DELAY_IN_MS, EMULATOR_ACCOUNT_NAME } from '../emulator/constants.js';
import { startBatchEmulator } from '../emulator/http-server.js';
import { isBase64 } from '../util/base64.js';
import { accountKeyRule } from './account-settings.js';
import type { CliIo } from './cli-io.js';
import { CliUsageError } from './cli-usage-error.js';
import { readVariableFlag } from './environment-variable-flag.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import type { EmulatorInvocation } from './parse-emulator-flags.js';

/** The stdout line of a started emulator (`--json`: one JSON object instead). */
export function listeningLine(
  url: string,
  accountName: string,
  mode: string,
  json: boolean,
): string {
  return json
    ? `${JSON.stringify({ url, accountName, mode })}\n`
    : `Batch emulator listening on ${url}\n`;
}

/** A port the system refuses to listen on, in the flag's words (node's names `listen`). */
function portRefusal(error: unknown, port: number, help: string): CliUsageError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'EADDRINUSE'
      ? 'is in use'
      : code === 'EACCES'
        ? 'may not be opened by this user'
        : undefined;
  if (why === undefined) return undefined;
  return new CliUsageError(
    `--port ${port}: the port ${why} (${code}); give another, or 0 for any free port`,
    help,
  );
}

/** Runs the emulator until the process is asked to stop. */
export async function runEmulatorCommand(
  invocation: EmulatorInvocation,
  io: CliIo,
): Promise<ExitCode> {
  const help = 'batch-rest emulator --help';
  let accounts: { name: string; key: string }[] | undefined;
  if (invocation.account) {
    const { name, keyEnv } = invocation.account;
    const key = readVariableFlag('--account-key-env', keyEnv, io.env, help, {
      blankIsUnset: true,
    }).trim();
    // Checked here, so the refusal names the variable, not the emulator's `accounts[].key`.
    if (!isBase64(key)) {
      throw new CliUsageError(
        accountKeyRule(`--account-key-env ${keyEnv}: the variable ${keyEnv}`),
        help,
      );
    }
    accounts = [{ name, key }];
  }
  const deleteDelayInMs = invocation.deleteDelayInMs ?? DEFAULT_DELETE_DELAY_IN_MS;
  let running: Awaited<ReturnType<typeof startBatchEmulator>>;
  try {
    running = await startBatchEmulator({
      port: invocation.port,
      mode: invocation.mode,
      deleteDelayInMs,
      ...(accounts ? { accounts } : {}),
      ...(invocation.pathPrefix === undefined ? {} : { pathPrefix: invocation.pathPrefix }),
    });
  } catch (error) {
    throw portRefusal(error, invocation.port, help) ?? error;
  }
  const accountName = invocation.account?.name ?? EMULATOR_ACCOUNT_NAME;
  io.stdout(listeningLine(running.url, accountName, invocation.mode, invocation.json));
  const key = invocation.account
    ? `key from $${invocation.account.keyEnv}`
    : "the well-known key EMULATOR_ACCOUNT_KEY of 'batch-rest-client/testing'";
  io.stderr(
    `account: ${accountName} (${key}); mode: ${invocation.mode}; a deletion takes ${deleteDelayInMs} ms. ` +
      'Stop with Ctrl-C (SIGINT) or SIGTERM.\n',
  );
  const signal = await io.waitForStop();
  await running.close();
  io.stderr(`Batch emulator stopped (${signal}).\n`);
  return EXIT_CODES.ok;
}
