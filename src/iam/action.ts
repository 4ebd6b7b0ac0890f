/**
 * Action and NotAction matching. Action names compare case-insensitively, with `*` and `?`
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
import { compileGlob, hasWildcard, type Matcher, matchGlob } from './glob.js';

/** A compiled Action list: exact names in a set, patterns as matchers. */
export interface ActionMatcher {
  /** Lower-cased service prefixes this list can match; undefined when a pattern spans services (`*`, `s*:Get`). */
  readonly services: ReadonlySet<string> | undefined;
  /** The names the list holds without wildcards, lower-cased: the keys of a layer's action index. */
  readonly names: readonly string[];
  matches(actionLower: string): boolean;
}

/** Compiles an Action (or NotAction) list. Patterns were validated by the parser. */
export function compileActions(patterns: readonly string[]): ActionMatcher {
  const exact = new Set<string>();
  const globs: Matcher[] = [];
  let services: Set<string> | undefined = new Set<string>();
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    const colon = lower.indexOf(':');
    const service = colon < 0 ? lower : lower.slice(0, colon);
    if (services && (colon < 0 || hasWildcard(service))) services = undefined;
    else services?.add(service);
    if (hasWildcard(lower)) globs.push(compileGlob(lower));
    else exact.add(lower);
  }
  // The common shapes get their own closure: one exact name, or one pattern.
  const names = [...exact];
  if (globs.length === 0 && names.length === 1) {
    const only = names[0];
    return { services, names, matches: (actionLower) => actionLower === only };
  }
  if (names.length === 0 && globs.length === 1) return { services, names, matches: globs[0] as Matcher };
  return {
    services,
    names,
    matches(actionLower) {
      if (exact.has(actionLower)) return true;
      for (const glob of globs) if (glob(actionLower)) return true;
      return false;
    },
  };
}

/**
 * Whether an Action (or NotAction) list matches a lower-cased action, read as it is: no matcher is built, and no
 * string. The parser admits only ASCII letters, digits, `-`, `_`, `:`, `*` and `?` in an action (src/iam/parse.ts),
 * so folding A-Z is the whole of lower-casing it.
 */
export function actionListMatches(patterns: readonly string[], actionLower: string): boolean {
  for (let i = 0; i < patterns.length; i++) if (matchGlob(patterns[i] as string, actionLower, true)) return true;
  return false;
}
