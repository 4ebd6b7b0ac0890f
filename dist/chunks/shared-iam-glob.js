import { createRequire as __ppCreateRequire } from 'node:module';
const require = __ppCreateRequire(import.meta.url);

// src/iam/glob.ts
var REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;
function escapeRegex(text) {
  return text.replace(REGEX_SPECIAL, "\\$&");
}
function globRegexSource(pattern) {
  let out = "";
  let literal = "";
  for (const ch of pattern) {
    if (ch === "*" || ch === "?") {
      out += escapeRegex(literal) + (ch === "*" ? ".*" : ".");
      literal = "";
    } else {
      literal += ch;
    }
  }
  return out + escapeRegex(literal);
}
function hasWildcard(text) {
  return text.includes("*") || text.includes("?");
}
var MATCH_ALL = () => true;
var STAR = 42;
var QUESTION = 63;
function matchGlob(pattern, value, foldPattern = false) {
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
      if (foldPattern && c >= 65 && c <= 90) c += 32;
      if (c === QUESTION || c === value.charCodeAt(vi)) {
        pi++;
        vi++;
        continue;
      }
    }
    if (star < 0) return false;
    pi = star + 1;
    vi = ++resume;
  }
  while (pi < pn && pattern.charCodeAt(pi) === STAR) pi++;
  return pi === pn;
}
function compileGlob(pattern, ignoreCase = false) {
  if (pattern === "*") return MATCH_ALL;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const first = p.indexOf("*");
  const hasQ = p.includes("?");
  if (first < 0 && !hasQ) return ignoreCase ? (v) => v.toLowerCase() === p : (v) => v === p;
  if (!hasQ && first === p.length - 1) {
    const prefix = p.slice(0, -1);
    return ignoreCase ? (v) => v.toLowerCase().startsWith(prefix) : (v) => v.startsWith(prefix);
  }
  if (!hasQ && first === 0 && p.indexOf("*", 1) < 0) {
    const suffix = p.slice(1);
    return ignoreCase ? (v) => v.toLowerCase().endsWith(suffix) : (v) => v.endsWith(suffix);
  }
  return ignoreCase ? (v) => matchGlob(p, v.toLowerCase()) : (v) => matchGlob(p, v);
}
var GLOB_BUDGET = 1 << 22;
function globCovers(pattern, sub, budget = GLOB_BUDGET, work) {
  const one = (p, s) => s !== STAR && (p === QUESTION || s !== QUESTION && s === p);
  let p0 = 0;
  let s0 = 0;
  let pn = pattern.length;
  let sn = sub.length;
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
  let reach = new Uint8Array(width);
  let next = new Uint8Array(width);
  reach[0] = 1;
  for (let i = p0; i < pn; i++) {
    const p = pattern.charCodeAt(i);
    if (p === STAR) {
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
var MAY_MEET = /* @__PURE__ */ Symbol("may meet");
function globWitness(a, b, budget = GLOB_BUDGET, work) {
  const ends = fixedEnds(a, b);
  if (!ends) return void 0;
  const rows = ends.an - ends.a0 + 1;
  const width = ends.bn - ends.b0 + 1;
  if (work) work.cells = 0;
  if (rows * width > budget) {
    if (work) work.gaveUp = true;
    return MAY_MEET;
  }
  const product = new GlobProduct(a, b, ends.a0, ends.b0, rows, width);
  if (!product.walk(work)) return void 0;
  return ends.head + product.witness() + ends.tail;
}
function pickOne(a, b, i, j) {
  const ca = a.charCodeAt(i);
  const cb = b.charCodeAt(j);
  if (ca !== QUESTION) return cb === QUESTION || ca === cb ? a[i] : void 0;
  return cb === QUESTION ? "x" : b[j];
}
function fixedEnds(a, b) {
  let a0 = 0;
  let b0 = 0;
  let an = a.length;
  let bn = b.length;
  let head = "";
  let tail = "";
  while (a0 < an && b0 < bn && a.charCodeAt(a0) !== STAR && b.charCodeAt(b0) !== STAR) {
    const ch = pickOne(a, b, a0++, b0++);
    if (ch === void 0) return void 0;
    head += ch;
  }
  while (a0 < an && b0 < bn && a.charCodeAt(an - 1) !== STAR && b.charCodeAt(bn - 1) !== STAR) {
    const ch = pickOne(a, b, --an, --bn);
    if (ch === void 0) return void 0;
    tail = ch + tail;
  }
  return { a0, b0, an, bn, head, tail };
}
var GlobProduct = class {
  constructor(a, b, a0, b0, rows, width) {
    this.a = a;
    this.b = b;
    this.a0 = a0;
    this.b0 = b0;
    this.rows = rows;
    this.width = width;
    this.reached = new Uint32Array(Math.ceil(rows * width / 32));
  }
  a;
  b;
  a0;
  b0;
  rows;
  width;
  reached;
  isSet(k) {
    return (this.reached[k >>> 5] & 1 << (k & 31)) !== 0;
  }
  set(k) {
    this.reached[k >>> 5] = this.reached[k >>> 5] | 1 << (k & 31);
  }
  ca(i) {
    return i < this.rows - 1 ? this.a.charCodeAt(this.a0 + i) : -1;
  }
  cb(j) {
    return j < this.width - 1 ? this.b.charCodeAt(this.b0 + j) : -1;
  }
  /** The cells one move from (i, j) reaches (not itself), with the character it takes ('' for none). */
  moves(i, j, visit) {
    const x = this.ca(i);
    const y = this.cb(j);
    if (x === STAR && visit(i + 1, j, "")) return true;
    if (y === STAR && visit(i, j + 1, "")) return true;
    if (x === -1 || y === -1 || x === STAR && y === STAR) return false;
    const wildA = x === STAR || x === QUESTION;
    const wildB = y === STAR || y === QUESTION;
    if (!wildA && !wildB && x !== y) return false;
    const ch = !wildA ? this.a[this.a0 + i] : !wildB ? this.b[this.b0 + j] : "x";
    return visit(x === STAR ? i : i + 1, y === STAR ? j : j + 1, ch);
  }
  /** The forward walk from the first cell (`moves` written out: the hot loop); whether the last cell is reached. */
  walk(work) {
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
        if (x === -1 || y === -1 || x === STAR && y === STAR) continue;
        if (!wildA && y !== STAR && y !== QUESTION && x !== y) continue;
        this.set(k + down + (y === STAR ? 0 : 1));
      }
      if (work) work.cells += width;
    }
    return this.isSet(rows * width - 1);
  }
  /** Back from the last cell: each step to a reached cell one move before it, which the walk reached from the first. */
  witness() {
    const out = [];
    let i = this.rows - 1;
    let j = this.width - 1;
    while (i > 0 || j > 0) {
      const step = this.stepBack(i, j);
      if (!step) throw new Error("globWitness: a reached cell with no reached cell before it");
      out.push(step.ch);
      i = step.i;
      j = step.j;
    }
    return out.reverse().join("");
  }
  /** A reached cell one move before (ti, tj), and the character that move takes. */
  stepBack(ti, tj) {
    for (const [pi, pj] of [
      [ti - 1, tj],
      [ti, tj - 1],
      [ti - 1, tj - 1]
    ]) {
      if (pi < 0 || pj < 0 || !this.isSet(pi * this.width + pj)) continue;
      let ch;
      this.moves(pi, pj, (ni, nj, c) => {
        if (ni !== ti || nj !== tj) return false;
        ch = c;
        return true;
      });
      if (ch !== void 0) return { i: pi, j: pj, ch };
    }
    return void 0;
  }
};

export {
  escapeRegex,
  globRegexSource,
  hasWildcard,
  matchGlob,
  compileGlob,
  globCovers,
  MAY_MEET,
  globWitness
};
