/**
 * "Did you mean" for a misspelt action or service prefix: the nearest names by edit distance, where swapping two
 * neighbouring letters (`PutObjcet`) counts as one edit, as people mistype.
 */
import { editDistance } from '../text/edit-distance.js';

export { editDistance };

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
