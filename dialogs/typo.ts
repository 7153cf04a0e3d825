/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours): "cancle" is one edit from
 * "cancel", "strat over" one from "start over". Code points, so a CJK character counts once.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[x.length]![y.length]!;
}

const isCjk = (text: string): boolean => /[\u3400-\u9fff]/u.test(text);

/**
 * The one word of `words` that `text` is a one-edit typo of, or undefined (none, or more than one). Short
 * Latin words are left alone ("go" is not a typo of "no"); a CJK word of two characters or more may have one.
 */
export function oneTypoAway<V>(text: string, words: ReadonlyMap<string, V>): V | undefined {
  const long = isCjk(text) ? [...text].length >= 2 : text.length >= 4;
  if (!long) return undefined;
  const found = new Set<V>();
  for (const [word, value] of words) {
    if ([...word].length < (isCjk(word) ? 2 : 4)) continue;
    if (editDistance(text, word, 1) === 1) found.add(value);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
