/**
 * The full-spec suite's own guard (issue 21): a format it does not know stops it, naming the
 * format and where it was met — in a body or an answer (the sampler), an option (the call plan)
 * or a response header (the response plan) — instead of being sampled as plain text. Dates are
 * known by meaning: `date-time-rfc7231` is the HTTP date `date-time-rfc1123` is.
 */
import { describe, expect, it } from '@jest/globals';
import type { OperationSpec, ParameterSpec } from '../../../src/table/operation-table.js';
import { planCall } from './support/call-plan.js';
import { plannedHeaders } from './support/response-plan.js';
import { SchemaSampler } from './support/schema-sample.js';
import type { ReadOperation } from './support/spec-reading.js';

const sampler = new SchemaSampler({
  swagger: '2.0',
  definitions: {
    Node: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        address: { type: 'string', format: 'ipv7' },
        seen: { type: 'string', format: 'date-time-rfc7231' },
        weight: { type: 'number', format: 'decimal128' },
      },
      required: ['name'],
    },
  },
});

function operation(parameter: Partial<ParameterSpec>): OperationSpec {
  return {
    operationId: 'Nodes_GetNode',
    apiVersion: '2026-10-01',
    parameters: [
      {
        wireName: 'seenAfter',
        clientName: 'seenAfter',
        location: 'header',
        type: 'string',
        required: false,
        ...parameter,
      },
    ],
  } as unknown as OperationSpec;
}

describe('a format the suite does not know', () => {
  it('in a body or an answer: the sampler names the format and the property', () => {
    expect(() => sampler.named('Node', { mode: 'full' })).toThrow(
      'full-spec suite: format "ipv7" (Node.address) is not known to the suite',
    );
    // a minimal request body leaves the property out, so nothing stops there
    expect(sampler.named('Node', { mode: 'minimal' })).toEqual({ name: 'v-x-name' });
  });

  it('of a number: named too, not sampled as some number', () => {
    const schema = { type: 'number', format: 'decimal128' };
    expect(() => sampler.sample(schema, { mode: 'full' }, 'Node.weight')).toThrow(
      'format "decimal128" (Node.weight)',
    );
  });

  it('in an option: the call plan names the format, the parameter and the operation', () => {
    expect(() =>
      planCall({
        operation: operation({ format: 'ipv7' }),
        pathTemplate: '/nodes',
        variant: 'full',
      }),
    ).toThrow('format "ipv7" (header seenAfter of Nodes_GetNode)');
  });

  it('in a response header: the response plan names it', () => {
    const read = {
      operationId: 'Nodes_GetNode',
      headers: [{ wireName: 'ocp-seen', clientName: 'ocpSeen', type: 'string', format: 'ipv7' }],
    } as unknown as ReadOperation;
    expect(() => plannedHeaders(read, undefined)).toThrow(
      'format "ipv7" (header ocp-seen of Nodes_GetNode)',
    );
  });
});

describe('dates by meaning', () => {
  it('an HTTP date option is a Date on the client and RFC 1123 text on the wire, whatever its spelling', () => {
    for (const format of ['date-time-rfc1123', 'date-time-rfc7231']) {
      const plan = planCall({
        operation: operation({ format }),
        pathTemplate: '/nodes',
        variant: 'full',
      });
      expect(plan.args.at(-1)).toEqual({ seenAfter: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
      expect(plan.headers).toEqual({ seenafter: 'Tue, 02 Jan 2024 03:04:05 GMT' });
    }
  });

  it('an RFC 7231 header answer is a Date; an int64 header the spec types as text is a number', () => {
    const read = {
      operationId: 'Tasks_GetTaskFileProperties',
      headers: [
        {
          wireName: 'ocp-creation-time',
          clientName: 'ocpCreationTime',
          type: 'string',
          format: 'date-time-rfc7231',
        },
        { wireName: 'ocp-size', clientName: 'ocpSize', type: 'string', format: 'int64' },
      ],
    } as unknown as ReadOperation;
    expect([...plannedHeaders(read, undefined).values()]).toEqual([
      { wire: 'Thu, 04 Jan 2024 05:06:07 GMT', typed: new Date(Date.UTC(2024, 0, 4, 5, 6, 7)) },
      { wire: '8589934592', typed: 8589934592 },
    ]);
  });
});
