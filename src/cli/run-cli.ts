/**
 * The CLI from arguments to exit code, with all I/O injected ({@link CliIo}): parse, then show
 * help, run the emulator, or run an operation; every error becomes a message on stderr and a
 * documented exit code.
 */
import { operationDocs } from '../../generated/operation-docs.js';
import type { GeneratedModule } from '../client/generated-module.js';
import { shippedModule } from '../client/shipped-module.js';
import { withOperationDocs } from '../table/operation-docs.js';
import { VERSION } from '../version.js';
import { accountSource } from './account-settings.js';
import { certificateBodySource } from './certificate-body-source.js';
import type { CliIo } from './cli-io.js';
import { bodyFlagOf } from './cli-names.js';
import { buildCommands, type CliCommand } from './command-table.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { describeError, type ErrorContext } from './format-error.js';
import { commandHelp, emulatorHelp, globalHelp, groupHelp, migratePlanHelp } from './help-text.js';
import { runMigratePlanExample } from './migrate-plan-example.js';
import { type HelpTopic, parseCommandLine } from './parse-command-line.js';
import type { OperationInvocation } from './parse-operation-flags.js';
import { runEmulatorCommand } from './run-emulator-command.js';
import { runMigratePlan } from './run-migrate-plan.js';
import { runOperation } from './run-operation.js';

/** The generated certificates module the shipped CLI is built from. */
export const CERTIFICATES_MODULE: GeneratedModule = { ...shippedModule, operationDocs };

/** The help text for `topic`. */
export function helpFor(topic: HelpTopic, commands: readonly CliCommand[]): string {
  switch (topic.kind) {
    case 'global':
      return globalHelp(commands);
    case 'group':
      return groupHelp(commands, topic.group);
    case 'command':
      return commandHelp(topic.command);
    case 'emulator':
      return emulatorHelp();
    case 'migrate-plan':
      return migratePlanHelp();
  }
}

/** How an operation's errors are worded: its flags, its body flag, where its account came from. */
function operationContext(invocation: OperationInvocation, io: CliIo): ErrorContext {
  const bodyFlag = bodyFlagOf(invocation.body);
  return {
    json: invocation.json,
    verbose: invocation.verbose,
    command: invocation.command,
    ...(bodyFlag === undefined ? {} : { bodyFlag }),
    ...(invocation.emulator ? {} : { account: accountSource(io.env) }),
  };
}

/**
 * Runs `batch-rest` with `argv` (without the node and script paths).
 *
 * @returns the exit code (see {@link EXIT_CODES})
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  generated: GeneratedModule = CERTIFICATES_MODULE,
): Promise<ExitCode> {
  let context: ErrorContext = { json: argv.includes('--json') };
  try {
    const table = withOperationDocs(generated.operations, generated.operationDocs);
    const commands = buildCommands(table, [certificateBodySource]);
    const parsed = parseCommandLine(argv, commands);
    if (parsed.kind === 'operation') context = operationContext(parsed, io);
    switch (parsed.kind) {
      case 'help':
        io.stdout(helpFor(parsed.topic, commands));
        return EXIT_CODES.ok;
      case 'version':
        io.stdout(`batch-rest ${VERSION}\n`);
        return EXIT_CODES.ok;
      case 'emulator':
        return await runEmulatorCommand(parsed, io);
      case 'migrate-plan':
        return await runMigratePlan(parsed, io);
      case 'migrate-plan-example':
        return await runMigratePlanExample(parsed, io);
      case 'operation':
        return await runOperation(parsed, io, generated);
    }
  } catch (error) {
    const described = describeError(error, context);
    io.stderr(described.text);
    return described.exitCode;
  }
}
