/**
 * Help text, generated from the commands (and so from the spec's summaries, descriptions and
 * deprecation messages). Pure.
 */
import type { CliFlag } from './cli-flag.js';
import { type CliCommand, GLOBAL_FLAGS, groupNames, positionalName } from './command-table.js';
import { EXIT_CODES } from './exit-codes.js';
import { SERVICE_MAX_CLOCK_SKEW_IN_MINUTES } from './format-error.js';
import { commandNames } from './parse-command-line.js';
import { EMULATOR_FLAGS } from './parse-emulator-flags.js';
import {
  MIGRATE_PLAN_FLAGS,
  MIGRATE_PLAN_GROUP,
  MIGRATE_PLAN_NAME,
  MIGRATE_PLAN_SUMMARY,
} from './parse-migrate-plan-flags.js';
import { usageLine } from './parse-operation-flags.js';
import { HELP_WIDTH, twoColumns, wrapText } from './wrap-text.js';

const EXIT_CODE_TEXT: Readonly<Record<keyof typeof EXIT_CODES, string>> = {
  ok: 'success',
  unexpected: 'unexpected error',
  usage: 'usage: unknown command or flag (the closest are suggested), missing argument, no account',
  validation: 'invalid argument or body value (nothing was sent)',
  service: 'the service answered with an error, or with an unusable success',
  retired: 'the service answered CertificateRetired (certificates were retired in February 2024)',
  network: 'no answer: network error or timeout',
  certificateFile: 'the certificate file cannot be used',
};

function flagTerm(flag: CliFlag): string {
  const short = flag.name === 'help' ? '-h, ' : '';
  return `${short}--${flag.name}${flag.valueName ? ` ${flag.valueName}` : ''}`;
}

function flagRows(flags: readonly CliFlag[]): [string, string][] {
  return flags.map((flag) => {
    const notes = [
      flag.required ? 'Required.' : '',
      flag.defaultText === undefined ? '' : `(default: ${flag.defaultText})`,
    ].filter((n) => n !== '');
    return [flagTerm(flag), [flag.description, ...notes].join(' ')];
  });
}

function apiVersionOf(commands: readonly CliCommand[]): string {
  return [...new Set(commands.map((c) => c.operation.apiVersion))].join(', ');
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]!.trim();
}

/** `batch-rest --help`. */
export function globalHelp(commands: readonly CliCommand[]): string {
  const groups = groupNames(commands).map((group): [string, string] => [
    group,
    commandNames(commands, group).join(', '),
  ]);
  const exitRows = Object.entries(EXIT_CODES).map(([key, code]): [string, string] => [
    String(code),
    EXIT_CODE_TEXT[key as keyof typeof EXIT_CODES],
  ]);
  return [
    `batch-rest: command-line client for the Azure Batch REST API (${apiVersionOf(commands)})`,
    '',
    'Usage:',
    '  batch-rest <group> <command> [arguments] [flags]',
    '  batch-rest emulator [--port N] [--mode classic|retired]',
    '  batch-rest help [<group> [<command>]]',
    '',
    'Groups and commands:',
    ...twoColumns([...groups, ['emulator', 'run the Batch emulator on loopback until stopped']]),
    '',
    'Global flags:',
    ...twoColumns(flagRows(GLOBAL_FLAGS)),
    ...twoColumns([['--version', 'Print the version.']]),
    '',
    'Account:',
    ...wrapText(
      'Set BATCH_ACCOUNT_URL, BATCH_ACCOUNT_NAME and BATCH_ACCOUNT_KEY (Shared Key), or pass ' +
        '--emulator. When only the key is missing and stdin is a terminal, it is asked for ' +
        'without echo. Keys and passwords are never taken as flags. A 403 AuthenticationFailed ' +
        `answer means a wrong name or key, or a clock more than ${SERVICE_MAX_CLOCK_SKEW_IN_MINUTES} ` +
        "minutes off the service's: the error names what to check, and --verbose adds the " +
        "service's detail.",
      HELP_WIDTH,
      '  ',
    ),
    '',
    'Exit codes:',
    ...twoColumns(exitRows, 6),
    '',
  ].join('\n');
}

/** `batch-rest <group> --help`. */
export function groupHelp(commands: readonly CliCommand[], group: string): string {
  const rows = commands
    .filter((c) => c.group === group)
    .map((c): [string, string] => [
      c.name,
      `${firstLine(c.operation.summary)}${c.operation.deprecated ? ' (deprecated)' : ''}`,
    ]);
  if (group === MIGRATE_PLAN_GROUP) rows.push([MIGRATE_PLAN_NAME, MIGRATE_PLAN_SUMMARY]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    `Usage: batch-rest ${group} <command> [arguments] [flags]`,
    '',
    'Commands:',
    ...twoColumns(rows, 20),
    '',
    `Run 'batch-rest ${group} <command> --help' for a command's arguments and flags.`,
    '',
  ].join('\n');
}

