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
function matchGlob(pattern, value) {
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
  const pick = (ca2, cb2, i2, j2) => {
    if (ca2 !== QUESTION) return cb2 === QUESTION || ca2 === cb2 ? a[i2] : void 0;
    return cb2 === QUESTION ? "x" : b[j2];
  };
  let a0 = 0;
  let b0 = 0;
  let an = a.length;
  let bn = b.length;
  let head = "";
  let tail = "";
  while (a0 < an && b0 < bn && a.charCodeAt(a0) !== STAR && b.charCodeAt(b0) !== STAR) {
    const ch = pick(a.charCodeAt(a0), b.charCodeAt(b0), a0++, b0++);
    if (ch === void 0) return void 0;
    head += ch;
  }
  while (a0 < an && b0 < bn && a.charCodeAt(an - 1) !== STAR && b.charCodeAt(bn - 1) !== STAR) {
    const ch = pick(a.charCodeAt(--an), b.charCodeAt(--bn), an, bn);
    if (ch === void 0) return void 0;
    tail = ch + tail;
  }
  const width = bn - b0 + 1;
  const rows = an - a0 + 1;
  if (work) work.cells = 0;
  if (rows * width > budget) {
    if (work) work.gaveUp = true;
    return MAY_MEET;
  }
  const reached = new Uint32Array(Math.ceil(rows * width / 32));
  const isSet = (k) => (reached[k >>> 5] & 1 << (k & 31)) !== 0;
  const set = (k) => {
    reached[k >>> 5] = reached[k >>> 5] | 1 << (k & 31);
  };
  const ca = (i2) => i2 < rows - 1 ? a.charCodeAt(a0 + i2) : -1;
  const cb = (j2) => j2 < width - 1 ? b.charCodeAt(b0 + j2) : -1;
  const moves = (i2, j2, visit) => {
    const x = ca(i2);
    const y = cb(j2);
    if (x === STAR && visit(i2 + 1, j2, "")) return true;
    if (y === STAR && visit(i2, j2 + 1, "")) return true;
    if (x === -1 || y === -1 || x === STAR && y === STAR) return false;
    const wildA = x === STAR || x === QUESTION;
    const wildB = y === STAR || y === QUESTION;
    if (!wildA && !wildB && x !== y) return false;
    const ch = !wildA ? a[a0 + i2] : !wildB ? b[b0 + j2] : "x";
    return visit(x === STAR ? i2 : i2 + 1, y === STAR ? j2 : j2 + 1, ch);
  };
  set(0);
  for (let i2 = 0; i2 < rows; i2++) {
    const x = ca(i2);
    const wildA = x === STAR || x === QUESTION;
    const down = x === STAR ? 0 : width;
    for (let j2 = 0, k = i2 * width; j2 < width; j2++, k++) {
      if ((reached[k >>> 5] & 1 << (k & 31)) === 0) continue;
      const y = cb(j2);
      if (x === STAR) set(k + width);
      if (y === STAR) set(k + 1);
      if (x === -1 || y === -1 || x === STAR && y === STAR) continue;
      if (!wildA && y !== STAR && y !== QUESTION && x !== y) continue;
      set(k + down + (y === STAR ? 0 : 1));
    }
    if (work) work.cells += width;
  }
  if (!isSet(rows * width - 1)) return void 0;
  const out = [];
  let i = rows - 1;
  let j = width - 1;
  while (i > 0 || j > 0) {
    const ti = i;
    const tj = j;
    for (const [pi, pj] of [
      [i - 1, j],
      [i, j - 1],
      [i - 1, j - 1]
    ]) {
      if (pi < 0 || pj < 0 || !isSet(pi * width + pj)) continue;
      let ch;
      moves(pi, pj, (ni, nj, c) => {
        if (ni !== ti || nj !== tj) return false;
        ch = c;
        return true;
      });
      if (ch === void 0) continue;
      out.push(ch);
      i = pi;
      j = pj;
      break;
    }
    if (i === ti && j === tj) throw new Error("globWitness: a reached cell with no reached cell before it");
  }
  return head + out.reverse().join("") + tail;
}

export {
  escapeRegex,
  globRegexSource,
  hasWildcard,
  matchGlob,
  compileGlob,
  globCovers,
  globWitness
};
