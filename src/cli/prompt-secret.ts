/**
 * Asks for a secret on a terminal without echo (raw mode, nothing written back but a newline).
 * Enter or Ctrl-D ends the input, Backspace deletes, Ctrl-C cancels with an `AbortError`.
 */

/** The parts of a TTY read stream the prompt uses. */
export interface SecretInput {
  readonly isRaw?: boolean;
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: 'utf8'): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
}

/** Reads one line from `input` without echo; `question` goes to `output`. */
export function promptSecret(
  question: string,
  input: SecretInput,
  output: { write(text: string): unknown },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const wasRaw = input.isRaw === true;
    let value = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') {
          const error = new Error('cancelled at the prompt');
          error.name = 'AbortError';
          return finish(error);
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    output.write(question);
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}
