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
export function matchGlob(pattern: string, value: string, foldPattern = false): boolean {
  const pn = pattern.length;
  const vn = value.length;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < vn) {
    if (pi < pn) {
      let c = pattern.charCodeAt(pi);
      if (c === STAR) {
        star = pi++;
        resume = vi;
        continue;
      }
      // With `foldPattern`, the pattern's A-Z read as a-z: for a lower-cased value, without lower-casing the pattern.
      if (foldPattern && c >= 65 && c <= 90) c += 32;
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
 * How many cells of the product of two globs (a position in each) {@link globCovers} and {@link globWitness} may
 * decide before they give up: 2^22 cells, one bit each in {@link globWitness} (512 KiB) and a row at a time in
 * {@link globCovers}; about a tenth of a second at most per call. Equal literal heads and tails are matched first,
 * in linear time, so only the parts from the first `*` to the last count: two ARNs of 2,048 characters fit.
 *
 * The worst case this bounds: a Deny's Resource is at most its policy's size — a managed policy 6,144 characters, an
 * SCP or RCP 5,120, a role's inline policies 10,240 together
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html) — and a permission's resource comes
 * from the config file (at most 1 MiB, src/sources/config-file.ts). A Resource `a*a*…b` of 6,144 characters against
 * a permission `a?a?…*` of 6,144 is 37.7 million cells (the exact search of the whole product took about 1 GiB at
 * 2,500 characters). Past the budget each function answers in the reading that fails closed for its callers in
 * src/iam/evaluate.ts: not covered (an Allow does not grant, a NotResource Deny applies), and may meet (a Deny
 * applies, a NotResource Allow does not grant). The budget is per call: a policy with many wildcard Resources is
 * walked once per Resource.
 */
export const GLOB_BUDGET = 1 << 22;

/** Work counters for tests: the cells a call decided, and whether it gave up. */
export interface GlobWork {
  cells: number;
  gaveUp: boolean;
}

/**
 * Whether glob `pattern` matches every string that glob `sub` matches, decided symbolically: a `*` of `sub` (any
 * run) can only be covered by a `*` of `pattern`, a `?` of `sub` (any one character) by a `?` or a `*`. Sound: true
 * means covered. It can say false for some exotic inclusions (`??*` covers `*??`); a caller that must fail closed
 * reads false as "not known to be covered". Past {@link GLOB_BUDGET} it says false too: an Allow that cannot be
 * shown to cover a permission does not grant it, and a NotResource Deny whose exclusion cannot be shown to cover it
 * applies.
 */
export function globCovers(pattern: string, sub: string, budget = GLOB_BUDGET, work?: GlobWork): boolean {
  // One element of `pattern` that is not `*` covers one element of `sub` exactly when this holds.
  const one = (p: number, s: number) => s !== STAR && (p === QUESTION || (s !== QUESTION && s === p));
  let p0 = 0;
  let s0 = 0;
  let pn = pattern.length;
  let sn = sub.length;
  // Heads and tails where neither side is `*` pair element by element (the alignment is forced there).
  while (p0 < pn && s0 < sn && pattern.charCodeAt(p0) !== STAR && sub.charCodeAt(s0) !== STAR) {
    if (!one(pattern.charCodeAt(p0++), sub.charCodeAt(s0++))) return false;
  }
  while (p0 < pn && s0 < sn && pattern.charCodeAt(pn - 1) !== STAR && sub.charCodeAt(sn - 1) !== STAR) {
    if (!one(pattern.charCodeAt(--pn), sub.charCodeAt(--sn))) return false;
  }
  const width = sn - s0 + 1;
  const cells = (pn - p0 + 1) * width;
  if (work) work.cells = 0;
  if (cells > budget) {
    if (work) work.gaveUp = true;
    return false;
  }
  // reach[j]: pattern[p0..i) can cover sub[s0..s0+j), for the row i being filled; two rows, swapped.
  let reach = new Uint8Array(width);
  let next = new Uint8Array(width);
  reach[0] = 1;
  for (let i = p0; i < pn; i++) {
    const p = pattern.charCodeAt(i);
    if (p === STAR) {
      // A `*` covers any run of `sub`, wildcards included.
      let on = 0;
      for (let j = 0; j < width; j++) {
        if (reach[j]) on = 1;
        next[j] = on;
      }
    } else {
      next[0] = 0;
      for (let j = 0; j < width - 1; j++) next[j + 1] = reach[j] && one(p, sub.charCodeAt(s0 + j)) ? 1 : 0;
    }
    [reach, next] = [next, reach];
    if (work) work.cells += width;
  }
  return reach[width - 1] === 1;
}

/** What {@link globWitness} answers when the product of the two globs is past {@link GLOB_BUDGET}. */
export const MAY_MEET: unique symbol = Symbol('may meet');

/**
 * A string that both globs match, undefined when there is none, or {@link MAY_MEET} when the two are past
 * {@link GLOB_BUDGET}: a caller reads that as "they meet", which fails closed (a Deny applies, a NotResource Allow
 * does not). Exact within the budget: the product of the two patterns, whose states are a position in each, walked
 * in order. A `*` may end without taking a character, or take one and stay; `?` takes any one, a literal only itself.
 * A character two wildcards take is written `x`.
 */
export function globWitness(
  a: string,
  b: string,
  budget = GLOB_BUDGET,
  work?: GlobWork,
): string | undefined | typeof MAY_MEET {
  const ends = fixedEnds(a, b);
  if (!ends) return undefined;
  const rows = ends.an - ends.a0 + 1;
  const width = ends.bn - ends.b0 + 1;
  if (work) work.cells = 0;
  if (rows * width > budget) {
    if (work) work.gaveUp = true;
    return MAY_MEET;
  }
  const product = new GlobProduct(a, b, ends.a0, ends.b0, rows, width);
  if (!product.walk(work)) return undefined;
  return ends.head + product.witness() + ends.tail;
}

/** One character both sides take where neither is `*`: the literal, or `x` where both are `?`; undefined if they differ. */
function pickOne(a: string, b: string, i: number, j: number): string | undefined {
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(j);
  if (ca !== QUESTION) return cb === QUESTION || ca === cb ? (a[i] as string) : undefined;
  return cb === QUESTION ? 'x' : (b[j] as string);
}

/**
 * Heads and tails where neither side is `*` take one character each, the same one (the alignment is forced there):
 * what they take, and where the middles that remain start and end; undefined when they cannot agree.
 */
function fixedEnds(a: string, b: string) {
  let a0 = 0;
  let b0 = 0;
  let an = a.length;
  let bn = b.length;
  let head = '';
  let tail = '';
  while (a0 < an && b0 < bn && a.charCodeAt(a0) !== STAR && b.charCodeAt(b0) !== STAR) {
    const ch = pickOne(a, b, a0++, b0++);
    if (ch === undefined) return undefined;
    head += ch;
  }
  while (a0 < an && b0 < bn && a.charCodeAt(an - 1) !== STAR && b.charCodeAt(bn - 1) !== STAR) {
    const ch = pickOne(a, b, --an, --bn);
    if (ch === undefined) return undefined;
    tail = ch + tail;
  }
  return { a0, b0, an, bn, head, tail };
}

/**
 * The product of the two middles: one bit per cell (i, j) = a[a0..a0+i) and b[b0..b0+j) consumed, row-major. Every
 * move goes right, down or both, so a cell's moves are all made before a later cell is read.
 */
class GlobProduct {
  private readonly reached: Uint32Array;

  constructor(
    private readonly a: string,
    private readonly b: string,
    private readonly a0: number,
    private readonly b0: number,
    private readonly rows: number,
    private readonly width: number,
  ) {
    this.reached = new Uint32Array(Math.ceil((rows * width) / 32));
  }

  private isSet(k: number): boolean {
    return ((this.reached[k >>> 5] as number) & (1 << (k & 31))) !== 0;
  }

  private set(k: number): void {
    this.reached[k >>> 5] = (this.reached[k >>> 5] as number) | (1 << (k & 31));
  }

  private ca(i: number): number {
    return i < this.rows - 1 ? this.a.charCodeAt(this.a0 + i) : -1;
  }

  private cb(j: number): number {
    return j < this.width - 1 ? this.b.charCodeAt(this.b0 + j) : -1;
  }

  /** The cells one move from (i, j) reaches (not itself), with the character it takes ('' for none). */
  private moves(i: number, j: number, visit: (i: number, j: number, ch: string) => boolean): boolean {
    const x = this.ca(i);
    const y = this.cb(j);
    if (x === STAR && visit(i + 1, j, '')) return true;
    if (y === STAR && visit(i, j + 1, '')) return true;
    if (x === -1 || y === -1 || (x === STAR && y === STAR)) return false;
    const wildA = x === STAR || x === QUESTION;
    const wildB = y === STAR || y === QUESTION;
    if (!wildA && !wildB && x !== y) return false;
    const ch = !wildA ? (this.a[this.a0 + i] as string) : !wildB ? (this.b[this.b0 + j] as string) : 'x';
    return visit(x === STAR ? i : i + 1, y === STAR ? j : j + 1, ch);
  }

  /** The forward walk from the first cell (`moves` written out: the hot loop); whether the last cell is reached. */
  walk(work?: GlobWork): boolean {
    const { width, rows } = this;
    this.set(0);
    for (let i = 0; i < rows; i++) {
      const x = this.ca(i);
      const wildA = x === STAR || x === QUESTION;
      const down = x === STAR ? 0 : width;
      for (let j = 0, k = i * width; j < width; j++, k++) {
        if (!this.isSet(k)) continue;
        const y = this.cb(j);
        if (x === STAR) this.set(k + width);
        if (y === STAR) this.set(k + 1);
        if (x === -1 || y === -1 || (x === STAR && y === STAR)) continue;
        if (!wildA && y !== STAR && y !== QUESTION && x !== y) continue;
        this.set(k + down + (y === STAR ? 0 : 1));
      }
      if (work) work.cells += width;
    }
    return this.isSet(rows * width - 1);
  }

  /** Back from the last cell: each step to a reached cell one move before it, which the walk reached from the first. */
  witness(): string {
    const out: string[] = [];
    let i = this.rows - 1;
    let j = this.width - 1;
    while (i > 0 || j > 0) {
      const step = this.stepBack(i, j);
      if (!step) throw new Error('globWitness: a reached cell with no reached cell before it');
      out.push(step.ch);
      i = step.i;
      j = step.j;
    }
    return out.reverse().join('');
  }

  /** A reached cell one move before (ti, tj), and the character that move takes. */
  private stepBack(ti: number, tj: number): { i: number; j: number; ch: string } | undefined {
    for (const [pi, pj] of [
      [ti - 1, tj],
      [ti, tj - 1],
      [ti - 1, tj - 1],
    ] as const) {
      if (pi < 0 || pj < 0 || !this.isSet(pi * this.width + pj)) continue;
      let ch: string | undefined;
      this.moves(pi, pj, (ni, nj, c) => {
        if (ni !== ti || nj !== tj) return false;
        ch = c;
        return true;
      });
      if (ch !== undefined) return { i: pi, j: pj, ch };
    }
    return undefined;
  }
}
