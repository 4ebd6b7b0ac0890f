/**
 * IAM wildcards: `*` matches any run of characters (including `/` and `:`), `?` exactly one,
 * and every other character is literal; there is no escape character
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 * Patterns are compiled once into the cheapest test that is exact: equality, prefix, suffix, or a glob walk.
 */

/** A compiled pattern. */
export type Matcher = (value: string) => boolean;

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

/** Escapes text so that a RegExp matches it literally. */
export function escapeRegex(text: string): string {
  return text.replace(REGEX_SPECIAL, '\\$&');
}

/** RegExp source for a glob: `*` → `.*`, `?` → `.`, everything else literal. */
export function globRegexSource(pattern: string): string {
  let out = '';
  let literal = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      out += escapeRegex(literal) + (ch === '*' ? '.*' : '.');
      literal = '';
    } else {
      literal += ch;
    }
  }
  return out + escapeRegex(literal);
}

/** True when the text holds `*` or `?`. */
export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

const MATCH_ALL: Matcher = () => true;

/** `*` and `?` as UTF-16 code units. */
const STAR = 42;
const QUESTION = 63;

/**
 * Whether `value` matches the glob `pattern`, by UTF-16 code unit (as a non-Unicode RegExp's `.` would).
 * The greedy two-pointer walk with backtracking to the last `*` is exact for patterns of `*` and `?`
 * alone, and runs in O(pattern × value) at worst, without building a RegExp: a policy set holds
 * thousands of patterns, and a RegExp per pattern (with its compiled code) costs memory and cache.
 */
export function matchGlob(pattern: string, value: string): boolean {
  const pn = pattern.length;
  const vn = value.length;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < vn) {
    if (pi < pn) {
      const c = pattern.charCodeAt(pi);
      if (c === STAR) {
        star = pi++;
        resume = vi;
        continue;
      }
      if (c === QUESTION || c === value.charCodeAt(vi)) {
        pi++;
        vi++;
        continue;
      }
    }
    // A mismatch: let the last `*` swallow one more character, or fail when there is none.
    if (star < 0) return false;
    pi = star + 1;
    vi = ++resume;
  }
  while (pi < pn && pattern.charCodeAt(pi) === STAR) pi++;
  return pi === pn;
}

/**
 * Compiles a glob. With `ignoreCase`, the pattern and the value compare lower-cased (action names,
 * claim case checks); without it, exactly (ARNs and most condition values).
 */
export function compileGlob(pattern: string, ignoreCase = false): Matcher {
  if (pattern === '*') return MATCH_ALL;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const first = p.indexOf('*');
  const hasQ = p.includes('?');
  // Separate closures per case rule: this runs on every statement of every evaluation.
  if (first < 0 && !hasQ) return ignoreCase ? (v) => v.toLowerCase() === p : (v) => v === p;
  if (!hasQ && first === p.length - 1) {
    const prefix = p.slice(0, -1);
    return ignoreCase ? (v) => v.toLowerCase().startsWith(prefix) : (v) => v.startsWith(prefix);
  }
  if (!hasQ && first === 0 && p.indexOf('*', 1) < 0) {
    const suffix = p.slice(1);
    return ignoreCase ? (v) => v.toLowerCase().endsWith(suffix) : (v) => v.endsWith(suffix);
  }
  return ignoreCase ? (v) => matchGlob(p, v.toLowerCase()) : (v) => matchGlob(p, v);
}

/**
 * Whether glob `pattern` matches every string that glob `sub` matches, decided symbolically: a `*` of `sub` (any
 * run) can only be covered by a `*` of `pattern`, a `?` of `sub` (any one character) by a `?` or a `*`. Sound: true
 * means covered. It can say false for some exotic inclusions (`??*` covers `*??`); a caller that must fail closed
 * reads false as "not known to be covered".
 */
export function globCovers(pattern: string, sub: string): boolean {
  const pn = pattern.length;
  const sn = sub.length;
  // reach[j]: pattern[0..i) can cover sub[0..j), for the row i being filled.
  let reach = new Uint8Array(sn + 1);
  reach[0] = 1;
  for (let i = 0; i < pn; i++) {
    const p = pattern.charCodeAt(i);
    const next = new Uint8Array(sn + 1);
    if (p === STAR) {
      // A `*` covers any run of `sub`, wildcards included.
      let on = 0;
      for (let j = 0; j <= sn; j++) {
        if (reach[j]) on = 1;
        next[j] = on;
      }
    } else {
      for (let j = 0; j < sn; j++) {
        if (!reach[j]) continue;
        const s = sub.charCodeAt(j);
        if (s === STAR) continue; // one character cannot cover any run
        if (p === QUESTION || (s !== QUESTION && s === p)) next[j + 1] = 1;
      }
    }
    reach = next;
  }
  return reach[sn] === 1;
}

/**
 * A string that both globs match, or undefined when there is none. Exact: a breadth-first search of the product of
 * the two patterns, whose states are a position in each. A `*` may end without taking a character, or take one and
 * stay; `?` takes any one, a literal only itself. A character two wildcards take is written `x`.
 */
export function globWitness(a: string, b: string): string | undefined {
  const an = a.length;
  const bn = b.length;
  const width = bn + 1;
  const parent = new Int32Array((an + 1) * width).fill(-1);
  const taken: string[] = new Array((an + 1) * width);
  const queue: number[] = [0];
  parent[0] = 0;
  const visit = (from: number, i: number, j: number, ch: string) => {
    const k = i * width + j;
    if (parent[k] !== -1) return;
    parent[k] = from;
    taken[k] = ch;
    queue.push(k);
  };
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q] as number;
    const i = Math.floor(k / width);
    const j = k % width;
    if (i === an && j === bn) {
      const out: string[] = [];
      for (let c = k; c !== 0; c = parent[c] as number) out.push(taken[c] as string);
      return out.reverse().join('');
    }
    const ca = i < an ? a.charCodeAt(i) : -1;
    const cb = j < bn ? b.charCodeAt(j) : -1;
    if (ca === STAR) visit(k, i + 1, j, '');
    if (cb === STAR) visit(k, i, j + 1, '');
    if (ca === -1 || cb === -1) continue;
    const wildA = ca === STAR || ca === QUESTION;
    const wildB = cb === STAR || cb === QUESTION;
    if (!wildA && !wildB && ca !== cb) continue;
    const ch = !wildA ? (a[i] as string) : !wildB ? (b[j] as string) : 'x';
    visit(k, ca === STAR ? i : i + 1, cb === STAR ? j : j + 1, ch);
  }
  return undefined;
}
