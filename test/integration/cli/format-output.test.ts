/** Human and JSON output of results, and errors mapped to messages and exit codes. */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { CertificateFileError } from '../../../src/certificate-file/certificate-file-error.js';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { CliUsageError } from '../../../src/cli/cli-usage-error.js';
import { buildCommands } from '../../../src/cli/command-table.js';
import { EXIT_CODES } from '../../../src/cli/exit-codes.js';
import { describeError } from '../../../src/cli/format-error.js';
import {
  flatten,
  formatKeyValues,
  formatResult,
  formatTable,
  MAX_HUMAN_VALUE,
  MAX_TABLE_WIDTH,
} from '../../../src/cli/format-result.js';
import { runCli } from '../../../src/cli/run-cli.js';
import {
  BatchNetworkError,
  BatchServiceError,
  BatchTimeoutError,
  BatchValidationError,
} from '../../../src/errors/index.js';
import {
  EMULATOR_ACCOUNT_KEY,
  EMULATOR_ACCOUNT_NAME,
  startBatchEmulator,
} from '../../../src/testing/index.js';

const commands = buildCommands(operations);
const command = (name: string) => commands.find((c) => c.name === name)!;
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('formatResult', () => {
  it('prints a list as a table of short scalar columns plus a count', () => {
    const items = [
      {
        'odata.type': 'x',
        thumbprint: A,
        thumbprintAlgorithm: 'sha1',
        url: `https://example.test/${'u'.repeat(60)}`,
        state: 'active',
      },
      {
        thumbprint: B,
        thumbprintAlgorithm: 'sha1',
        state: 'deletefailed',
        deleteCertificateError: { code: 'X' },
      },
    ];
    expect(formatResult(command('list'), items, false)).toBe(
      [
        `thumbprint${' '.repeat(32)}thumbprintAlgorithm  state`,
        `${A}  sha1                 active`,
        `${B}  sha1                 deletefailed`,
        '(2 items)',
        '',
      ].join('\n'),
    );
    expect(formatResult(command('list'), [], false)).toBe('certificate list: 0 items\n');
  });

  it('prints an object as key: value lines, cutting long values and skipping odata keys', () => {
    const text = formatResult(
      command('get'),
      {
        'odata.metadata': 'm',
        thumbprint: A,
        state: 'deletefailed',
        publicData: 'x'.repeat(200),
        deleteCertificateError: {
          code: 'CertificateInUse',
          values: [{ name: 'Pool', value: 'p1' }],
        },
      },
      false,
    );
    const line = (key: string, value: string) => `${key}:`.padEnd(40) + value;
    expect(text).toBe(
      [
        line('thumbprint', A),
        line('state', 'deletefailed'),
        line('publicData', `${'x'.repeat(79)}… (200 characters; --json shows all)`),
        line('deleteCertificateError.code', 'CertificateInUse'),
        line('deleteCertificateError.values[0].name', 'Pool'),
        line('deleteCertificateError.values[0].value', 'p1'),
        '',
      ].join('\n'),
    );
  });

  it('prints a done line and the response headers for operations without a body', () => {
    const text = formatResult(
      command('delete'),
      { requestId: 'r-1', lastModified: new Date(Date.UTC(2024, 0, 2)) },
      false,
    );
    expect(text).toBe(
      'certificate delete: done\nrequestId:    r-1\nlastModified: 2024-01-02T00:00:00.000Z\n',
    );
    expect(formatResult(command('delete'), {}, false)).toBe('certificate delete: done\n');
  });

  it('prints one JSON document with --json', () => {
    const text = formatResult(
      command('delete'),
      { lastModified: new Date(Date.UTC(2024, 0, 2)) },
      true,
    );
    expect(JSON.parse(text)).toEqual({ lastModified: '2024-01-02T00:00:00.000Z' });
    expect(formatResult(command('list'), [], true)).toBe('[]\n');
  });

  it('flattens nested values and formats tables and key-values on their own', () => {
    expect(flatten({ a: { b: [1, { c: null }] }, d: [] })).toEqual([
      ['a.b[0]', 1],
      ['a.b[1].c', null],
      ['d', '(none)'],
    ]);
    expect(formatKeyValues({ a: 1, bb: true })).toBe('a:  1\nbb: true');
    expect(formatTable([{ a: 1 }, { b: 'x' }])).toBe('a  b\n1\n   x');
  });

  it('prints an Invalid Date as such instead of throwing from toISOString', () => {
    expect(formatKeyValues({ at: new Date('nonsense') })).toBe('at: Invalid Date');
    expect(formatTable([{ at: new Date('nonsense') }])).toBe('at\nInvalid Date');
  });
});

