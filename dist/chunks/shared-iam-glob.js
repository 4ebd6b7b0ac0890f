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
function globCovers(pattern, sub) {
  const pn = pattern.length;
  const sn = sub.length;
  let reach = new Uint8Array(sn + 1);
  reach[0] = 1;
  for (let i = 0; i < pn; i++) {
    const p = pattern.charCodeAt(i);
    const next = new Uint8Array(sn + 1);
    if (p === STAR) {
      let on = 0;
      for (let j = 0; j <= sn; j++) {
        if (reach[j]) on = 1;
        next[j] = on;
      }
    } else {
      for (let j = 0; j < sn; j++) {
        if (!reach[j]) continue;
        const s = sub.charCodeAt(j);
        if (s === STAR) continue;
        if (p === QUESTION || s !== QUESTION && s === p) next[j + 1] = 1;
      }
    }
    reach = next;
  }
  return reach[sn] === 1;
}
function globWitness(a, b) {
  const an = a.length;
  const bn = b.length;
  const width = bn + 1;
  const parent = new Int32Array((an + 1) * width).fill(-1);
  const taken = new Array((an + 1) * width);
  const queue = [0];
  parent[0] = 0;
  const visit = (from, i, j, ch) => {
    const k = i * width + j;
    if (parent[k] !== -1) return;
    parent[k] = from;
    taken[k] = ch;
    queue.push(k);
  };
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q];
    const i = Math.floor(k / width);
    const j = k % width;
    if (i === an && j === bn) {
      const out = [];
      for (let c = k; c !== 0; c = parent[c]) out.push(taken[c]);
      return out.reverse().join("");
    }
    const ca = i < an ? a.charCodeAt(i) : -1;
    const cb = j < bn ? b.charCodeAt(j) : -1;
    if (ca === STAR) visit(k, i + 1, j, "");
    if (cb === STAR) visit(k, i, j + 1, "");
    if (ca === -1 || cb === -1) continue;
    const wildA = ca === STAR || ca === QUESTION;
    const wildB = cb === STAR || cb === QUESTION;
    if (!wildA && !wildB && ca !== cb) continue;
    const ch = !wildA ? a[i] : !wildB ? b[j] : "x";
    visit(k, ca === STAR ? i : i + 1, cb === STAR ? j : j + 1, ch);
  }
  return void 0;
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
