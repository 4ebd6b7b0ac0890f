/**
 * String condition operators: StringEquals, StringNotEquals, StringEqualsIgnoreCase,
 * StringNotEqualsIgnoreCase, StringLike and StringNotLike
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
 * All compare case-sensitively except the `IgnoreCase` pair; only the `Like` pair treats `*` and
 * `?` as wildcards. Policy variables are supported; in `Like` values a substituted value and the
 * escapes `${*}`, `${?}`, `${$}` match literally.
 */
import { compileGlob, type Matcher } from '../glob.js';
import { compileTemplateGlob, parseTemplate, renderTemplate, resolveVariable, type Template } from '../variables.js';
import type { CompiledValues, ContextMap, OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';

type Mode = 'exact' | 'ignore-case' | 'like';

const NO_CONTEXT: ContextMap = new Map();

/** The six string operators. */
export const STRING_OPERATORS: readonly OperatorSpec[] = [
  defineString('StringEquals', 'exact', false),
  defineString('StringNotEquals', 'exact', true),
  defineString('StringEqualsIgnoreCase', 'ignore-case', false),
  defineString('StringNotEqualsIgnoreCase', 'ignore-case', true),
  defineString('StringLike', 'like', false),
  defineString('StringNotLike', 'like', true),
];

function defineString(name: string, mode: Mode, negated: boolean): OperatorSpec {
  return {
    name,
    negated,
    acceptsEveryValue: true, // every scalar is read as its text
    compile: (values, compiler) =>
      mode === 'like'
        ? compileLike(toTemplates(values, compiler), negated)
        : compileEquals(values, compiler, mode, negated),
  };
}

/**
 * Parses each value as a template. JSON numbers and booleans are compared as their text: the
 * grammar allows them and IAM reads every condition value as a string
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 */
function toTemplates(values: readonly PolicyScalar[], compiler: ValueCompiler): (Template | string)[] {
  // Text without `${` is plain policy text: kept as the string, with no template parsed.
  return values.map((v) => {
    const text = String(v);
    return compiler.substitute && text.includes('${') ? parseTemplate(text, true) : text;
  });
}

/**
 * Caches what `build` makes from a template, keyed by the values its variables take in the
 * request: the key costs a few lookups, while building (a glob, an ARN pattern) costs a RegExp.
 * Undefined when a variable has no value. The cache is bounded and belongs to one condition.
 */
export function memoizeByVariables<T>(
  template: Template,
  build: (context: ContextMap) => T | undefined,
): (context: ContextMap) => T | undefined {
  const variables = template.parts.flatMap((p) => (p.kind === 'var' ? [p] : []));
  const cache = new Map<string, T>();
  return (context) => {
    let key = '';
    for (const variable of variables) {
      const value = resolveVariable(variable, context);
      if (value === undefined) return undefined;
      key += `${value}\u0000`;
    }
    let built = cache.get(key);
    if (built === undefined) {
      built = build(context);
      if (built === undefined) return undefined;
      if (cache.size >= 256) cache.clear();
      cache.set(key, built);
    }
    return built;
  };
}

/** True when the template names a variable; escapes alone resolve the same for every request. */
export function hasVariable(template: Template): boolean {
  return template.parts.some((p) => p.kind === 'var');
}

/**
 * Equality, exact or case-folded. Values without variables are folded once here; values with
 * variables are rendered per request, and the list is rebuilt only for those.
 */
function compileEquals(
  values: readonly PolicyScalar[],
  compiler: ValueCompiler,
  mode: Mode,
  negated: boolean,
): CompiledValues {
  const fold = mode === 'ignore-case' ? (s: string) => s.toLowerCase() : (s: string) => s;
  const fixed: string[] = [];
  const dynamic: Template[] = [];
  for (const value of values) {
    const text = String(value);
    // Text without `${` is its own rendering: no template to parse.
    if (!compiler.substitute || !text.includes('${')) {
      fixed.push(fold(text));
      continue;
    }
    const template = parseTemplate(text, compiler.substitute);
    if (hasVariable(template)) dynamic.push(template);
    else fixed.push(fold(renderTemplate(template, NO_CONTEXT) ?? template.raw));
  }
  const wrap = (list: readonly string[]): ValueTest => {
    const member = compileMembership(list, negated);
    return mode === 'ignore-case' ? (v) => member(v.toLowerCase()) : member;
  };
  if (dynamic.length === 0) return wrap(fixed);
  return {
    bind(context) {
      const list = fixed.slice();
      for (const template of dynamic) {
        const text = renderTemplate(template, context);
        if (text !== undefined) list.push(fold(text));
      }
      return wrap(list);
    },
  };
}

/**
 * Tests membership in a list: equal to one of them, or (negated) to none. One value compares
 * directly, a few by scanning, many through a Set: each is the fastest for its size.
 */
export function compileMembership(list: readonly string[], negated: boolean): ValueTest {
  if (list.length === 1) {
    const only = list[0];
    return negated ? (v) => v !== only : (v) => v === only;
  }
  if (list.length <= 8) return negated ? (v) => !list.includes(v) : (v) => list.includes(v);
  const set = new Set(list);
  return negated ? (v) => !set.has(v) : (v) => set.has(v);
}

/**
 * Globs: static values compile once (compileGlob picks equality, prefix, suffix or a RegExp);
 * values with variables go through a per-condition cache keyed by the variables' values.
 */
function compileLike(templates: readonly (Template | string)[], negated: boolean): CompiledValues {
  const fixed: Matcher[] = [];
  const dynamic: ((context: ContextMap) => Matcher | undefined)[] = [];
  for (const template of templates) {
    if (typeof template === 'string') fixed.push(compileGlob(template));
    else if (!template.dynamic) fixed.push(compileGlob(template.raw));
    else if (!hasVariable(template)) fixed.push(compileTemplateGlob(template)(NO_CONTEXT) ?? (() => false));
    else dynamic.push(memoizeByVariables(template, compileTemplateGlob(template)));
  }
  if (dynamic.length === 0) return compileAnyMatch(fixed, negated);
  return {
    bind(context) {
      const matchers = fixed.slice();
      for (const factory of dynamic) {
        const matcher = factory(context);
        if (matcher) matchers.push(matcher);
      }
      return compileAnyMatch(matchers, negated);
    },
  };
}

/** Matches one of the matchers, or (negated) none of them; with no matchers, nothing (or all). */
export function compileAnyMatch(matchers: readonly Matcher[], negated: boolean): ValueTest {
  const only = matchers[0];
  if (matchers.length === 1 && only) return negated ? (v) => !only(v) : only;
  const any = (v: string): boolean => {
    for (const matcher of matchers) if (matcher(v)) return true;
    return false;
  };
  return negated ? (v) => !any(v) : any;
}
