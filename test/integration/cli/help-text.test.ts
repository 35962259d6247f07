/** Help text is generated from the spec: summaries, descriptions, deprecations, defaults. */
import { describe, expect, it } from '@jest/globals';
import { operationDocs } from '../../../generated/operation-docs.js';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import { commandHelp, emulatorHelp, globalHelp, groupHelp } from '../../../src/cli/help-text.js';
import { HELP_WIDTH, twoColumns, wrapText } from '../../../src/cli/wrap-text.js';
import { withOperationDocs } from '../../../src/table/operation-docs.js';

const commands = buildCommands(withOperationDocs(operations, operationDocs), [
  certificateBodySource,
]);
const command = (name: string) => commands.find((c) => c.name === name)!;
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('help text', () => {
  it('global help lists the groups, the account variables and every exit code', () => {
    const help = globalHelp(commands);
    expect(help.split('\n')[0]).toBe(
      'batch-rest: command-line client for the Azure Batch REST API (2024-07-01.20.0)',
    );
    expect(help).toContain(
      '  certificate                 add, cancel-deletion, delete, get, list, migrate-plan\n',
    );
    expect(oneLine(help)).toContain(
      'Set BATCH_ACCOUNT_URL, BATCH_ACCOUNT_NAME and BATCH_ACCOUNT_KEY',
    );
    const codes = help
      .split('Exit codes:\n')[1]!
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(codes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('group help gives each command its summary and marks deprecated ones', () => {
    const help = groupHelp(commands, 'certificate');
    expect(help).toContain(
      '  get               Reads one Certificate of the Account. (deprecated)\n',
    );
    expect(help.match(/\(deprecated\)/g)).toHaveLength(5);
  });

  it('command help has usage, summary, the deprecation message, description and arguments', () => {
    const op = operationDocs.Certificate_CancelDeletion;
    const help = commandHelp(command('cancel-deletion'));
    expect(help.split('\n')[0]).toBe(
      'Usage: batch-rest certificate cancel-deletion <thumbprint-algorithm> <thumbprint> [flags]',
    );
    expect(oneLine(help)).toContain(oneLine(op.summary));
    expect(oneLine(help)).toContain(
      `Deprecated: ${operations.Certificate_CancelDeletion.deprecation.message}`,
    );
    expect(oneLine(help)).toContain(oneLine(op.description.split('\n\n')[0]!));
    expect(oneLine(help)).toContain(
      '<thumbprint> The thumbprint of the Certificate whose failed deletion is cancelled.',
    );
    expect(oneLine(help)).toContain('--timeout N The maximum time that the server can spend');
    expect(oneLine(help)).toContain('(default: 30)');
    expect(help).not.toContain('Body (');
  });

  it('no help repeats a stale deprecation notice: one deprecation note per command, said as of now', () => {
    // The published spec's description of add, list and get is only "deprecated and will be
    // removed after February, 2024"; the overlay replaces it with what the operation does.
    for (const c of commands.filter((c) => c.operation)) {
      const help = commandHelp(c);
      expect(oneLine(help)).not.toMatch(/will be removed after|Please use the Azure KeyVault/);
      expect(help.match(/deprecated/gi)).toHaveLength(2); // "Deprecated: certificate.x() is deprecated."
    }
    expect(oneLine(commandHelp(command('add')))).toContain(
      'Stores a certificate in the account: its thumbprint and thumbprint algorithm',
    );
  });

  it('command help of add lists the body ways, the certificate source first', () => {
    const help = commandHelp(command('add'));
    const body = help
      .split('Body (CertificateAddParameter, required), one of:\n')[1]!
      .split('\n\n')[0]!;
    expect(
      body
        .split('\n')
        .filter((l) => /^ {2}--[a-z-]+( \S+)? {2,}/.test(l))
        .map((l) => l.trim().split(/\s{2,}/)[0]),
    ).toEqual([
      '--file PATH',
      '--password-env VAR',
      '--format cer|pfx',
      '--expected-thumbprint HEX',
      '--body-file PATH',
      '--body -',
    ]);
  });

  it('emulator help documents the URL line and its flags', () => {
    const help = emulatorHelp();
    expect(oneLine(help)).toContain('"Batch emulator listening on http://127.0.0.1:PORT"');
    for (const flag of [
      '--port N',
      '--mode MODE',
      '--account-name NAME',
      '--account-key-env VAR',
      '--delete-delay-ms N',
      '--json',
    ]) {
      expect(help).toContain(`  ${flag}`);
    }
  });

  it('keeps every line of every help within the width, except unbreakable words', () => {
    const all = [
      globalHelp(commands),
      groupHelp(commands, 'certificate'),
      emulatorHelp(),
      ...commands.map(commandHelp),
    ];
    for (const line of all.join('\n').split('\n')) {
      if (line.length > HELP_WIDTH) expect(line.trim()).not.toContain(' ');
    }
  });
});

describe('wrapText and twoColumns', () => {
  it('wraps at word boundaries and keeps paragraphs', () => {
    expect(wrapText('aaa bbb ccc\n\nddd', 7, '  ')).toEqual([
      '  aaa',
      '  bbb',
      '  ccc',
      '',
      '  ddd',
    ]);
  });

  it('puts a long term on its own line', () => {
    expect(
      twoColumns(
        [
          ['--short', 'text'],
          ['--a-very-long-flag-name VALUE', 'more'],
        ],
        12,
        40,
      ),
    ).toEqual(['  --short   text', '  --a-very-long-flag-name VALUE', '            more']);
  });
});