describe('describeError', () => {
  const service = (code: string, statusCode: number) =>
    new BatchServiceError({
      statusCode,
      code,
      message: 'The specified certificate does not exist.',
      serviceMessage:
        "The 'Azure Batch Certificates' feature was retired on 02/29/2024.\nRequestId:r\nTime:t",
      values: [{ key: 'Reason', value: 'why' }],
      requestId: '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0',
      operation: 'certificate.get',
      request: { method: 'GET', url: 'https://acct.test/certificates?api-version=1' },
      // The client sets it from the table when the answer's code is the retirement code.
      retirementMessage:
        code === 'CertificateRetired'
          ? operations.Certificate_Get.deprecation.retirement.message
          : undefined,
    });

  it('maps each error class to its exit code', () => {
    expect(describeError(new CliUsageError('bad', 'batch-rest x --help'), { json: false })).toEqual(
      {
        exitCode: EXIT_CODES.usage,
        text: "error: bad\nRun 'batch-rest x --help' for usage.\n",
      },
    );
    const validation = new BatchValidationError([
      { path: '--timeout', rule: 'type', message: 'must be an integer' },
    ]);
    expect(describeError(validation, { json: false })).toEqual({
      exitCode: 3,
      text: 'error: invalid arguments (1 issue):\n- --timeout: must be an integer [type]\n',
    });
    expect(describeError(service('CertificateNotFound', 404), { json: false })).toEqual({
      exitCode: 4,
      text:
        'error: The specified certificate does not exist.\n  status: 404 CertificateNotFound\n' +
        '  Reason: why\n  request id: 9c4d50ee-2d56-4cd3-8152-34347dc9f2b0\n',
    });
    const retired = describeError(service('CertificateRetired', 400), { json: false });
    expect(retired.exitCode).toBe(5);
    expect(retired.text).toContain(
      "error: Certificate operation 'certificate.get' failed: Azure Batch certificates were retired",
    );
    expect(retired.text).toContain(
      "\n  status: 400 CertificateRetired\n  service message: The 'Azure Batch Certificates' feature was retired on 02/29/2024.\n",
    );
    expect(describeError(new BatchTimeoutError({ timeoutInMs: 5 }), { json: false }).exitCode).toBe(
      6,
    );
    expect(describeError(new BatchNetworkError({}), { json: false }).exitCode).toBe(6);
    const abort = Object.assign(new Error('cancelled at the prompt'), { name: 'AbortError' });
    expect(describeError(abort, { json: false }).exitCode).toBe(6);
    expect(
      describeError(new CertificateFileError('PASSWORD_REQUIRED', 'needs a password'), {
        json: false,
      }),
    ).toEqual({
      exitCode: 7,
      text:
        'error: needs a password [PASSWORD_REQUIRED]\nThe file is password-protected: pass ' +
        '--password-env VAR (the variable holds the password), or run in a terminal to be asked for it.\n',
    });
    expect(describeError(new Error('boom'), { json: false })).toEqual({
      exitCode: 1,
      text: 'error: boom\n',
    });
  });

  it('prints one JSON object with --json, without the request', () => {
    const parsed = JSON.parse(
      describeError(service('CertificateNotFound', 404), { json: true }).text,
    ) as {
      error: Record<string, unknown>;
    };
    expect(parsed.error).toMatchObject({
      exitCode: 4,
      name: 'BatchServiceError',
      code: 'CertificateNotFound',
      statusCode: 404,
      retired: false,
    });
    expect(parsed.error).not.toHaveProperty('request');
    const file = JSON.parse(
      describeError(new CertificateFileError('WRONG_PASSWORD', 'wrong'), { json: true }).text,
    ) as { error: Record<string, unknown> };
    expect(file).toEqual({
      error: {
        exitCode: 7,
        name: 'CertificateFileError',
        message: 'wrong',
        code: 'WRONG_PASSWORD',
      },
    });
  });
});

