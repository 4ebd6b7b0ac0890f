/**
 * ARN condition operators: ArnEquals, ArnLike, ArnNotEquals and ArnNotLike
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 * "Each of the six colon-delimited components of the ARN is checked separately and each can
 * include" `*` and `?`; "ArnEquals and ArnLike behave identically", as do the two negated ones.
 * Matching is case-sensitive. So `*` never crosses a colon between fields, while the resource
 * field, the rest of the ARN, may hold colons. A request value that is not an ARN satisfies
 * neither the operator nor its negation. Policy variables are supported; a substituted value
 * matches literally.
 */
import { escapeRegex, hasWildcard, type Matcher } from '../glob.js';
import { parseTemplate, resolveVariable, type Template } from '../variables.js';
import type { CompiledValues, ContextMap, OperatorSpec, PolicyScalar, ValueCompiler, ValueTest } from './index.js';
import { compileAnyMatch, hasVariable, memoizeByVariables } from './string.js';

// Characters that would act as wildcards or start an escape if a substituted value kept them.
const GLOB_CHARACTERS = /[*?$]/g;

const NEVER: Matcher = () => false;

/** The characters escapeRegex (src/iam/glob.ts) escapes. */
const REGEX_SPECIAL_CHARACTERS = '\\^$.*+?()[]{}|/-';

/** The four ARN operators: two names for each behaviour. */
export const ARN_OPERATORS: readonly OperatorSpec[] = [
  defineArn('ArnEquals', false),
  defineArn('ArnLike', false),
  defineArn('ArnNotEquals', true),
  defineArn('ArnNotLike', true),
];

function defineArn(name: string, negated: boolean): OperatorSpec {
  return { name, negated, compile: (values, compiler) => compileArn(values, compiler, negated) };
}

/** True when the text has the shape `arn:partition:service:region:account:resource`. */
export function isArn(text: string): boolean {
  if (!text.startsWith('arn:')) return false;
  let at = 3;
  for (let i = 0; i < 4; i++) {
    at = text.indexOf(':', at + 1);
    if (at < 0) return false;
  }
  return true;
}

/**
 * Splits a policy ARN into its six fields at the first five colons, skipping colons inside
 * `${...}` escapes. Undefined when there are fewer than six fields: AWS documents no reading of such a value
 * (compileArn keeps it apart as unknown; one that a variable's value leaves short matches no ARN).
 */
export function splitArnPattern(raw: string, substitute: boolean): string[] | undefined {
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length && fields.length < 5; i++) {
    if (substitute && raw.startsWith('${', i)) {
      const close = raw.indexOf('}', i + 2);
      if (close > 0) i = close;
    } else if (raw[i] === ':') {
      fields.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  if (fields.length < 5) return undefined;
  fields.push(raw.slice(start));
  return fields;
}

/**
 * Values of an ARN operator that do not have the six colon-separated fields AWS matches one by one (`arn:aws:sns:*`).
 * AWS documents no reading of them, so such a value is unknown, never silently a value that matches nothing: the test
 * compiled with them matching nothing (`test`) and the one with them matching every ARN (`widest`) bound every reading,
 * and where the two differ the condition is undecided (src/iam/conditions/index.ts reads both).
 */
export interface UnreadableArnValues {
  readonly values: readonly string[];
  readonly widest: ValueTest;
}

/** The unreadable values of a compiled ARN test, when it has some. */
export const UNREADABLE_ARN: unique symbol = Symbol('unreadable ARN values');

const ANY_ARN: Matcher = () => true;

function compileArn(values: readonly PolicyScalar[], compiler: ValueCompiler, negated: boolean): CompiledValues {
  const fixed: Matcher[] = [];
  const dynamic: ((context: ContextMap) => Matcher | undefined)[] = [];
  const unreadable: string[] = [];
  for (const value of values) {
    const template = parseTemplate(String(value), compiler.substitute);
    if (hasVariable(template)) {
      dynamic.push(memoizeByVariables(template, (context) => compileArnPattern(substitute(template, context), true)));
    } else if (!splitArnPattern(template.raw, compiler.substitute)) {
      unreadable.push(String(value));
    } else {
      fixed.push(compileArnPattern(template.raw, compiler.substitute));
    }
  }
  const test = (matchers: readonly Matcher[]): ValueTest => {
    const any = compileAnyMatch(matchers, negated);
    return (v) => isArn(v) && any(v);
  };
  if (unreadable.length > 0 && dynamic.length === 0) {
    const narrowest = test(fixed);
    const widest = test([...fixed, ANY_ARN]);
    return Object.assign(narrowest, { [UNREADABLE_ARN]: { values: unreadable, widest } });
  }
  if (dynamic.length === 0) return test(fixed);
  return {
    bind(context) {
      const matchers = fixed.slice();
      for (const factory of dynamic) {
        const matcher = factory(context);
        if (matcher) matchers.push(matcher);
      }
      return test(matchers);
    },
  };
}

/**
 * Substitutes the variables and re-escapes what they bring (`*` → `${*}`), so that the value
 * is split into fields after substitution (a variable may fill several, as `${aws:SourceArn}`
 * does) and its characters match literally. Policy text keeps its wildcards; a `$` in it is
 * escaped too, so that no `${` can form anew. Every variable resolves: the caller checked.
 */
function substitute(template: Template, context: ContextMap): string {
  let raw = '';
  for (const part of template.parts) {
    if (part.kind === 'text') raw += part.text.replaceAll('$', '$${$}');
    else
      raw += (part.kind === 'literal' ? part.text : (resolveVariable(part, context) ?? '')).replace(
        GLOB_CHARACTERS,
        '$${$&}',
      );
  }
  return raw;
}

/**
 * Compiles a policy ARN (variables already substituted) into one matcher of the whole request
 * ARN. A wildcard in the first five fields spans no colon (`[^:]*`), so the pattern's separators
 * can only line up with the request's first five colons: the same as matching field by field.
 * A pattern without wildcards is plain equality.
 */
export function compileArnPattern(raw: string, substitute: boolean): Matcher {
  const fields = splitArnPattern(raw, substitute);
  if (!fields) return NEVER;
  const templates = fields.map((f) => parseTemplate(f, substitute));
  if (templates.every((t) => !t.dynamic && !hasWildcard(t.raw))) return (v) => v === raw;
  const source = templates.map((t, i) => fieldSource(t, i === fields.length - 1)).join(':');
  const re = new RegExp(`^${source}$`, 's');
  return (v) => re.test(v);
}

/** RegExp source for one field: policy text with wildcards, escapes and literals as they are. */
function fieldSource(template: Template, resource: boolean): string {
  let source = '';
  for (const part of template.parts) {
    if (part.kind !== 'text') {
      source += escapeRegex(part.kind === 'literal' ? part.text : '');
      continue;
    }
    for (const ch of part.text) {
      if (ch === '*') source += resource ? '.*' : '[^:]*';
      else if (ch === '?') source += resource ? '.' : '[^:]';
      else source += REGEX_SPECIAL_CHARACTERS.includes(ch) ? `\\${ch}` : ch; // escapeRegex, one character
    }
  }
  return source;
}
