/**
 * Resolves a command's body: JSON from a file or stdin, or built by a body source. The JSON text
 * is never echoed in errors (it may hold certificate data or a password).
 */
import { BatchValidationError } from '../errors/batch-validation-error.js';
import type { BodySourceContext } from './body-source.js';
import { CliUsageError } from './cli-usage-error.js';
import type { BodyInput } from './parse-operation-flags.js';

/** The I/O a body may need. */
export interface BodyReader extends BodySourceContext {
  readonly readFile: (path: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
}

/** Parses JSON body text; invalid JSON is a validation error naming only where it came from. */
export function parseJsonBody(text: string, from: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BatchValidationError([{ path: from, rule: 'json', message: 'is not valid JSON' }]);
  }
}

/** The body to send, or `undefined` for `{ from: 'none' }`. */
export async function readBody(input: BodyInput, reader: BodyReader): Promise<unknown> {
  switch (input.from) {
    case 'none':
      return undefined;
    case 'stdin':
      return parseJsonBody(await reader.readStdin(), '--body -');
    case 'file': {
      let text: string;
      try {
        text = await reader.readFile(input.path);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new CliUsageError(
          `cannot read --body-file '${input.path}'${typeof code === 'string' ? ` (${code})` : ''}`,
        );
      }
      return parseJsonBody(text, '--body-file');
    }
    case 'source':
      return input.source.build(input.values, reader);
  }
}
