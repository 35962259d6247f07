/**
 * "Did you mean" (issue 22, item 3): a mistyped command or flag gets the closest known ones,
 * worded exactly; a word that is not quoted (it may be a secret) gets none.
 */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { closestWords, didYouMean, editDistance } from '../../../src/cli/closest-words.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import { parseCommandLine } from '../../../src/cli/parse-command-line.js';
import { runCli } from '../../../src/cli/run-cli.js';

const commands = buildCommands(operations, [certificateBodySource]);

function refusal(...argv: string[]): CliUsageError {
  try {
    parseCommandLine(argv, commands);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return error as CliUsageError;
  }
  throw new Error('expected a usage error');
}

describe('editDistance (optimal string alignment)', () => {
  // Textbook values: kitten/sitting is 3 (Levenshtein); a swap of neighbours is one edit; OSA
  // does not edit a substring twice, so ca → abc is 3 (unrestricted Damerau-Levenshtein: 2).
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['list', 'list', 0],
    ['lsit', 'list', 1],
    ['lst', 'list', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['certifcate', 'certificate', 1],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestWords', () => {
  it('keeps only the closest candidates within two edits, compares flags without dashes', () => {
    expect(closestWords('--filtr', ['--filter', '--select', '--timeout'])).toEqual(['--filter']);
    expect(closestWords('-filter', ['--filter'])).toEqual(['--filter']);
    expect(closestWords('gte', ['get', 'list', 'delete'])).toEqual(['get']);
    expect(closestWords('lst', ['add', 'get', 'list'])).toEqual(['list']);
    expect(closestWords('frobnicate', ['add', 'get', 'list'])).toEqual([]);
  });

  it('needs the edits to be under 60% of the longer word, so short words do not match all', () => {
    expect(closestWords('x', ['add', 'get'])).toEqual([]);
    expect(closestWords('ad', ['add'])).toEqual(['add']);
    expect(closestWords('ab', ['add'])).toEqual([]);
    expect(closestWords('ls', ['list'])).toEqual(['list']);
    expect(closestWords('xy', ['add'])).toEqual([]);
  });

  it('falls back to candidates the word begins, from three characters', () => {
    expect(closestWords('--password', ['--password-env', '--format'])).toEqual(['--password-env']);
    expect(closestWords('del', ['delete', 'get'])).toEqual(['delete']);
    expect(closestWords('--max', ['--max-results', '--max-retries'])).toEqual([
      '--max-results',
      '--max-retries',
    ]);
    expect(closestWords('de', ['delete'])).toEqual([]);
  });

  it('words one suggestion, two, or three', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['--filter'])).toBe("Did you mean '--filter'?");
    expect(didYouMean(['a', 'b'])).toBe("Did you mean 'a' or 'b'?");
    expect(didYouMean(['a', 'b', 'c'])).toBe("Did you mean 'a', 'b' or 'c'?");
  });
});

