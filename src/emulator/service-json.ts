/**
 * JSON text laid out the way the Batch service writes its bodies.
 *
 * Source: the Azure CLI's public recording of the live service
 * (`src/azure-cli/azure/cli/command_modules/batch/tests/latest/recordings/test_batch_certificate_cmd.yaml`,
 * api-version 2024-02-01.19.0), whose Certificate Get and List bodies are kept byte for byte:
 * every object and array opens, then a CRLF and two spaces of indentation per level; the members
 * follow on that one line, separated by `,` with no spaces; then a CRLF, the parent's
 * indentation and the closing bracket. Error bodies have the same layout: the `Content-Length`
 * of the 409 answers in the Azure SDK for Python's recordings of the same operations
 * (`test_batch.pyTestBatchtest_batch_certificates*.json`) is the compact length plus exactly
 * these line breaks and indents. The recordings show arrays of one object only; several
 * elements are joined by `,` like members (`},{`), and an empty container keeps its two line
 * breaks, as other OData services built on the same writer do.
 *
 * @module
 */

const NEWLINE = '\r\n';

function indent(depth: number): string {
  return '  '.repeat(depth);
}

function container(open: string, items: readonly string[], close: string, depth: number): string {
  return `${open}${NEWLINE}${indent(depth + 1)}${items.join(',')}${NEWLINE}${indent(depth)}${close}`;
}

function write(value: unknown, depth: number): string {
  if (Array.isArray(value)) {
    return container(
      '[',
      value.map((item) => write(item, depth + 1)),
      ']',
      depth,
    );
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([name, member]) => `${JSON.stringify(name)}:${write(member, depth + 1)}`);
    return container('{', members, '}', depth);
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Serialises a JSON value (objects, arrays, strings, numbers, booleans, null) in the service's
 * layout. Members whose value is `undefined` are left out, as `JSON.stringify` does.
 */
export function serviceJson(value: unknown): string {
  return write(value, 0);
}