/** `batch-rest <group> <command> --help`. */
export function commandHelp(command: CliCommand): string {
  const operation = command.operation;
  const lines = [`Usage: ${usageLine(command)}`, ''];
  if (operation.summary) lines.push(...wrapText(operation.summary, HELP_WIDTH), '');
  if (operation.deprecation) {
    lines.push(...wrapText(`Deprecated: ${operation.deprecation.message}`, HELP_WIDTH), '');
  }
  if (operation.description && operation.description !== operation.summary) {
    lines.push(...wrapText(operation.description, HELP_WIDTH), '');
  }
  if (command.positionals.length > 0) {
    lines.push('Arguments:');
    lines.push(
      ...twoColumns(command.positionals.map((p) => [positionalName(p), p.description ?? ''])),
      '',
    );
  }
  if (command.parameterFlags.length > 0) {
    lines.push('Flags:', ...twoColumns(flagRows(command.parameterFlags)), '');
  }
  const body = operation.body;
  if (body) {
    const what = `${body.schema ?? body.clientName}${body.required ? ', required' : ''}`;
    lines.push(`Body (${what}), one of:`);
    if (command.bodySource) lines.push(...wrapText(command.bodySource.summary, HELP_WIDTH, '  '));
    lines.push(...twoColumns(flagRows(command.bodyFlags)), '');
  }
  lines.push('Global flags:', ...twoColumns(flagRows(GLOBAL_FLAGS)), '');
  return lines.join('\n');
}

/** `batch-rest emulator --help`. */
export function emulatorHelp(): string {
  return [
    'Usage: batch-rest emulator [--port N] [--mode classic|retired]',
    '                           [--account-name NAME --account-key-env VAR]',
    '                           [--delete-delay-ms N] [--path-prefix PATH] [--json]',
    '',
    ...wrapText(
      'Runs the Batch certificates emulator on 127.0.0.1 until SIGINT or SIGTERM. Prints one ' +
        'line, "Batch emulator listening on http://127.0.0.1:PORT", then serves. Without ' +
        '--account-name it accepts the account `emulator` with the well-known key ' +
        'EMULATOR_ACCOUNT_KEY exported by batch-rest-client/testing.',
      HELP_WIDTH,
    ),
    '',
    'Flags:',
    ...twoColumns(flagRows(EMULATOR_FLAGS)),
    '',
  ].join('\n');
}

/** `batch-rest certificate migrate-plan --help`. */
export function migratePlanHelp(): string {
  const exitRows: [string, string][] = [
    [
      String(EXIT_CODES.ok),
      'the plan was printed (it may still list points that need a person), or --example wrote its files',
    ],
    [String(EXIT_CODES.unexpected), 'unexpected error'],
    [
      String(EXIT_CODES.usage),
      'missing or unknown flag, unreadable --pool/--secrets file, --password-env variable not set, --example file exists',
    ],
    [String(EXIT_CODES.validation), 'invalid JSON, pool, thumbprint, secret URL, identity or OS'],
    [String(EXIT_CODES.certificateFile), 'a --certificate-file cannot be read (wrong password, …)'],
  ];
  return [
    'Usage: batch-rest certificate migrate-plan --pool PATH --secrets PATH --identity RESOURCE_ID',
    '                                           --client-id GUID [--os linux|windows]',
    '                                           [--certificate-file PATH …] [--password-env VAR] [--json]',
    '       batch-rest certificate migrate-plan --example DIR',
    '',
    ...wrapText(
      `${MIGRATE_PLAN_SUMMARY} Batch certificates were retired on 29 February 2024; their replacement ` +
        'is the Azure Key Vault VM extension on a pool with a user-assigned managed identity, created ' +
        'through Batch management (ARM). From the pool JSON and a map of thumbprints to Key Vault ' +
        'secret URLs, this prints the ARM fragment (identity and extension) to merge into the new ' +
        'pool, where each certificate lands on the nodes, the steps, and what needs a person. With ' +
        '--certificate-file it also prints the az command that puts each local file into Key Vault; ' +
        'passwords are never printed. Nothing is sent anywhere.',
      HELP_WIDTH,
    ),
    '',
    'Try it on sample inputs (writes migration-example/pool.json and secrets.json, then prints',
    'the command that plans them):',
    '  batch-rest certificate migrate-plan --example migration-example',
    '',
    'With your own pool:',
    '  az batch pool show --pool-id render > pool.json',
    '  echo \'{"<thumbprint>": "https://contoso-kv.vault.azure.net/secrets/render-tls"}\' > secrets.json',
    '  batch-rest certificate migrate-plan --pool pool.json --secrets secrets.json \\',
    '    --identity /subscriptions/…/userAssignedIdentities/render-pool --client-id <guid>',
    '',
    'Flags:',
    ...twoColumns(flagRows(MIGRATE_PLAN_FLAGS)),
    '',
    'Exit codes:',
    ...twoColumns(exitRows, 6),
    '',
  ].join('\n');
}
