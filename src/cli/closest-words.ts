/**
 * "Did you mean": the known words (commands, flags) closest to a mistyped one. Pure.
 *
 * Closeness is the optimal string alignment distance (Damerau-Levenshtein restricted to
 * adjacent transpositions: `lsit` is one edit from `list`), as commander's `suggestSimilar`
 * measures it (git weighs a variant of the same distance). A candidate is suggested when it is at most
 * {@link MAX_EDITS} edits away and those edits are under 60% of the longer word, so short
 * words do not match everything; only the candidates at the smallest distance are kept. When
 * none is that close, a candidate the typed word begins (`--password` → `--password-env`,
 * `del` → `delete`) is suggested, for a word of at least {@link MIN_PREFIX} characters.
 *
 * Callers pass only words they would quote back (written like a command or flag): a suggestion
 * is a clue to what was typed, so a word that may be a secret gets none.
 */

/** The most edits a suggestion may be away from the typed word. */
export const MAX_EDITS = 2;
/** The shortest typed word a prefix match is offered for. */
export const MIN_PREFIX = 3;
/** The most suggestions given at once. */
const MAX_SUGGESTIONS = 3;

/** Optimal string alignment distance between `a` and `b` (UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  // d[i][j]: edits from a's first i characters to b's first j characters.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates closest to `word`, sorted; empty when none is close. Flags are compared without
 * their leading dashes (`--filtr` and `--filter` are one edit apart, as `filtr` and `filter`;
 * `-filter` matches `--filter` exactly).
 */
export function closestWords(word: string, candidates: Iterable<string>): string[] {
  const bare = (text: string) => text.replace(/^-+/, '');
  const typed = bare(word);
  let best = MAX_EDITS + 1;
  let found: string[] = [];
  const prefixed: string[] = [];
  for (const candidate of new Set(candidates)) {
    const known = bare(candidate);
    const distance = editDistance(typed, known);
    const close = distance <= MAX_EDITS && distance < 0.6 * Math.max(typed.length, known.length);
    if (close && distance < best) {
      best = distance;
      found = [candidate];
    } else if (close && distance === best) found.push(candidate);
    if (typed.length >= MIN_PREFIX && known.startsWith(typed)) prefixed.push(candidate);
  }
  const chosen = found.length > 0 ? found : prefixed;
  return chosen.sort().slice(0, MAX_SUGGESTIONS);
}

/** `Did you mean 'a'?`, `Did you mean 'a' or 'b'?`; empty for no suggestion. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `'${s}'`);
  const last = quoted.pop()!;
  return `Did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
}