describe('identifiers are printed whole (issue 22: the thumbprint was cut to a9520b9…)', () => {
  const TP = 'a9520b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f50';
  const URL_ = `https://myaccount.westeurope.batch.azure.com/certificates(thumbprintAlgorithm=sha1,thumbprint=${TP})`;
  const DATA = 'QUJD'.repeat(300);

  it('cuts only base64 data in key: value lines; URLs and messages stay whole', () => {
    const message = `The certificate is in use by pool ${'p'.repeat(60)} and cannot be deleted now.`;
    expect(URL_.length).toBeGreaterThan(MAX_HUMAN_VALUE);
    expect(message.length).toBeGreaterThan(MAX_HUMAN_VALUE);
    expect(formatKeyValues({ url: URL_, dataServiceId: URL_, message, publicData: DATA })).toBe(
      [
        `url:           ${URL_}`,
        `dataServiceId: ${URL_}`,
        `message:       ${message}`,
        `publicData:    ${DATA.slice(0, 79)}… (1200 characters; --json shows all)`,
      ].join('\n'),
    );
  });

  it("always shows a table's key columns, wherever they are and however wide", () => {
    const wide = { a: 'x'.repeat(45), b: 'y'.repeat(45), c: 'z'.repeat(45) };
    const long = 'k'.repeat(60);
    // The keys take their room first; the other columns fill what is left.
    expect(formatTable([{ ...wide, thumbprint: TP, id: long }], ['thumbprint', 'id'])).toBe(
      `${'thumbprint'.padEnd(40)}  id\n${TP}  ${long}`,
    );
    expect(formatTable([{ ...wide, thumbprint: TP }], ['thumbprint'])).toBe(
      `${'a'.padEnd(45)}  thumbprint\n${wide.a}  ${TP}`,
    );
    // Without key names the same item loses both: too wide, or past the table's width.
    expect(formatTable([{ ...wide, thumbprint: TP, id: long }])).toBe(
      `${'a'.padEnd(45)}  b\n${wide.a}  ${wide.b}`,
    );
    expect(MAX_TABLE_WIDTH).toBe(120);
  });

  it("takes the key columns from the group's path parameters", () => {
    for (const c of commands) expect(c.keyNames).toEqual(['thumbprintAlgorithm', 'thumbprint']);
  });

  it('prints the full thumbprint in add, get and list against the emulator', async () => {
    // A gateway prefix makes the certificate's URL long, as a real account's is.
    const running = await startBatchEmulator({ pathPrefix: '/batch/contoso-render-eu' });
    try {
      const run = async (...argv: string[]) => {
        let stdout = '';
        const io = {
          env: {
            BATCH_ACCOUNT_URL: running.url,
            BATCH_ACCOUNT_NAME: EMULATOR_ACCOUNT_NAME,
            BATCH_ACCOUNT_KEY: EMULATOR_ACCOUNT_KEY,
          },
          stdout: (text: string) => {
            stdout += text;
          },
          stderr: () => {},
          readStdin: async () =>
            JSON.stringify({
              thumbprint: TP,
              thumbprintAlgorithm: 'sha1',
              data: DATA,
              certificateFormat: 'cer',
            }),
          stdinIsTTY: false,
          noDeprecation: true,
        } as unknown as CliIo;
        expect(await runCli(argv, io)).toBe(0);
        return stdout;
      };
      const certificateUrl = `${running.url}/certificates(thumbprintAlgorithm=sha1,thumbprint=${TP})`;
      const added = await run('certificate', 'add', '--body', '-');
      expect(added).toContain(
        `dataServiceId: ${running.url}/certificates(ThumbprintAlgorithm=sha1,Thumbprint=${TP})\n`,
      );
      const got = await run('certificate', 'get', 'sha1', TP);
      expect(got).toContain(`\nurl:                 ${certificateUrl}\n`);
      expect(got).toContain(
        `\npublicData:          ${DATA.slice(0, 79)}… (1200 characters; --json shows all)\n`,
      );
      const listed = await run('certificate', 'list');
      expect(listed.split('\n')[1]!.startsWith(`${TP}  sha1  `)).toBe(true);
    } finally {
      await running.close();
    }
  });
});