describe('refusals of the command line suggest the closest command or flag', () => {
  const LIST_HELP = 'batch-rest certificate list --help';
  it.each([
    [['certificate', 'list', '--filtr', 'x'], "unknown option '--filtr'", ['--filter'], LIST_HELP],
    [['certificate', 'list', '--filtr=x'], "unknown option '--filtr'", ['--filter'], LIST_HELP],
    [['certificate', 'list', '-filter', 'x'], "unknown option '-filter'", ['--filter'], LIST_HELP],
    [['certificate', 'list', '--jsn'], "unknown option '--jsn'", ['--json'], LIST_HELP],
    [['certificate', 'list', '--verbos'], "unknown option '--verbos'", ['--verbose'], LIST_HELP],
    [
      ['certificate', 'list', '--max', '3'],
      "unknown option '--max'",
      ['--max-results', '--max-retries'],
      LIST_HELP,
    ],
    [
      ['certificate', 'get', 'sha1', 'ab', '--selcet', 'x'],
      "unknown option '--selcet'",
      ['--select'],
      'batch-rest certificate get --help',
    ],
    [
      ['certificate', 'add', '--password', 'x'],
      "unknown option '--password'",
      ['--password-env'],
      'batch-rest certificate add --help',
    ],
    [
      ['certificate', 'add', '--body-fil', 'b.json'],
      "unknown option '--body-fil'",
      ['--body-file'],
      'batch-rest certificate add --help',
    ],
    [
      ['emulator', '--prot', '1'],
      "unknown option '--prot'",
      ['--port'],
      'batch-rest emulator --help',
    ],
    [
      ['emulator', '--account-key', 'K'],
      "unknown option '--account-key'",
      ['--account-key-env'],
      'batch-rest emulator --help',
    ],
    [
      ['certificate', 'migrate-plan', '--secret', 's.json'],
      "unknown option '--secret'",
      ['--secrets'],
      'batch-rest certificate migrate-plan --help',
    ],
    [
      ['certificate', 'lst'],
      "unknown command 'certificate lst' (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
      ['certificate list'],
      'batch-rest certificate --help',
    ],
    [
      ['certificate', 'del', 'sha1', 'ab'],
      "unknown command 'certificate del' (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
      ['certificate delete'],
      'batch-rest certificate --help',
    ],
    [
      ['help', 'certificate', 'lst'],
      "unknown command 'certificate lst' (certificate commands: add, cancel-deletion, delete, get, list, migrate-plan)",
      ['certificate list'],
      'batch-rest certificate --help',
    ],
    [
      ['certifcate'],
      "unknown command 'certifcate' (commands: certificate, emulator)",
      ['certificate'],
      'batch-rest --help',
    ],
    [
      ['certifcate', 'list'],
      "unknown command 'certifcate' (commands: certificate, emulator)",
      ['certificate list'],
      'batch-rest --help',
    ],
    [
      ['certifcate', 'lst'],
      "unknown command 'certifcate' (commands: certificate, emulator)",
      ['certificate list'],
      'batch-rest --help',
    ],
    [
      ['certifcate', 'frobnicate'],
      "unknown command 'certifcate' (commands: certificate, emulator)",
      ['certificate'],
      'batch-rest --help',
    ],
    [
      ['list'],
      "unknown command 'list' (commands: certificate, emulator)",
      ['certificate list'],
      'batch-rest --help',
    ],
    [
      ['emultor'],
      "unknown command 'emultor' (commands: certificate, emulator)",
      ['emulator'],
      'batch-rest --help',
    ],
    [
      ['hlep'],
      "unknown command 'hlep' (commands: certificate, emulator)",
      ['help'],
      'batch-rest --help',
    ],
  ])('%j', (argv, message, suggestions, help) => {
    const error = refusal(...argv);
    expect(error.message).toBe(message);
    expect(error.suggestions).toEqual(suggestions);
    expect(error.helpCommand).toBe(help);
  });

  it.each([
    [['certificate', 'list', '--nope'], "unknown option '--nope'"],
    [['certificate', 'frobnicate'], /^unknown command 'certificate frobnicate' /],
    [['pool', 'list'], "unknown command 'pool' (commands: certificate, emulator)"],
    // Not quoted, so no clue either: a word that is not written like a flag or command.
    [
      ['certificate', 'list', '--Filtr'],
      'unknown option (not shown: it is not written like an option name)',
    ],
    [['certificate', 'lsT'], /^unknown command 'certificate …' \(not shown/],
    [['Certifcate', 'list'], /^unknown command \(not shown/],
  ])('no suggestion for %j', (argv, message) => {
    const error = refusal(...argv);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.suggestions).toEqual([]);
  });
});

describe('what the user sees', () => {
  async function run(...argv: string[]) {
    let stderr = '';
    const io = {
      env: {},
      stdout: () => {
        throw new Error('nothing on stdout expected');
      },
      stderr: (text: string) => {
        stderr += text;
      },
    } as unknown as CliIo;
    const exitCode = await runCli(argv, io);
    return { exitCode, stderr };
  }

  it('prints the suggestion on its own line, between the error and the help pointer', async () => {
    expect(await run('certificate', 'list', '--filtr', "state eq 'active'")).toEqual({
      exitCode: 2,
      stderr:
        "error: unknown option '--filtr'\nDid you mean '--filter'?\n" +
        "Run 'batch-rest certificate list --help' for usage.\n",
    });
    expect(await run('certifcate', 'lst')).toEqual({
      exitCode: 2,
      stderr:
        "error: unknown command 'certifcate' (commands: certificate, emulator)\n" +
        "Did you mean 'certificate list'?\nRun 'batch-rest --help' for usage.\n",
    });
  });

  it('gives the suggestions as a list in --json', async () => {
    const { exitCode, stderr } = await run('certificate', 'list', '--max', '3', '--json');
    expect(exitCode).toBe(2);
    expect(JSON.parse(stderr)).toEqual({
      error: {
        exitCode: 2,
        name: 'CliUsageError',
        message: "unknown option '--max'",
        suggestions: ['--max-results', '--max-retries'],
      },
    });
  });
});
