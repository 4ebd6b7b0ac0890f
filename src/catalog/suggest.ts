/**
 * "Did you mean" for a misspelt action or service prefix: the nearest names by edit distance, where swapping two
 * neighbouring letters (`PutObjcet`) counts as one edit, as people mistype.
 */

/** Up to `limit` candidates nearest to `target` by edit distance (ties by name), or that extend it. */
export function closest<T>(target: string, candidates: readonly T[], key: (c: T) => string, limit = 3): T[] {
  const max = target.length <= 3 ? 1 : target.length <= 10 ? 2 : 3;
  const scored = candidates
    .map((c) => ({ c, k: key(c), d: editDistance(target, key(c), max) }))
    .map((s) => (s.d > max && target.length >= 4 && s.k.startsWith(target) ? { ...s, d: max + 0.5 } : s))
    .filter((s) => s.d <= max + 0.5)
    .sort((a, b) => a.d - b.d || a.k.length - b.k.length || (a.k < b.k ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.c);
}

/** Optimal-string-alignment distance (a swap of neighbours costs 1), or `max + 1` once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
