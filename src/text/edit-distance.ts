/**
 * Edit distance for "did you mean" suggestions (condition operators, config keys, actions). One
 * implementation for all of them: pure, and only run when a name is unknown.
 */

/**
 * Levenshtein distance, or with `transpositions` the optimal-string-alignment distance, where swapping two
 * neighbouring letters (`PutObjcet`) costs one edit, as people mistype. Returns `max + 1` as soon as the
 * distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.MAX_SAFE_INTEGER - 1, transpositions = true): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
