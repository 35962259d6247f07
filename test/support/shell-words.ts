/**
 * Splits a POSIX shell command line into words, as `sh` would for the plain commands the docs
 * show: blanks separate words, single quotes keep everything literally, double quotes keep
 * everything but `\` before `"`, `\` and `$`, a backslash outside quotes escapes the next
 * character. Expansions (`$VAR`, globs, `$(…)`) are not done: a word holding an unquoted `$`,
 * `*`, `?`, `` ` ``, `|`, `;`, `&`, `<` or `>` is refused, so a test never runs a different
 * command than the one shown.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  const add = (text: string) => {
    word = (word ?? '') + text;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
      i += 1;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in: ${line}`);
      add(line.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && '"\\$'.includes(line[j + 1] ?? '')) j += 1;
        else if (line[j] === '$' || line[j] === '`') throw new Error(`expansion in: ${line}`);
        text += line[j];
        j += 1;
      }
      if (j >= line.length) throw new Error(`unterminated " in: ${line}`);
      add(text);
      i = j + 1;
    } else if (c === '\\') {
      add(line[i + 1] ?? '');
      i += 2;
    } else if ('$*?`|;&<>'.includes(c)) {
      throw new Error(`'${c}' would need a shell in: ${line}`);
    } else {
      add(c);
      i += 1;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The commands of a `sh` block: `\` continuations joined, `# comments` dropped, words split. */
export function shellCommands(block: string): string[][] {
  return block
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '')
    .map(shellWords);
}
