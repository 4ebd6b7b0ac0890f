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

export {
  escapeRegex,
  globRegexSource,
  hasWildcard,
  matchGlob,
  compileGlob
};
