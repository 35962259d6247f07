/** Commands come from the operation table: names, positionals, flags; a new operation adds one. */
import { describe, expect, it } from '@jest/globals';
import { operations } from '../../../generated/operations.js';
import { certificateBodySource } from '../../../src/cli/certificate-body-source.js';
import { buildCommands, parameterFlag } from '../../../src/cli/command-table.js';
import { kebabCase } from '../../../src/cli/kebab-case.js';
import { parseCommandLine } from '../../../src/cli/parse-command-line.js';
import type { OperationSpec, OperationTable } from '../../../src/table/operation-table.js';

const commands = buildCommands(operations, [certificateBodySource]);
const find = (name: string) => commands.find((c) => c.name === name)!;

describe('kebabCase', () => {
  it.each([
    ['clientRequestId', 'client-request-id'],
    ['cancelDeletion', 'cancel-deletion'],
    ['maxResults', 'max-results'],
    ['certificate', 'certificate'],
    ['URLPath', 'url-path'],
    ['ocpDate', 'ocp-date'],
  ])('%s → %s', (input, output) => {
    expect(kebabCase(input)).toBe(output);
  });
});

describe('buildCommands', () => {
  it('makes one command per operation, sorted, in kebab-case', () => {
    expect(commands.map((c) => `${c.group} ${c.name}`)).toEqual([
      'certificate add',
      'certificate cancel-deletion',
      'certificate delete',
      'certificate get',
      'certificate list',
    ]);
  });

  it('takes path parameters as positionals and the others as flags', () => {
    const get = find('get');
    expect(get.positionals.map((p) => p.clientName)).toEqual(['thumbprintAlgorithm', 'thumbprint']);
    expect(get.parameterFlags.map((f) => f.name)).toEqual([
      'select',
      'timeout',
      'client-request-id',
      'return-client-request-id',
      'ocp-date',
    ]);
    const list = find('list');
    expect(list.parameterFlags.map((f) => `${f.name}:${f.kind}:${f.valueName ?? ''}`)).toEqual([
      'filter:string:TEXT',
      'select:string:TEXT',
      'max-results:string:N',
      'timeout:string:N',
      'client-request-id:string:UUID',
      'return-client-request-id:boolean:',
      'ocp-date:string:DATE',
    ]);
    expect(list.parameterFlags.find((f) => f.name === 'max-results')?.defaultText).toBe('1000');
    expect(list.bodyFlags).toEqual([]);
  });

  it('gives operations with a body the body flags, and the certificate source by schema', () => {
    const add = find('add');
    expect(add.bodySource).toBe(certificateBodySource);
    expect(add.bodyFlags.map((f) => f.name)).toEqual([
      'file',
      'password-env',
      'format',
      'expected-thumbprint',
      'body-file',
      'body',
    ]);
    expect(
      buildCommands(operations)
        .find((c) => c.name === 'add')
        ?.bodyFlags.map((f) => f.name),
    ).toEqual(['body-file', 'body']);
  });

  it('adds a command for an operation added to the table, with no CLI change', () => {
    const get = operations.Certificate_Get as unknown as OperationSpec;
    const resize: OperationSpec = {
      ...get,
      operationId: 'Pool_Resize',
      group: 'pool',
      method: 'stopResize',
      deprecated: false,
      deprecation: undefined,
      summary: 'Stops an ongoing resize operation on the Pool.',
      parameters: [
        {
          wireName: 'poolId',
          clientName: 'poolId',
          location: 'path',
          type: 'string',
          required: true,
        },
        {
          wireName: 'If-Match',
          clientName: 'ifMatch',
          location: 'header',
          type: 'string',
          required: true,
        },
        {
          wireName: 'maxTasks',
          clientName: 'maxTasks',
          location: 'query',
          type: 'integer',
          required: false,
        },
      ],
    };
    const table: OperationTable = { ...operations, Pool_Resize: resize };
    const more = buildCommands(table);
    const command = more.find((c) => c.group === 'pool' && c.name === 'stop-resize');
    expect(command?.positionals.map((p) => p.clientName)).toEqual(['poolId']);
    expect(command?.parameterFlags.map((f) => [f.name, f.required])).toEqual([
      ['if-match', true],
      ['max-tasks', false],
    ]);
    const parsed = parseCommandLine(
      ['pool', 'stop-resize', 'p1', '--if-match', '"0x8D"', '--max-tasks', '4'],
      more,
    );
    expect(parsed).toMatchObject({
      kind: 'operation',
      path: { poolId: 'p1' },
      options: { ifMatch: '"0x8D"', maxTasks: 4 },
    });
    expect(() => parseCommandLine(['pool', 'stop-resize', 'p1'], more)).toThrow(
      'missing required --if-match',
    );
  });

  it('refuses a table whose parameter would shadow a global flag', () => {
    const list = operations.Certificate_List as unknown as OperationSpec;
    const clash: OperationSpec = {
      ...list,
      parameters: [
        {
          wireName: 'json',
          clientName: 'json',
          location: 'query',
          type: 'boolean',
          required: false,
        },
      ],
    };
    expect(() => buildCommands({ Certificate_List: clash })).toThrow(
      "'certificate list' would have two flags --json",
    );
  });

  it('derives a flag from any parameter: booleans are switches, defaults are documented', () => {
    expect(
      parameterFlag({
        wireName: 'x',
        clientName: 'dryRun',
        location: 'query',
        type: 'boolean',
        required: false,
        default: false,
      }),
    ).toEqual({
      name: 'dry-run',
      kind: 'boolean',
      description: '',
      required: false,
      parameter: expect.anything(),
    });
  });
});
