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
